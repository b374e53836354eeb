import { at, defineRule } from '../../../src/kit/index.js';

const INSERT = 'check_keepalive_requests 2;';

export default defineRule({
  meta: {
    id: 'nginx/check-keepalive-requests',
    layer: 'nginx',
    severity: 'warning',
    summary: 'Tengine HTTP health checks with `check_keepalive_requests` absent or ≤ 1 make the proxy close every check connection itself.',
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/nginx/check-keepalive-requests/README.md',
    fixable: 'unsafe',
    tags: ['tengine', 'time-wait'],
  },
  check(context) {
    const { appendToBlock, healthCheckOf, quoteSource, replaceToken } = context.nginx;
    for (const model of context.nginx.models) {
      for (const upstream of model.upstreams) {
        const health = healthCheckOf(upstream);
        if (!health || health.type !== 'http') continue;
        const typeToken = health.params.get('type')!.token;
        const keepalive = health.keepaliveRequests;
        if (!keepalive) {
          const edit = appendToBlock(upstream.directive, INSERT);
          context.report({
            ...at(typeToken),
            message:
              `the "${typeToken.value}" health check of upstream "${upstream.name}" leaves check_keepalive_requests at its default 1, so the checker closes every check connection itself ` +
              `and the proxy holds a TIME_WAIT socket per backend and interval; add "${INSERT}" with an HTTP/1.0 check_http_send`,
            ...(edit ? { fix: { title: `Insert "${INSERT}"`, safety: 'unsafe' as const, edits: [edit] } } : {}),
          });
          continue;
        }
        if (keepalive.value > 1) continue;
        const token = keepalive.token;
        const rejected = !(keepalive.value >= 1);
        context.report({
          ...at(token),
          message: rejected
            ? `${quoteSource(`check_keepalive_requests ${token.raw}`)} is not a positive integer, and Tengine refuses to start on it ("invalid value"); write "${INSERT}"`
            : `${quoteSource(`check_keepalive_requests ${token.raw}`)} makes the checker close every health-check connection itself, so the proxy holds a TIME_WAIT socket per backend and interval; write "${INSERT}"`,
          related: [{ ...at(typeToken), message: 'HTTP health check declared here' }],
          fix: { title: 'Change to 2', safety: 'unsafe', edits: [replaceToken(token, '2')] },
        });
      }
    }
  },
});
