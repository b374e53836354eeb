import { at, defineRule } from '../../../src/engine/rule.js';
import { parseKernelInteger } from '../../../src/languages/sysctl/index.js';
import { effectiveInteger } from '../../../src/model/sysctl.js';

const KEY = 'net.ipv4.ip_local_port_range';

interface Options {
  minimumPorts: number;
}

export default defineRule<Options>({
  meta: {
    id: 'sysctl/port-range',
    layer: 'sysctl',
    severity: 'warning',
    summary: '`net.ipv4.ip_local_port_range` that the kernel rejects, or that leaves too few ephemeral ports for outgoing connections.',
    rationale:
      'Every outgoing connection (a proxy to its upstreams, a health checker to its backends) takes a local port, and a closed one stays in TIME_WAIT for 60 s. ' +
      'A narrow range runs out under load and connects fail with EADDRNOTAVAIL. The kernel rejects a range whose end is below its start, or whose start is below ' +
      '`ip_unprivileged_port_start` (1024), and keeps the old value. Ranges whose ends have different parity let connect() and bind() use separate halves.',
    howToFix: 'Use a wide range such as `net.ipv4.ip_local_port_range = 10000 65535` (start ≥ 1024, end > start, ideally one end even and one odd).',
    incident: '3. Tengine health checks: TIME_WAIT pile-up on the proxy',
    docsUrl: 'https://www.kernel.org/doc/html/latest/networking/ip-sysctl.html',
    optionsSchema: {
      type: 'object',
      properties: { minimumPorts: { type: 'integer', minimum: 1, description: 'Smallest acceptable number of ports in the range.' } },
      additionalProperties: false,
    },
    defaultOptions: { minimumPorts: 10000 },
    tags: ['time-wait'],
    examples: [{ language: 'sysctl', bad: 'net.ipv4.ip_local_port_range = 32768 35000', good: 'net.ipv4.ip_local_port_range = 10000 65535' }],
  },
  check(context) {
    const { sysctl } = context.workspace;
    const effective = sysctl.effective.get(KEY);
    if (!effective) return;
    const [lowText, highText, ...rest] = effective.value.trim().split(/[ \t]+/);
    const low = parseKernelInteger(lowText ?? '');
    const high = parseKernelInteger(highText ?? '');
    if (low === undefined || high === undefined || rest.length > 0) return; // sysctl/invalid-value reports the shape
    const span = effective.assignment.valueSpan;
    const unprivilegedStart = effectiveInteger(sysctl, 'net.ipv4.ip_unprivileged_port_start')?.value ?? 1024;
    if (high < low) {
      context.report({ ...at(span), severity: 'error', message: `the kernel rejects "${effective.value}" for ${KEY} (end below start) and keeps its old range; write the lower port first` });
      return;
    }
    if (low < unprivilegedStart) {
      context.report({
        ...at(span),
        severity: 'error',
        message: `the kernel rejects "${effective.value}" for ${KEY}: the range starts below ip_unprivileged_port_start (${unprivilegedStart}); start at ${unprivilegedStart} or above`,
      });
      return;
    }
    const ports = high - low + 1;
    if (ports < context.options.minimumPorts) {
      context.report({
        ...at(span),
        message: `${KEY} = ${effective.value} leaves ${ports} ephemeral ports; with TIME_WAIT holding each closed port for 60 s outgoing connects run out (EADDRNOTAVAIL); widen it to at least ${context.options.minimumPorts} ports, e.g. "10000 65535"`,
      });
      return;
    }
    if (low % 2 === high % 2) {
      context.report({
        ...at(span),
        severity: 'info',
        message: `${KEY} = ${effective.value} has ends of the same parity; the kernel documentation recommends one even and one odd end so connect() and bind() use separate halves`,
      });
    }
  },
});
