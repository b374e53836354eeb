import { LineIndex, type SourceRange } from '../core/source.js';
import type { Palette } from './colors.js';

const CONTEXT_LINES = 1;
const MAX_LINE_WIDTH = 160;

/** Keeps the underlined part of a very long line in view; `shift` maps columns into the shown text. */
function window(text: string, column: number): { text: string; shift: number } {
  if (text.length <= MAX_LINE_WIDTH) return { text, shift: 0 };
  const start = Math.max(0, Math.min(column - 1 - 40, text.length - MAX_LINE_WIDTH));
  const end = start + MAX_LINE_WIDTH;
  const prefix = start > 0 ? '…' : '';
  return { text: prefix + text.slice(start, end) + (end < text.length ? '…' : ''), shift: start - prefix.length };
}

/**
 * The finding's line with one line of context either side and the offending token
 * underlined. A range spanning lines is underlined to the end of its first line.
 */
export function codeFrame(text: string, range: SourceRange, colors: Palette, underline: (text: string) => string): string {
  const index = new LineIndex(text);
  if (range.line < 1 || range.line > index.lineCount) return '';
  const first = Math.max(1, range.line - CONTEXT_LINES);
  // A final newline does not start a line worth showing.
  const lineCount = index.lineCount > 1 && index.lineText(index.lineCount) === '' && text.length > 0 ? index.lineCount - 1 : index.lineCount;
  const last = Math.max(range.line, Math.min(lineCount, range.line + CONTEXT_LINES));
  const width = String(last).length;
  const lines: string[] = [];
  for (let line = first; line <= last; line++) {
    const raw = index.lineText(line);
    const gutter = `${line === range.line ? '>' : ' '} ${String(line).padStart(width)} |`;
    if (line !== range.line) {
      lines.push(colors.dim(`${gutter}${raw === '' ? '' : ` ${raw}`}`));
      continue;
    }
    const endColumn = range.endLine === range.line ? Math.max(range.endColumn, range.column + 1) : raw.length + 1;
    const shown = window(raw, range.column);
    lines.push(`${colors.bold(gutter.slice(0, 1))}${gutter.slice(1)}${shown.text === '' ? '' : ` ${shown.text}`}`);
    const startIndex = Math.max(0, range.column - 1 - shown.shift);
    const padding = shown.text.slice(0, startIndex).replace(/[^\t]/g, ' ');
    const length = Math.max(1, Math.min(endColumn, raw.length + 1, shown.shift + shown.text.length + 1) - range.column);
    lines.push(`  ${' '.repeat(width)} | ${padding}${underline('^'.repeat(length))}`);
  }
  return lines.join('\n');
}
