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
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/sysctl/tw-buckets-low/README.md',
    optionsSchema: {
      type: 'object',
      properties: { minimum: { type: 'integer', minimum: 1, description: 'Smallest tcp_max_tw_buckets not reported.' } },
      additionalProperties: false,
    },
    defaultOptions: { minimum: 32768 },
    tags: ['time-wait'],
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
