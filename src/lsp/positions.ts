import type { Range } from 'vscode-languageserver';
import type { SourceRange } from '../core/source.js';

/** hoplint ranges are 1-based with UTF-16 columns and an exclusive end; LSP's are 0-based with the same units. */
export function toLspRange(range: Pick<SourceRange, 'line' | 'column' | 'endLine' | 'endColumn'>): Range {
  return {
    start: { line: Math.max(0, range.line - 1), character: Math.max(0, range.column - 1) },
    end: { line: Math.max(0, range.endLine - 1), character: Math.max(0, range.endColumn - 1) },
  };
}

/** Whether `position` lies in `range` (its end included, so a cursor just after a token still hovers it). */
export function rangeContains(range: Range, position: { line: number; character: number }): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

/** Whether two ranges share a position (touching counts, as editors ask for actions at a cursor). */
export function rangesTouch(a: Range, b: Range): boolean {
  return rangeContains(a, b.start) || rangeContains(a, b.end) || rangeContains(b, a.start) || rangeContains(b, a.end);
}
