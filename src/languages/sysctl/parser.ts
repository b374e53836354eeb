import { LineIndex, type Span } from '../../core/source.js';
import type { SyntaxIssue } from '../../core/syntax.js';
import { isGlobKey, normaliseKey } from './key-syntax.js';
import type { SysctlAssignment, SysctlComment, SysctlFile } from './types.js';

/** isspace() in the C locale, which procps' lstrip/rstrip use. */
const SPACE = /[ \t\n\v\f\r]/;

interface LineBounds {
  start: number;
  /** Exclusive, before the line terminator. */
  end: number;
}

/**
 * Parses sysctl.conf / sysctl.d text the way procps `sysctl -p`/`--system` and systemd-sysctl read it
 * (procps sysctl.c `parse_setting_line`, systemd sysctl.c `parse_file`). Never throws: anything the
 * tools would reject becomes a positioned issue.
 */
export function parseSysctl(file: string, text: string): SysctlFile {
  const index = new LineIndex(text);
  const result: SysctlFile = { file, text, assignments: [], comments: [], issues: [] };

  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    result.issues.push(issueAt(index, file, nul, nul + 1, 'file contains NUL bytes: it is binary, not a sysctl configuration'));
    return result;
  }

  for (const bounds of lines(text)) parseLine(text, bounds, index, result);
  return result;
}

function* lines(text: string): Generator<LineBounds> {
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text.charCodeAt(i);
    if (i === text.length) {
      if (start < text.length) yield { start, end: i };
    } else if (c === 10) {
      yield { start, end: i > start && text.charCodeAt(i - 1) === 13 ? i - 1 : i };
      start = i + 1;
    } else if (c === 13 && text.charCodeAt(i + 1) !== 10) {
      yield { start, end: i };
      start = i + 1;
    }
  }
}

function parseLine(text: string, line: LineBounds, index: LineIndex, result: SysctlFile): void {
  const { file } = result;
  const contentStart = skipSpace(text, line.start, line.end);
  const contentEnd = trimEnd(text, contentStart, line.end);
  if (contentStart === contentEnd) return;

  const first = text[contentStart];
  if (first === '#' || first === ';') {
    const comment: SysctlComment = { text: text.slice(contentStart, contentEnd), span: index.span(file, contentStart, contentEnd) };
    result.comments.push(comment);
    return;
  }

  const lineSpan = index.span(file, line.start, line.end);
  const equals = text.indexOf('=', contentStart);
  const hasValue = equals >= 0 && equals < contentEnd;
  const keyEnd = hasValue ? trimEnd(text, contentStart, equals) : contentEnd;
  const dashed = first === '-';
  const keyStart = dashed ? contentStart + 1 : contentStart;

  if (!hasValue && !dashed) {
    result.issues.push(
      issueAt(index, file, contentStart, contentEnd, `line is not an assignment: expected "key = value", got "${text.slice(contentStart, contentEnd)}"`),
    );
    return;
  }
  if (keyStart === keyEnd) {
    const message = hasValue ? 'missing key before "="' : '"-" must be followed by a key to exclude from globs';
    result.issues.push(issueAt(index, file, contentStart, hasValue ? equals + 1 : contentEnd, message));
    return;
  }
  const rawKey = text.slice(keyStart, keyEnd);
  const innerSpace = rawKey.search(SPACE);
  if (innerSpace >= 0) {
    const at = keyStart + innerSpace;
    const message =
      innerSpace === 0
        ? `whitespace between "-" and the key: sysctl looks up "${rawKey}", which never exists`
        : `key "${rawKey}" contains whitespace: sysctl looks it up verbatim and fails`;
    result.issues.push(issueAt(index, file, at, skipSpace(text, at, keyEnd), message));
    return;
  }

  const keySpan = index.span(file, keyStart, keyEnd);
  const assignment: SysctlAssignment = {
    key: normaliseKey(rawKey),
    rawKey,
    value: undefined,
    ignoreFailure: dashed && hasValue,
    exclude: dashed && !hasValue,
    isGlob: isGlobKey(rawKey),
    keySpan,
    valueSpan: index.span(file, keyEnd, keyEnd),
    lineSpan,
  };
  if (hasValue) {
    const valueStart = skipSpace(text, equals + 1, contentEnd);
    assignment.value = text.slice(valueStart, contentEnd);
    assignment.valueSpan = index.span(file, valueStart, contentEnd);
    const commentAt = inlineCommentStart(assignment.value);
    if (commentAt !== undefined) {
      const start = valueStart + commentAt;
      assignment.inlineComment = { text: text.slice(start, contentEnd), span: index.span(file, start, contentEnd) };
    }
  }
  result.assignments.push(assignment);
}

/** A `#` or `;` that opens the value or follows whitespace; anywhere else it is part of a word. */
function inlineCommentStart(value: string): number | undefined {
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if ((c === '#' || c === ';') && (i === 0 || SPACE.test(value[i - 1]!))) return i;
  }
  return undefined;
}

function skipSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && SPACE.test(text[i]!)) i++;
  return i;
}

function trimEnd(text: string, from: number, to: number): number {
  let i = to;
  while (i > from && SPACE.test(text[i - 1]!)) i--;
  return i;
}

function issueAt(index: LineIndex, file: string, start: number, end: number, message: string): SyntaxIssue {
  const span: Span = index.span(file, start, end);
  return { ...span, message };
}
