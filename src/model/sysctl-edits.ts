import type { TextEdit } from '../core/finding.js';
import type { SysctlAssignment } from '../languages/sysctl/index.js';
import type { SysctlModel } from './sysctl.js';

function fileText(model: SysctlModel, file: string): string | undefined {
  return model.files.find((f) => f.file === file)?.text;
}

/** Removes an assignment's whole line, terminator included. */
export function deleteLine(model: SysctlModel, assignment: SysctlAssignment): TextEdit | undefined {
  const text = fileText(model, assignment.lineSpan.file);
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
