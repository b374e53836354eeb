import { at, defineRule } from '../../../src/kit/index.js';

export default defineRule({
  meta: {
    id: 'sysctl/tcp-tw-reuse-timestamps',
    layer: 'sysctl',
    severity: 'warning',
    summary: '`net.ipv4.tcp_tw_reuse` is on while `net.ipv4.tcp_timestamps` is 0, so reuse never happens.',
    rationale:
      'tcp_tw_reuse lets an outgoing connection take over a TIME_WAIT socket only when TCP timestamps prove that old segments cannot be confused with new ones. ' +
      'With timestamps off the kernel never reuses, so the setting promises relief from port exhaustion that it cannot give.',
    howToFix: 'Keep `net.ipv4.tcp_timestamps = 1` (the default) wherever `net.ipv4.tcp_tw_reuse` is 1 or 2.',
    incident: '3. Tengine health checks: TIME_WAIT pile-up on the proxy',
    docsUrl: 'https://www.kernel.org/doc/html/latest/networking/ip-sysctl.html',
    tags: ['time-wait'],
    examples: [{ language: 'sysctl', bad: 'net.ipv4.tcp_tw_reuse = 1\nnet.ipv4.tcp_timestamps = 0', good: 'net.ipv4.tcp_tw_reuse = 1\nnet.ipv4.tcp_timestamps = 1' }],
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
