import { at, defineRule, type SysctlAssignment, type SysctlFileOrder, type SysctlHistoryEntry } from '../../../src/kit/index.js';

/** Paths as reports show them (relative to the working directory), for use inside messages. */
type DisplayPath = (file: string) => string;

/** The kernel receives the value as written; runs of blanks between vector members do not change it. */
function sameValue(a: string, b: string): boolean {
  return a.trim().split(/[ \t]+/).join(' ') === b.trim().split(/[ \t]+/).join(' ');
}

/** Why `winner` beats the assignment of `entry`, in the terms of `sysctl --system`'s load order. */
function whyItLoses(entry: SysctlHistoryEntry, winner: SysctlAssignment, files: readonly SysctlFileOrder[], display: DisplayPath): string {
  const loser = entry.assignment;
  const winnerPlace = `"${winner.value}" at ${display(winner.valueSpan.file)}:${winner.valueSpan.line}`;
  if (entry.reason === 'masked') {
    const masking = entry.maskedBy === undefined ? 'a file of the same name' : display(entry.maskedBy);
    return `its file is masked by ${masking} (same name, higher-priority sysctl.d directory) and never read; the kernel gets ${winnerPlace}`;
  }
  if (loser.lineSpan.file === winner.lineSpan.file) return `the last assignment in a file wins: ${winnerPlace}`;
  const location = (assignment: SysctlAssignment): SysctlFileOrder | undefined => files.find((f) => f.file === assignment.lineSpan.file);
  const winnerAt = location(winner)?.location;
  const loserAt = location(loser)?.location;
  if (winnerAt?.systemPath === '/etc/sysctl.conf' && loserAt?.systemPath !== '/etc/sysctl.conf') {
    return `procps applies /etc/sysctl.conf after every sysctl.d file, so ${winnerPlace} wins`;
  }
  if (winnerAt && loserAt && winnerAt.name !== loserAt.name) {
    return `sysctl.d files apply in file-name order across all directories and "${winnerAt.name}" sorts after "${loserAt.name}", so ${winnerPlace} wins`;
  }
  return `${winnerPlace} is applied later`;
}

export default defineRule({
  meta: {
    id: 'sysctl/duplicate-key',
    layer: 'sysctl',
    severity: 'warning',
    summary: 'The same sysctl key set to different values; only one reaches the kernel.',
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/sysctl/duplicate-key/README.md',
    tags: ['correctness'],
  },
  check(context) {
    const { sysctl, files } = context;
    const { effective } = sysctl;
    const display: DisplayPath = files.displayPath;
    for (const key of effective.keys()) {
      const value = effective.get(key)!;
      const winner = value.assignment;
      if (winner.value === undefined) continue;
      for (const entry of value.history) {
        const loser = entry.assignment;
        // A glob that an explicit key overrides is a default for many keys, not a duplicate.
        if (loser === winner || entry.outcome === 'applied' || loser.isGlob || loser.value === undefined) continue;
        if (sameValue(loser.value, winner.value)) continue;
        context.report({
          ...at(loser.valueSpan),
          message:
            `"${sysctl.writtenText(loser)}" never takes effect: ${whyItLoses(entry, winner, effective.files, display)}; ` +
            'keep one assignment, in the file that should own it',
          related: [{ ...at(winner.valueSpan), message: `${key} = ${winner.value} is the value the kernel gets` }],
        });
      }
    }
  },
});
