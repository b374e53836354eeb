import { at, defineRule } from '../../../src/engine/rule.js';
import { effectiveInteger } from '../../../src/model/sysctl.js';

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
      'When more sockets than tcp_max_tw_buckets are in TIME_WAIT the kernel destroys the extra ones at once and logs "TCP: time wait bucket table overflow" for each. ' +
      'That hides the real cause (short-lived connections), fills the log, and gives up TIME_WAIT\'s protection against old duplicate segments.',
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
    const found = effectiveInteger(context.workspace.sysctl, 'net.ipv4.tcp_max_tw_buckets');
    if (!found || found.value >= context.options.minimum) return;
    context.report({
      ...at(found.effective.assignment.valueSpan),
      message: `net.ipv4.tcp_max_tw_buckets = ${found.value} makes the kernel destroy TIME_WAIT sockets beyond ${found.value} and log "time wait bucket table overflow" for each; remove the cause of TIME_WAIT and raise it to at least ${context.options.minimum}`,
    });
  },
});
