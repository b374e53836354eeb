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
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/hop/idle-timeout-order/README.md',
    fixable: 'unsafe',
    tags: ['reliability', 'cross-layer'],
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
