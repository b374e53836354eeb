import { at, defineRule } from '../../../src/kit/index.js';

export default defineRule({
  meta: {
    id: 'sysctl/tcp-tw-reuse-timestamps',
    layer: 'sysctl',
    severity: 'warning',
    summary: '`net.ipv4.tcp_tw_reuse` is on while `net.ipv4.tcp_timestamps` is 0, so reuse never happens.',
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/sysctl/tcp-tw-reuse-timestamps/README.md',
    tags: ['time-wait'],
  },
  check(context) {
    const { sysctl } = context;
    const reuse = sysctl.effectiveInteger('net.ipv4.tcp_tw_reuse');
    const timestamps = sysctl.effectiveInteger('net.ipv4.tcp_timestamps');
    if (!reuse || !timestamps || reuse.value === 0 || timestamps.value !== 0) return;
    context.report({
      ...at(reuse.effective.assignment.valueSpan),
      message:
        `"${sysctl.writtenText(reuse.effective.assignment)}" does nothing while net.ipv4.tcp_timestamps = 0: the kernel hands a TIME_WAIT port to a new outgoing connection ` +
        'only when TCP timestamps prove old segments cannot be mistaken for new ones; set net.ipv4.tcp_timestamps = 1',
      related: [{ ...at(timestamps.effective.assignment.valueSpan), message: 'timestamps turned off here' }],
    });
  },
});
