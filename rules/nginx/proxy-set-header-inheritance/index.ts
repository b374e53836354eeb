import { at, defineRule } from '../../../src/engine/rule.js';
import type { NginxDirective } from '../../../src/languages/nginx/ast.js';
import { nginxModelOf } from '../../../src/model/nginx/cache.js';
import { effectiveProxyHeaders } from '../../../src/model/nginx/headers.js';
import { insertBeforeDirective } from '../../../src/model/nginx/edits.js';
import { directivesIn } from '../../../src/model/nginx/scopes.js';

/** Headers whose loss changes behaviour: keepalive, virtual hosting, client identity. */
function matters(name: string): boolean {
  return name === 'connection' || name === 'host' || name === 'x-real-ip' || name.startsWith('x-forwarded-') || name === 'forwarded';
}

function sourceOf(directive: NginxDirective): string {
  return `${directive.nameToken.raw} ${directive.args.map((a) => a.raw).join(' ')};`;
}

export default defineRule({
  meta: {
    id: 'nginx/proxy-set-header-inheritance',
    layer: 'nginx',
    severity: 'warning',
    summary: 'A level that sets any `proxy_set_header` silently drops every one inherited from above.',
    rationale:
      '`proxy_set_header` is inherited only by levels that define none of their own. One header added in a location therefore discards the server\'s or http\'s ' +
      '`Connection ""` (and upstream keepalive with it), `Host` and `X-Forwarded-*`, with no warning from nginx.',
    howToFix: 'Repeat the inherited headers that matter at the level that defines its own, or move all `proxy_set_header` lines to one level (an `include` of a shared snippet keeps them in one place).',
    incident: '1. Docker Swarm gateway: TIME_WAIT and tcp_tw_recycle behind NAT',
    docsUrl: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_set_header',
    fixable: 'unsafe',
    tags: ['correctness'],
    examples: [
      {
        language: 'nginx',
        bad: 'server {\n    proxy_set_header Connection "";\n    proxy_set_header Host $host;\n    location /api/ {\n        proxy_set_header X-Api-Key secret;\n        proxy_pass http://api;\n    }\n}',
        good: 'server {\n    proxy_set_header Connection "";\n    proxy_set_header Host $host;\n    location /api/ {\n        proxy_set_header Connection "";\n        proxy_set_header Host $host;\n        proxy_set_header X-Api-Key secret;\n        proxy_pass http://api;\n    }\n}',
      },
    ],
  },
  check(context) {
    for (const config of context.workspace.nginx) {
      const model = nginxModelOf(config);
      for (const scope of model.scopes) {
        const own = directivesIn(scope, 'proxy_set_header');
        if (own.length === 0 || !scope.parent) continue;
        const inherited = effectiveProxyHeaders(scope.parent);
        if (inherited.headers.size === 0) continue;
        const ownNames = new Set(own.map((d) => d.args[0]?.value.toLowerCase()));
        const dropped = [...inherited.headers.entries()].filter(([name]) => matters(name) && !ownNames.has(name)).map(([, d]) => d);
        if (dropped.length === 0) continue;
        const first = own[0]!;
        const names = dropped.map((d) => d.args[0]?.value ?? '').join(', ');
        const edit = insertBeforeDirective(config, first, dropped.map(sourceOf));
        context.report({
          ...at(first.nameToken),
          message: `proxy_set_header here stops inheritance of ${names} from the ${inherited.scope?.kind ?? 'enclosing'} level; repeat ${dropped.length === 1 ? 'it' : 'them'} here`,
          related: dropped.map((d) => ({ ...at(d.nameToken), message: `"${d.args[0]?.value ?? ''}" is set here but not inherited` })),
          ...(edit ? { fix: { title: `Repeat ${names} here`, safety: 'unsafe' as const, edits: [edit] } } : {}),
        });
      }
    }
  },
});
