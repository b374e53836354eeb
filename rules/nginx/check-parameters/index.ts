import { at, defineRule } from '../../../src/engine/rule.js';
import { nginxModelOf } from '../../../src/model/nginx/cache.js';
import { CHECK_DEFAULTS, CHECK_TYPES, healthCheckOf } from '../../../src/model/nginx/health-check.js';

export default defineRule({
  meta: {
    id: 'nginx/check-parameters',
    layer: 'nginx',
    severity: 'warning',
    summary: 'A Tengine `check` whose timeout is not below its interval, whose rise or fall is zero, or whose type is unknown.',
    rationale:
      'A check that may still be waiting when the next one starts (`timeout` ≥ `interval`) overlaps itself and marks healthy backends down under latency. ' +
      '`rise=0` or `fall=0` flips a backend\'s state on no evidence, and an unknown `type` is rejected when Tengine starts.',
    howToFix: 'Keep `timeout` well below `interval` (e.g. `interval=5000 timeout=3000`), use `rise` and `fall` of at least 1 (2 is usual), and one of the types tcp, ssl_hello, http, mysql, ajp, fastcgi.',
    incident: '3. Tengine health checks: TIME_WAIT pile-up on the proxy',
    docsUrl: 'https://tengine.taobao.org/document/http_upstream_check.html',
    tags: ['tengine'],
    examples: [
      {
        language: 'nginx',
        bad: 'check interval=3000 rise=0 fall=2 timeout=5000 type=http;',
        good: 'check interval=5000 rise=2 fall=2 timeout=3000 type=http;',
      },
    ],
  },
  check(context) {
    for (const config of context.workspace.nginx) {
      for (const upstream of nginxModelOf(config).upstreams) {
        const health = healthCheckOf(upstream);
        if (!health) continue;
        const type = health.params.get('type');
        if (type && !(CHECK_TYPES as readonly string[]).includes(type.value)) {
          context.report({ ...at(type.token), message: `unknown health check type "${type.value}"; use one of ${CHECK_TYPES.join(', ')}` });
        }
        for (const key of ['rise', 'fall'] as const) {
          const param = health.params.get(key);
          if (param && !(Number(param.value) >= 1)) {
            context.report({ ...at(param.token), message: `"${param.token.value}" changes a backend's state on no evidence; use ${key}=1 or more (2 is usual)` });
          }
        }
        const interval = health.params.get('interval');
        const timeout = health.params.get('timeout');
        const intervalMs = Number(interval?.value ?? CHECK_DEFAULTS.interval);
        const timeoutMs = Number(timeout?.value ?? CHECK_DEFAULTS.timeout);
        if (Number.isFinite(intervalMs) && Number.isFinite(timeoutMs) && timeoutMs >= intervalMs) {
          const anchor = timeout ?? interval!;
          context.report({
            ...at(anchor.token),
            message: `health check timeout ${timeoutMs} ms is not below its interval ${intervalMs} ms, so checks overlap and healthy backends are marked down under latency; make timeout smaller than interval`,
            ...(timeout && interval ? { related: [{ ...at(interval.token), message: `interval=${interval.value}` }] } : {}),
          });
        }
      }
    }
  },
});
