import { at, defineRule } from '../../../src/kit/index.js';

export default defineRule({
  meta: {
    id: 'sysctl/inline-comment',
    layer: 'sysctl',
    severity: 'warning',
    summary: 'A `#` or `;` after a value is not a comment: the kernel receives it as part of the value.',
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/sysctl/inline-comment/README.md',
    fixable: 'safe',
    tags: ['correctness'],
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
