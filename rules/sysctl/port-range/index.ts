import { at, defineRule } from '../../../src/kit/index.js';

const KEY = 'net.ipv4.ip_local_port_range';
/** Since 4.11 the kernel rejects a range that starts below ip_unprivileged_port_start. */
const UNPRIVILEGED_CHECK_SINCE = '4.11';

interface Options {
  minimumPorts: number;
}

export default defineRule<Options>({
  meta: {
    id: 'sysctl/port-range',
    layer: 'sysctl',
    severity: 'warning',
    summary: '`net.ipv4.ip_local_port_range` that the kernel rejects, or that leaves too few ephemeral ports for outgoing connections.',
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/sysctl/port-range/README.md',
    optionsSchema: {
      type: 'object',
      properties: { minimumPorts: { type: 'integer', minimum: 1, description: 'Smallest acceptable number of ports in the range.' } },
      additionalProperties: false,
    },
    defaultOptions: { minimumPorts: 10000 },
    tags: ['time-wait'],
  },
  check(context) {
    const { sysctl } = context;
    const effective = sysctl.effectiveValue(KEY);
    if (!effective) return;
    const [lowText, highText, ...rest] = effective.value.trim().split(/[ \t]+/);
    const low = sysctl.parseKernelInteger(lowText ?? '');
    const high = sysctl.parseKernelInteger(highText ?? '');
    // sysctl/invalid-value reports a value that is not two ports in 1..65535.
    if (low === undefined || high === undefined || rest.length > 0 || low < 1 || high > 65535) return;
    const span = effective.assignment.valueSpan;
    const quoted = `"${sysctl.writtenText(effective.assignment)}"`;
    if (high < low) {
      context.report({ ...at(span), severity: 'error', message: `the kernel rejects ${quoted}: the end (${high}) is below the start (${low}), so the old range stays; write the lower port first, e.g. "${high} ${low}"` });
      return;
    }
    const unprivilegedStart = sysctl.effectiveInteger('net.ipv4.ip_unprivileged_port_start')?.value ?? 1024;
    if (low < unprivilegedStart && sysctl.kernelAtLeast(UNPRIVILEGED_CHECK_SINCE) !== false) {
      context.report({
        ...at(span),
        severity: 'error',
        message: `the kernel (4.11 and later) rejects ${quoted}: the range starts below net.ipv4.ip_unprivileged_port_start (${unprivilegedStart}), so the old range stays; start at ${unprivilegedStart} or above`,
      });
      return;
    }
    const ports = high - low + 1;
    if (ports < context.options.minimumPorts) {
      context.report({
        ...at(span),
        message: `${quoted} leaves ${ports} ephemeral ports for outgoing connections; each closed connection holds its port in TIME_WAIT for 60 s, so a busy proxy runs out and connect() fails with EADDRNOTAVAIL; widen it to at least ${context.options.minimumPorts} ports, e.g. "10000 65535"`,
      });
      return;
    }
    if (low % 2 === high % 2) {
      context.report({
        ...at(span),
        severity: 'info',
        message: `${quoted} has two ${low % 2 === 0 ? 'even' : 'odd'} ends; the kernel documentation recommends different parities (e.g. "${low} ${low % 2 === 0 ? high + 1 : high - 1}") so connect() and bind() draw from separate halves`,
      });
    }
  },
});
