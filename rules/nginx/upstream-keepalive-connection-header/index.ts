import { at, defineRule } from '../../../src/engine/rule.js';
import { nginxModelOf } from '../../../src/model/nginx/cache.js';
import { clearsConnectionHeader, effectiveProxyHeaders } from '../../../src/model/nginx/headers.js';
import { insertBeforeDirective } from '../../../src/model/nginx/edits.js';

export default defineRule({
  meta: {
    id: 'nginx/upstream-keepalive-connection-header',
    layer: 'nginx',
    severity: 'warning',
    summary: 'Proxying to a keepalive upstream without clearing the Connection header defeats the keepalive pool.',
    rationale:
      'nginx forwards `Connection: close` to the upstream unless `proxy_set_header Connection "";` clears it, so the backend closes each connection after one response. ' +
      'The `keepalive` pool stays empty and every request costs a new connection and a TIME_WAIT socket.',
    howToFix:
      'In the proxying location (or the level whose `proxy_set_header` list it inherits) add `proxy_set_header Connection "";` — or, for WebSocket upgrades, a `map $http_upgrade $connection_upgrade { default upgrade; \'\' \'\'; }` and `proxy_set_header Connection $connection_upgrade;`.',
    incident: '1. Docker Swarm gateway: TIME_WAIT and tcp_tw_recycle behind NAT',
    docsUrl: 'https://nginx.org/en/docs/http/ngx_http_upstream_module.html#keepalive',
    fixable: 'safe',
    tags: ['performance', 'time-wait'],
    examples: [
      {
        language: 'nginx',
        bad: 'upstream api { server 10.0.0.5:8080; keepalive 32; }\nserver {\n    location / {\n        proxy_http_version 1.1;\n        proxy_pass http://api;\n    }\n}',
        good: 'upstream api { server 10.0.0.5:8080; keepalive 32; }\nserver {\n    location / {\n        proxy_http_version 1.1;\n        proxy_set_header Connection "";\n        proxy_pass http://api;\n    }\n}',
      },
    ],
  },
  check(context) {
    for (const config of context.workspace.nginx) {
      const model = nginxModelOf(config);
      for (const use of model.proxyPasses) {
        const upstream = use.upstream;
        if (!upstream?.keepalive) continue;
        const { headers, scope } = effectiveProxyHeaders(use.scope);
        const connection = headers.get('connection');
        const value = connection?.args[1]?.value;
        if (value !== undefined && clearsConnectionHeader(model, value)) continue;
        const related = [{ ...at(upstream.keepalive.nameToken), message: `upstream "${upstream.name}" keeps idle connections here` }];
        if (connection) {
          const token = connection.args[1] ?? connection.nameToken;
          context.report({
            ...at(token),
            message: `"proxy_set_header Connection ${token.raw}" does not clear Connection for ordinary requests, so upstream "${upstream.name}" closes its keepalive connections; set it to "" (or a map that yields "" without Upgrade)`,
            related: [...related, { ...at(use.directive.nameToken), message: 'proxy_pass that uses it' }],
          });
          continue;
        }
        // Only where adding a header cannot cut off an inherited list, and where the directive is allowed.
        const safeLevel = use.scope.kind === 'location' && (scope === undefined || scope === use.scope);
        const edit = safeLevel ? insertBeforeDirective(config, use.directive, 'proxy_set_header Connection "";') : undefined;
        context.report({
          ...at(use.directive.nameToken),
          message: `proxy_pass to keepalive upstream "${upstream.name}" forwards the client's Connection header, so upstream connections are closed after each request; add 'proxy_set_header Connection "";'`,
          related,
          ...(edit ? { fix: { title: 'Insert \'proxy_set_header Connection "";\'', safety: 'safe' as const, edits: [edit] } } : {}),
        });
      }
    }
  },
});
