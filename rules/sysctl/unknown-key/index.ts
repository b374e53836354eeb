import { at, defineRule, type SysctlKit } from '../../../src/kit/index.js';

/** sysctl/tcp-tw-recycle reports an enabled tcp_tw_recycle, removal included; a disabled one that fails to load is reported here. */
function reportedByTcpTwRecycle(sysctl: SysctlKit, key: string, value: string | undefined): boolean {
  return key === 'net.ipv4.tcp_tw_recycle' && value !== undefined && sysctl.parseKernelInteger(value.split(/[ \t]+/)[0] ?? '') !== 0;
}

export default defineRule({
  meta: {
    id: 'sysctl/unknown-key',
    layer: 'sysctl',
    severity: 'warning',
    summary: 'A sysctl key that does not exist (a typo), or that no longer exists on the declared kernel.',
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/sysctl/unknown-key/README.md',
    fixable: 'unsafe',
    tags: ['correctness'],
  },
  check(context) {
    const { sysctl } = context;
    const kernel = context.environment.kernelVersion;
    for (const assignment of sysctl.allAssignments()) {
      if (assignment.isGlob) continue;
      const spec = sysctl.lookupKey(assignment.key);
      if (spec) {
        const problem = sysctl.keyAvailability(spec, kernel, assignment.key);
        if (problem && !assignment.ignoreFailure && !reportedByTcpTwRecycle(sysctl, assignment.key, assignment.value)) {
          context.report({ ...at(assignment.keySpan), message: `${problem.message}; delete the line or prefix it with "-"` });
        }
        continue;
      }
      // The key table is not every key of every kernel: only a near miss of a known key is a confident typo.
      const suggestion = sysctl.suggestKey(assignment.key);
      if (!suggestion) continue;
      context.report({
        ...at(assignment.keySpan),
        message: `unknown sysctl key "${assignment.rawKey}": "sysctl -p" reports an error and systemd-sysctl skips the line, so the setting never applies; did you mean "${suggestion}"?`,
        fix: { title: `Replace with "${suggestion}"`, safety: 'unsafe', edits: [sysctl.replaceKey(assignment, suggestion)] },
      });
    }
  },
});
