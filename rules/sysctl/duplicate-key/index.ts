import { at, defineRule } from '../../../src/engine/rule.js';

function place(span: { file: string; line: number }): string {
  return `${span.file}:${span.line}`;
}

export default defineRule({
  meta: {
    id: 'sysctl/duplicate-key',
    layer: 'sysctl',
    severity: 'warning',
    summary: 'The same sysctl key set to different values; only one reaches the kernel.',
    rationale:
      'Within a file the last assignment wins; across /etc/sysctl.d, /run/sysctl.d and /usr/lib/sysctl.d files apply in name order, a file masks a same-named one in a lower directory, ' +
      'and procps applies /etc/sysctl.conf last. A setting that loses is dead text that misleads the next reader — often the one that fixes an incident.',
    howToFix: 'Keep one assignment per key, in the file that should own it, and delete the others.',
    docsUrl: 'https://man7.org/linux/man-pages/man5/sysctl.d.5.html',
    tags: ['correctness'],
    examples: [{ language: 'sysctl', bad: 'net.core.somaxconn = 4096\nnet.core.somaxconn = 128', good: 'net.core.somaxconn = 4096' }],
  },
  check(context) {
    const { effective } = context.workspace.sysctl;
    for (const key of effective.keys()) {
      const value = effective.get(key)!;
      const winner = value.assignment;
      for (const entry of value.history) {
        const loser = entry.assignment;
        if (loser === winner || entry.outcome === 'applied' || loser.isGlob || loser.value === undefined) continue;
        if (loser.value.trim() === winner.value?.trim()) continue;
        const why =
          entry.reason === 'masked'
            ? `its file is masked by ${entry.maskedBy ?? 'a same-named file in a higher-priority directory'}`
            : entry.reason === 'explicit-over-glob'
              ? 'a key named explicitly beats a glob'
              : loser.lineSpan.file === winner.lineSpan.file
                ? 'the last assignment in a file wins'
                : 'it is applied later';
        context.report({
          ...at(loser.valueSpan),
          message: `${key} = ${loser.value} never takes effect: ${winner.value} at ${place(winner.valueSpan)} wins (${why}); delete one of them`,
          related: [{ ...at(winner.valueSpan), message: `${key} = ${winner.value} takes effect` }],
        });
      }
    }
  },
});
