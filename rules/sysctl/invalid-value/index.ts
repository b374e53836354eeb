import { at, defineRule, type SysctlKit } from '../../../src/kit/index.js';

/**
 * sysctl/port-range judges a well-formed ip_local_port_range (two ports in 1..65535) with a better
 * message: a reversed range, a start below ip_unprivileged_port_start. The shape and bounds stay here.
 */
function judgedByPortRange(sysctl: SysctlKit, key: string, value: string): boolean {
  if (key !== 'net.ipv4.ip_local_port_range') return false;
  const ports = value.trim().split(/[ \t]+/).map(sysctl.parseKernelInteger);
  return ports.length === 2 && ports.every((port) => port !== undefined && port >= 1 && port <= 65535);
}

export default defineRule({
  meta: {
    id: 'sysctl/invalid-value',
    layer: 'sysctl',
    severity: 'error',
    summary: 'A sysctl value of the wrong type or outside the range the kernel accepts.',
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/sysctl/invalid-value/README.md',
    tags: ['correctness'],
  },
  check(context) {
    const { sysctl } = context;
    const kernel = context.environment.kernelVersion;
    for (const assignment of sysctl.allAssignments()) {
      if (assignment.isGlob || assignment.value === undefined || assignment.inlineComment || judgedByPortRange(sysctl, assignment.key, assignment.value)) continue;
      const spec = sysctl.lookupKey(assignment.key);
      if (!spec) continue;
      const problem = sysctl.validateValue(spec, assignment.value, kernel, assignment.key);
      if (!problem || problem.kind === 'removed' || problem.kind === 'not-yet') continue;
      context.report({ ...at(assignment.valueSpan), message: problem.message });
    }
  },
});
