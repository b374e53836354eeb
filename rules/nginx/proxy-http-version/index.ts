import { at, defineRule } from '../../../src/engine/rule.js';
import type { NginxDirective, NginxToken } from '../../../src/languages/nginx/ast.js';
import { nginxModelOf } from '../../../src/model/nginx/cache.js';
import { effectiveDirective } from '../../../src/model/nginx/scopes.js';
import { insertBeforeDirective, replaceToken } from '../../../src/model/nginx/edits.js';

export default defineRule({
  meta: {
    id: 'nginx/proxy-http-version',
    layer: 'nginx',
    severity: 'warning',
    summary: 'Proxying with the default `proxy_http_version 1.0` makes every upstream request a new TCP connection.',
    rationale:
      'nginx speaks HTTP/1.0 to upstreams unless told otherwise, so each proxied request opens a connection that the backend closes after one response. ' +
      'The closing side keeps the socket in TIME_WAIT for 2×MSL; under load tens of thousands pile up on the backend, ports run out and requests fail. ' +
      'Upstream keepalive (`keepalive N;` in an `upstream`) also needs HTTP/1.1.',
    howToFix: 'Set `proxy_http_version 1.1;` in the location (or once in `http {}`), clear the Connection header with `proxy_set_header Connection "";`, and give the upstream a `keepalive` pool.',
    incident: '1. Docker Swarm gateway: TIME_WAIT and tcp_tw_recycle behind NAT',
    docsUrl: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_http_version',
    fixable: 'safe',
    tags: ['performance', 'time-wait'],
    examples: [
      {
        language: 'nginx',
        bad: 'location / {\n    proxy_pass http://backend;\n}',
        good: 'location / {\n    proxy_http_version 1.1;\n    proxy_set_header Connection "";\n    proxy_pass http://backend;\n}',
      },
    ],
  },
  check(context) {
    for (const config of context.workspace.nginx) {
      const model = nginxModelOf(config);
      // One finding per explicit "1.0" however many locations inherit it.
      const explicit = new Map<NginxToken, NginxDirective[]>();
      for (const use of model.proxyPasses) {
        const version = effectiveDirective(use.scope, 'proxy_http_version')?.directive.args[0];
        if (version && version.value !== '1.0') continue;
        if (version) {
          explicit.set(version, [...(explicit.get(version) ?? []), use.directive]);
          continue;
        }
        // proxy_http_version is not allowed inside `if` or `limit_except`: no automatic fix there.
        const edit = use.scope.kind === 'location' ? insertBeforeDirective(config, use.directive, 'proxy_http_version 1.1;') : undefined;
        context.report({
          ...at(use.directive.nameToken),
          message:
            'proxy_pass uses nginx\'s default "proxy_http_version 1.0": every request opens and closes an upstream connection and TIME_WAIT piles up; add "proxy_http_version 1.1;"',
          ...(edit ? { fix: { title: 'Insert "proxy_http_version 1.1;"', safety: 'safe' as const, edits: [edit] } } : {}),
        });
      }
      for (const [version, uses] of explicit) {
        context.report({
          ...at(version),
          message: `"proxy_http_version 1.0" makes every proxied request a new upstream connection and TIME_WAIT piles up; write "proxy_http_version 1.1;"`,
          related: uses.map((use) => ({ ...at(use.nameToken), message: 'proxy_pass that uses it' })),
          fix: { title: 'Change to "1.1"', safety: 'safe', edits: [replaceToken(version, '1.1')] },
        });
      }
    }
  },
});
