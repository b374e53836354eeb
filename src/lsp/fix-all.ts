import type { CodeAction } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lintAndFix } from '../project/fix.js';
import { FIX_ALL_KIND } from './code-actions.js';
import type { LintedUnit, WorkspaceLinter } from './linter.js';

/** `source.fixAll.hoplint` for one buffer: every safe fix of the file applied (over as many passes as they need), as one edit. */
export async function fixAllAction(linter: WorkspaceLinter, buffer: TextDocument, path: string, linted: LintedUnit): Promise<CodeAction | undefined> {
  const fixable = (linted.findingsByPath.get(path) ?? []).filter((finding) => finding.fix?.safety === 'safe');
  if (fixable.length === 0) return undefined;
  const outcome = await lintAndFix(linter.optionsFor(linted.unit).options, {
    safety: 'safe',
    write: false,
    only: (finding) => linted.absolute(finding.file) === path && finding.fix!.edits.every((edit) => linted.absolute(edit.file) === path),
  });
  const fixed = outcome.files.find((file) => file.absolutePath === path);
  if (!fixed) return undefined;
  const end = buffer.positionAt(buffer.getText().length);
  return {
    title: 'Fix all safe hoplint problems in this file',
    kind: FIX_ALL_KIND,
    edit: { changes: { [buffer.uri]: [{ range: { start: { line: 0, character: 0 }, end }, newText: fixed.after.replace(/^\uFEFF/, '') }] } },
  };
}
