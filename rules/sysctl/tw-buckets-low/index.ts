import { at, defineRule } from '../../../src/kit/index.js';

interface Options {
  minimum: number;
}

export default defineRule<Options>({
  meta: {
    id: 'sysctl/tw-buckets-low',
    layer: 'sysctl',
    severity: 'info',
    summary: 'A low `net.ipv4.tcp_max_tw_buckets` destroys TIME_WAIT sockets early and floods the kernel log.',
    rationale:
      'When more sockets than tcp_max_tw_buckets are in TIME_WAIT the kernel closes the extra ones at once instead of keeping them in TIME_WAIT, and logs "TCP: time wait bucket table overflow" ' +
      '(newer kernels only count TCPTimeWaitOverflow in `netstat -s`). The kernel documentation says the limit exists only against simple DoS attacks and must not be lowered artificially. ' +
      'Lowering it hides the real cause (short-lived connections) and gives up TIME_WAIT\'s protection against old duplicate segments.',
    howToFix: 'Fix the source of TIME_WAIT (keepalive to upstreams, backends that close first) and leave the limit at its default or a high value.',
    incident: '3. Tengine health checks: TIME_WAIT pile-up on the proxy',
    docsUrl: 'https://www.kernel.org/doc/html/latest/networking/ip-sysctl.html',
    optionsSchema: {
      type: 'object',
      properties: { minimum: { type: 'integer', minimum: 1, description: 'Smallest tcp_max_tw_buckets not reported.' } },
      additionalProperties: false,
    },
    defaultOptions: { minimum: 32768 },
    tags: ['time-wait'],
    examples: [{ language: 'sysctl', bad: 'net.ipv4.tcp_max_tw_buckets = 5000', good: '# tcp_max_tw_buckets left at the kernel default' }],
  },
  check(context) {
    const { sysctl } = context;
    const found = sysctl.effectiveInteger('net.ipv4.tcp_max_tw_buckets');
    if (!found || found.value >= context.options.minimum) return;
    const assignment = found.effective.assignment;
    context.report({
      ...at(assignment.valueSpan),
      message:
        `"${sysctl.writtenText(assignment)}" makes the kernel close every TIME_WAIT socket beyond ${found.value} at once, giving up TIME_WAIT's protection against stale segments ` +
        `and warning "time wait bucket table overflow"; fix the source of TIME_WAIT (upstream keepalive, backends that close first) and raise it to at least ${context.options.minimum} or delete the line`,
    });
  },
});
