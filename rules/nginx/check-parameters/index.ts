import { at, defineRule, type FindingInput, type HealthCheck, type RuleKit } from '../../../src/kit/index.js';

const REJECTED = 'Tengine refuse to start ("invalid parameter")';

/** Findings for parameters Tengine itself rejects at startup. */
function rejectedParameters({ nginx, files }: RuleKit, health: HealthCheck): FindingInput[] {
  const { CHECK_PARAMETERS, CHECK_TYPES, checkInteger } = nginx;
  const findings: FindingInput[] = [];
  for (const token of health.unknownParams) {
    const key = token.value.includes('=') ? token.value.slice(0, token.value.indexOf('=')) : token.value;
    const suggestion = files.closest(key, CHECK_PARAMETERS);
    findings.push({
      ...at(token),
      message: `"${token.value}" is not a parameter of check and makes ${REJECTED}; ${suggestion ? `did you mean "${suggestion}="? ` : ''}check takes ${CHECK_PARAMETERS.map((p) => `${p}=`).join(', ')}`,
    });
  }
  const type = health.params.get('type');
  if (type && !(CHECK_TYPES as readonly string[]).includes(type.value)) {
    findings.push({ ...at(type.token), message: `unknown health check type "${type.value}" makes ${REJECTED}; use one of ${CHECK_TYPES.join(', ')}` });
  }
  for (const key of ['interval', 'timeout', 'rise', 'fall', 'port'] as const) {
    const param = health.params.get(key);
    if (!param || checkInteger(param.value) >= 1) continue;
    const example = { interval: 'interval=5000', timeout: 'timeout=3000', rise: 'rise=2', fall: 'fall=2', port: 'port=80' }[key];
    const why =
      checkInteger(param.value) === 0
        ? key === 'rise' || key === 'fall'
          ? 'zero results cannot change a backend\'s state'
          : `${key} must be at least 1`
        : key === 'interval' || key === 'timeout'
          ? 'the value must be a whole number of milliseconds, without a unit'
          : 'the value must be a whole number';
    findings.push({ ...at(param.token), message: `"${param.token.value}" makes ${REJECTED} — ${why}; write e.g. "${example}"` });
  }
  for (const key of ['default_down', 'unique'] as const) {
    const param = health.params.get(key);
    if (param && !/^(?:true|false)$/i.test(param.value)) {
      findings.push({ ...at(param.token), message: `"${param.token.value}" makes Tengine refuse to start: ${key} takes only true or false; write ${key}=true or ${key}=false` });
    }
  }
  return findings;
}

export default defineRule({
  meta: {
    id: 'nginx/check-parameters',
    layer: 'nginx',
    severity: 'warning',
    summary: 'A Tengine `check` whose timeout is not below its interval, or with a parameter Tengine rejects (zero rise/fall, unknown type or key).',
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/nginx/check-parameters/README.md',
    tags: ['tengine'],
  },
  check(context) {
    const { CHECK_DEFAULTS, checkInteger, healthCheckOf } = context.nginx;
    for (const model of context.nginx.models) {
      for (const upstream of model.upstreams) {
        const health = healthCheckOf(upstream);
        if (!health) continue;
        for (const finding of rejectedParameters(context, health)) context.report(finding);
        const interval = health.params.get('interval');
        const timeout = health.params.get('timeout');
        const intervalMs = interval ? checkInteger(interval.value) : CHECK_DEFAULTS.interval;
        const timeoutMs = timeout ? checkInteger(timeout.value) : CHECK_DEFAULTS.timeout;
        if (!(intervalMs > 0 && timeoutMs > 0 && timeoutMs >= intervalMs)) continue;
        const anchor = timeout ?? interval!;
        context.report({
          ...at(anchor.token),
          message:
            `"${anchor.token.value}" lets a health check wait ${timeoutMs} ms while the next one is due every ${intervalMs} ms, so checks overlap and under latency healthy backends are marked down; ` +
            `make timeout smaller than interval, e.g. "timeout=${Math.max(1, Math.floor(intervalMs * 0.6))}" with "interval=${intervalMs}"`,
          ...(timeout && interval ? { related: [{ ...at(interval.token), message: `"${interval.token.value}" set here` }] } : {}),
        });
      }
    }
  },
});
