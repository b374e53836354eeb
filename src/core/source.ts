import { Buffer, isUtf8 } from 'node:buffer';

/**
 * Source positions shared by every language. Lines and columns are 1-based; columns count
 * UTF-16 code units (as LSP does), so a string offset maps to a column without re-encoding.
 * `endColumn` is exclusive: a one-character token at column 5 has endColumn 6.
 */
export interface Position {
  line: number;
  column: number;
}

export interface SourceRange {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A range that also knows its offsets in the file's text, for fixes and code frames. */
export interface Span extends SourceRange {
  start: number;
  end: number;
}

/** Maps string offsets to 1-based line/column and back; built once per file text. */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    let clamped = Math.max(0, Math.min(offset, this.text.length));
    // Inside a `\r\n` pair is not a place on the line: it maps to the line's end, as LSP expects.
    if (clamped > 0 && this.text.charCodeAt(clamped) === 10 && this.text.charCodeAt(clamped - 1) === 13) clamped--;
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - this.lineStarts[lo]! + 1 };
  }

  offsetAt(line: number, column: number): number {
    const index = Math.max(0, Math.min(line - 1, this.lineStarts.length - 1));
    return Math.min(this.lineStarts[index]! + Math.max(0, column - 1), this.text.length);
  }

  /** Text of a 1-based line without its line terminator. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    const next = this.lineStarts[line];
    let end = next === undefined ? this.text.length : next;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return this.text.slice(start, end);
  }

  span(file: string, start: number, end: number): Span {
    const a = this.positionAt(start);
    const b = this.positionAt(end);
    return { file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column, start, end };
  }
}

/**
 * Decodes file bytes like `TextDecoder` (a leading byte order mark is dropped); invalid UTF-8
 * becomes U+FFFD rather than an exception. Valid input, nearly all of it, is checked and decoded
 * by Buffer's UTF-8 routines: a fatal TextDecoder starts ICU's converter, which costs more than
 * linting a small file.
 */
export function decodeText(bytes: Uint8Array): { text: string; validUtf8: boolean } {
  if (!isUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), validUtf8: false };
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, validUtf8: true };
}

/** The line ending new lines in `text` should use: CRLF when the file uses any, else LF. */
export function lineEndingOf(text: string): '\r\n' | '\n' {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Whether `position` lies in `range`, its end included (a cursor just after a token is still on it). */
export function positionIn(range: Pick<SourceRange, 'line' | 'column' | 'endLine' | 'endColumn'>, position: Position): boolean {
  const afterStart = position.line > range.line || (position.line === range.line && position.column >= range.column);
  const beforeEnd = position.line < range.endLine || (position.line === range.endLine && position.column <= range.endColumn);
  return afterStart && beforeEnd;
}
