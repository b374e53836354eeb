import { at, defineRule } from '../../../src/engine/rule.js';
import { nginxModelOf } from '../../../src/model/nginx/cache.js';
import { effectiveDirective } from '../../../src/model/nginx/scopes.js';
import { parseNginxTime } from '../../../src/model/nginx/time.js';

const NGINX_DEFAULT_KEEPALIVE_MS = 75_000;

export default defineRule({
  meta: {
    id: 'hop/idle-timeout-order',
    layer: 'hop',
    severity: 'warning',
    summary: 'nginx `keepalive_timeout` not above the idle timeout of the load balancer in front of it.',
    rationale:
      'A load balancer reuses idle connections to nginx until its own idle timeout. If nginx closes an idle connection first, a request the LB sends at that moment meets a closed socket, ' +
      'and the client gets a 502. Each hop must keep idle connections open longer than the hop in front of it.',
    howToFix: 'Set `keepalive_timeout` above the LB idle timeout declared in `environment.lbIdleTimeoutSeconds` (the write-up chose the LB\'s value + 1 s).',
    incident: '2. Rancher Kubernetes: overlay MTU 1500 → gateway 502 on large bodies',
    docsUrl: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#keepalive_timeout',
    fixable: 'unsafe',
    tags: ['reliability', 'cross-layer'],
    examples: [{ language: 'nginx', bad: 'keepalive_timeout 60s;   # LB idle timeout 60 s', good: 'keepalive_timeout 61s;' }],
  },
  check(context) {
    const lbSeconds = context.workspace.environment.lbIdleTimeoutSeconds;
    if (lbSeconds === undefined) return;
    const wanted = `${lbSeconds + 1}s`;
    for (const config of context.workspace.nginx) {
      const model = nginxModelOf(config);
      const reported = new Set<unknown>();
      for (const scope of model.scopes) {
        if (scope.kind !== 'server' || !scope.directive) continue;
        const found = effectiveDirective(scope, 'keepalive_timeout');
        const token = found?.directive.args[0];
        const ms = token ? parseNginxTime(token.value) : NGINX_DEFAULT_KEEPALIVE_MS;
        if (ms === undefined || ms > lbSeconds * 1000) continue;
        const anchor = token ?? scope.directive.nameToken;
        if (reported.has(anchor)) continue;
        reported.add(anchor);
        const current = token ? `keepalive_timeout ${token.value}` : `the default keepalive_timeout of 75s`;
        context.report({
          ...at(anchor),
          message: `${current} is not above the load balancer's idle timeout of ${lbSeconds}s, so nginx may close a connection the LB is about to reuse (502); set keepalive_timeout ${wanted}`,
          ...(token
            ? { fix: { title: `Set keepalive_timeout ${wanted}`, safety: 'unsafe' as const, edits: [{ file: token.file, start: token.start, end: token.end, text: wanted }] } }
            : {}),
        });
      }
    }
  },
});
