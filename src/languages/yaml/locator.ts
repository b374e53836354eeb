import type { LineIndex, Span } from '../../core/source.js';
import type { SyntaxIssue } from '../../core/syntax.js';

/**
 * Turns offsets of the text being parsed into spans of the file on disk. For a whole file this
 * is the file's line index; for JSON or YAML embedded in a YAML scalar it maps the inner
 * offsets back to the outer file first, so positions point into the file the user edits.
 */
export interface Locator {
  file: string;
  span(start: number, end: number): Span;
}

export function fileLocator(file: string, lineIndex: LineIndex): Locator {
  return { file, span: (start, end) => lineIndex.span(file, start, Math.max(start, end)) };
}

/**
 * A locator for text embedded in `outer`: `charStart[i]`/`charEnd[i]` are the outer offsets of
 * the source characters that produced inner character i (an escape like `\"` is one inner
 * character but two outer ones).
 */
export function embeddedLocator(outer: Locator, charStart: Int32Array, charEnd: Int32Array, fallback: number): Locator {
  const length = charStart.length;
  const startOf = (inner: number): number => (inner < length ? charStart[Math.max(0, inner)]! : length > 0 ? charEnd[length - 1]! : fallback);
  return {
    file: outer.file,
    span(start, end) {
      const from = startOf(start);
      const to = end > start && end - 1 < length ? charEnd[end - 1]! : end > start ? startOf(end) : from;
      return outer.span(from, Math.max(from, to));
    },
  };
}

/** A locator that puts every position at one span: for text whose source cannot be mapped. */
export function constantLocator(span: Span): Locator {
  return { file: span.file, span: () => span };
}

export function issueAt(locator: Locator, start: number, end: number, message: string): SyntaxIssue {
  return { ...locator.span(start, end), message };
}
