import type { TextEdit } from '../../core/finding.js';
import type { SysctlAssignment, SysctlFile } from './types.js';

/** Removes an assignment's whole line, terminator included; `files` holds the file it is written in. */
export function deleteLine(files: readonly SysctlFile[], assignment: SysctlAssignment): TextEdit | undefined {
  const text = files.find((f) => f.file === assignment.lineSpan.file)?.text;
  if (text === undefined) return undefined;
  let end = assignment.lineSpan.end;
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  return { file: assignment.lineSpan.file, start: assignment.lineSpan.start, end, text: '' };
}

/** Replaces an assignment's value. */
export function replaceValue(assignment: SysctlAssignment, value: string): TextEdit {
  return { file: assignment.valueSpan.file, start: assignment.valueSpan.start, end: assignment.valueSpan.end, text: value };
}

/** Replaces an assignment's key (a leading `-` stays, it is outside the key's span). */
export function replaceKey(assignment: SysctlAssignment, key: string): TextEdit {
  return { file: assignment.keySpan.file, start: assignment.keySpan.start, end: assignment.keySpan.end, text: key };
}
