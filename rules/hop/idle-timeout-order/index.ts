import { at, defineRule, type Fix, type NginxKit, type NginxScope, type NginxToken } from '../../../src/kit/index.js';

/** ngx_http_core_module's keepalive_timeout default. */
const NGINX_DEFAULT_KEEPALIVE_MS = 75_000;

/** Levels where keepalive_timeout applies to client connections: an http `server` and its `location`s. */
function isClientLevel(nginx: NginxKit, scope: NginxScope): boolean {
  return (scope.kind === 'server' || scope.kind === 'location') && nginx.enclosing(scope, ['http', 'stream', 'mail'])?.kind === 'http';
}

export default defineRule({
  meta: {
    id: 'hop/idle-timeout-order',
    layer: 'hop',
    severity: 'warning',
    summary: 'nginx `keepalive_timeout` not above the idle timeout of the load balancer in front of it.',
    rationale:
      'A load balancer reuses idle connections to nginx until its own idle timeout. If nginx closes an idle connection first, a request the LB sends at that moment meets a closed socket, ' +
      'and the client gets a 502. Each hop must keep idle connections open longer than the hop in front of it.',
    howToFix: "Set `keepalive_timeout` above the LB idle timeout declared in `environment.lbIdleTimeoutSeconds` (the write-up chose the LB's value + 1 s).",
    incident: '2. Rancher Kubernetes: overlay MTU 1500 → gateway 502 on large bodies',
    docsUrl: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#keepalive_timeout',
    fixable: 'unsafe',
    tags: ['reliability', 'cross-layer'],
    examples: [{ language: 'nginx', bad: 'keepalive_timeout 60s;   # LB idle timeout 60 s', good: 'keepalive_timeout 61s;' }],
  },
  check(context) {
    const lbSeconds = context.environment.lbIdleTimeoutSeconds;
    if (lbSeconds === undefined) return;
    const lbMs = lbSeconds * 1000;
    const wanted = `${Math.floor(lbSeconds) + 1}s`;
    const problem = `is not above the load balancer's idle timeout of ${lbSeconds}s (environment.lbIdleTimeoutSeconds), so nginx may close a connection just as the LB reuses it (502)`;
    const { nginx } = context;
    const { effectiveDirective, hasUnseenAncestor, insertIntoBlock, parseTime, replaceToken } = nginx;
    for (const model of nginx.models) {
      const reported = new Set<NginxToken>();
      for (const scope of model.scopes) {
        if (!scope.directive || !isClientLevel(nginx, scope)) continue;
        const found = effectiveDirective(scope, 'keepalive_timeout');
        if (found) {
          const token = found.directive.args[0];
          const ms = token ? parseTime(token.value) : undefined;
          // 0 turns keep-alive off: nginx answers with `Connection: close`, and the LB does not reuse the connection.
          if (!token || ms === undefined || ms === 0 || ms > lbMs || reported.has(token)) continue;
          reported.add(token);
          const fix: Fix = { title: `Set keepalive_timeout ${wanted}`, safety: 'unsafe', edits: [replaceToken(token, wanted)] };
          context.report({ ...at(token), message: `keepalive_timeout ${token.value} ${problem}; set keepalive_timeout ${wanted}`, fix });
          continue;
        }
        // The default applies only where every enclosing level is in the linted files.
        if (scope.kind !== 'server' || NGINX_DEFAULT_KEEPALIVE_MS > lbMs || hasUnseenAncestor(scope)) continue;
        const edit = insertIntoBlock(scope.directive, `keepalive_timeout ${wanted};`);
        context.report({
          ...at(scope.directive.nameToken),
          message: `this server uses nginx's default keepalive_timeout of 75s, which ${problem}; add keepalive_timeout ${wanted}`,
          ...(edit ? { fix: { title: `Insert keepalive_timeout ${wanted}`, safety: 'unsafe' as const, edits: [edit] } } : {}),
        });
      }
    }
  },
});
