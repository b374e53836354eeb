import { at, defineRule } from '../../../src/kit/index.js';

export default defineRule({
  meta: {
    id: 'sysctl/inline-comment',
    layer: 'sysctl',
    severity: 'warning',
    summary: 'A `#` or `;` after a value is not a comment: the kernel receives it as part of the value.',
    rationale:
      'procps sysctl and systemd-sysctl treat `#` and `;` as comments only at the start of a line; after a value they are part of it. `net.core.somaxconn = 4096 # burst` writes "4096 # burst" to /proc/sys. ' +
      'A string key (kernel.domainname, kernel.core_pattern) stores the comment verbatim; a numeric key depends on the kernel\'s parser: a vector key whose comment replaces a number is rejected with "Invalid argument" ' +
      'and keeps its old value, a single number may be taken with the rest ignored. Either way the file does not say what the kernel gets.',
    howToFix: 'Move the comment to its own line above the setting.',
    docsUrl: 'https://man7.org/linux/man-pages/man5/sysctl.conf.5.html',
    fixable: 'safe',
    tags: ['correctness'],
    examples: [{ language: 'sysctl', bad: 'net.core.somaxconn = 4096 # burst capacity', good: '# burst capacity\nnet.core.somaxconn = 4096' }],
  },
  check(context) {
    const { sysctl } = context;
    const { lineEndingOf } = context.files;
    for (const assignment of sysctl.allAssignments()) {
      const comment = assignment.inlineComment;
      if (!comment) continue;
      const text = sysctl.files.find((f) => f.file === comment.span.file)?.text ?? '';
      // Drop the comment and the blanks before it, and put it on its own line above.
      let cut = comment.span.start;
      while (cut > assignment.valueSpan.start && (text[cut - 1] === ' ' || text[cut - 1] === '\t')) cut--;
      const lineStart = assignment.lineSpan.start;
      const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
      const newline = lineEndingOf(text);
      context.report({
        ...at(comment.span),
        message: `"${comment.text}" is not a comment after a value: the kernel receives "${assignment.value}" for ${assignment.rawKey}; move the comment to its own line above`,
        fix: {
          title: 'Move the comment to its own line',
          safety: 'safe',
          edits: [
            { file: comment.span.file, start: lineStart, end: lineStart, text: `${indent}${comment.text}${newline}` },
            { file: comment.span.file, start: cut, end: comment.span.end, text: '' },
          ],
        },
      });
    }
  },
});
