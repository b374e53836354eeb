import type { NginxFile, NginxParseError } from './ast.js';

/**
 * nginx counts lines by LF only, while hoplint's positions (like LSP's) also break lines at a
 * lone CR. For the rare file with a lone CR the two disagree; this maps an offset to the line
 * nginx would print. Files without a lone CR cost one scan, then nothing.
 */
const lfStarts = new WeakMap<NginxFile, number[] | null>();

function hasLoneCarriageReturn(text: string): boolean {
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) return true;
  }
  return false;
}

function lineStartsOf(file: NginxFile): number[] | null {
  let starts = lfStarts.get(file);
  if (starts === undefined) {
    starts = null;
    if (hasLoneCarriageReturn(file.text)) {
      starts = [0];
      for (let i = file.text.indexOf('\n'); i >= 0; i = file.text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    lfStarts.set(file, starts);
  }
  return starts;
}

/** The line nginx reports for `offset` in `file`; `line` (hoplint's) when the two agree. */
export function nginxLineAt(file: NginxFile | undefined, offset: number, line: number): number {
  if (!file) return line;
  const starts = lineStartsOf(file);
  if (starts === null) return line;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Sets `reportedLine` to nginx's line for the text at `offset` (hoplint line `line`) when it differs. */
export function setReportedLine(error: NginxParseError, file: NginxFile | undefined, offset: number, line: number): void {
  const reported = nginxLineAt(file, offset, line);
  if (reported !== error.line) error.reportedLine = reported;
  else delete error.reportedLine;
}
