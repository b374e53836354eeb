import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { SYNTAX_RULE_ID, type Finding } from '../core/finding.js';
import { LineIndex, lineEndingOf } from '../core/source.js';
import { languageDefinition, type LanguageId } from '../languages/registry.js';
import { toDiagnostic } from './diagnostics.js';
import type { LintedUnit } from './linter.js';
import { rangesTouch, toLspRange } from './positions.js';

/** `source.fixAll.hoplint`: what editors run on save (`"editor.codeActionsOnSave"`). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.hoplint`;

export interface ActionContext {
  uri: string;
  /** The buffer's path as the lint named it. */
  path: string;
  linted: LintedUnit;
  uriOf: (absolutePath: string) => string;
}


/** A fix's text edits as LSP edits, per document; undefined when an edited file's text is unknown. */
export function fixToWorkspaceEdit(finding: Finding, context: ActionContext): WorkspaceEdit | undefined {
  const changes: Record<string, LspTextEdit[]> = {};
  for (const edit of finding.fix?.edits ?? []) {
    const path = context.linted.absolute(edit.file);
    const text = context.linted.textByPath.get(path);
    if (text === undefined) return undefined;
    const index = new LineIndex(text);
    const start = index.positionAt(edit.start);
    const end = index.positionAt(edit.end);
    const uri = context.uriOf(path);
    (changes[uri] ??= []).push({ range: toLspRange({ line: start.line, column: start.column, endLine: end.line, endColumn: end.column }), newText: edit.text });
  }
  return Object.keys(changes).length > 0 ? { changes } : undefined;
}

const NEXT_LINE_COMMENT = /^(\s*)#\s*hoplint-disable-next-line\b/;
const FILE_COMMENT = /^\s*#\s*hoplint-disable-file\b/;

/** Adds `id` to the rule list of an existing suppression comment line (before any ` -- reason`). */
function appendRuleId(lineText: string, lineStart: number, keyword: RegExp, id: string): { start: number; text: string } | undefined {
  const match = keyword.exec(lineText);
  if (!match) return undefined;
  const afterKeyword = match.index + match[0].length;
  const reason = lineText.slice(afterKeyword).search(/(^|\s)--(\s|$)/);
  const idsEnd = reason < 0 ? lineText.trimEnd().length : afterKeyword + reason;
  const ids = lineText.slice(afterKeyword, idsEnd).trim();
  if (ids.split(/[\s,]+/).includes(id)) return undefined;
  return { start: lineStart + idsEnd, text: ids === '' ? ` ${id}` : `, ${id}` };
}

function insertion(uri: string, text: string, offset: number, newText: string): WorkspaceEdit {
  const index = new LineIndex(text);
  const at = index.positionAt(offset);
  const range = toLspRange({ line: at.line, column: at.column, endLine: at.line, endColumn: at.column });
  return { changes: { [uri]: [{ range, newText }] } };
}

/** `# hoplint-disable-next-line <id>` above the finding's line, with that line's indentation. */
export function disableLineEdit(finding: Finding, uri: string, text: string): WorkspaceEdit | undefined {
  const index = new LineIndex(text);
  const lineText = index.lineText(finding.line);
  const lineStart = index.offsetAt(finding.line, 1);
  if (finding.line > 1) {
    const previousStart = index.offsetAt(finding.line - 1, 1);
    const appended = appendRuleId(index.lineText(finding.line - 1), previousStart, NEXT_LINE_COMMENT, finding.ruleId);
    if (appended) return insertion(uri, text, appended.start, appended.text);
    if (NEXT_LINE_COMMENT.test(index.lineText(finding.line - 1)) && index.lineText(finding.line - 1).includes(finding.ruleId)) return undefined;
  }
  const indent = /^[ \t]*/.exec(lineText)![0];
  return insertion(uri, text, lineStart, `${indent}# hoplint-disable-next-line ${finding.ruleId}${lineEndingOf(text)}`);
}

/** `# hoplint-disable-file <id>` on the first line, or the id added to such a comment already there. */
export function disableFileEdit(finding: Finding, uri: string, text: string): WorkspaceEdit | undefined {
  const index = new LineIndex(text);
  for (let line = 1; line <= index.lineCount; line++) {
    const lineText = index.lineText(line);
    if (FILE_COMMENT.test(lineText)) {
      const appended = appendRuleId(lineText, index.offsetAt(line, 1), FILE_COMMENT, finding.ruleId);
      return appended ? insertion(uri, text, appended.start, appended.text) : undefined;
    }
    if (lineText.trim() !== '' && !lineText.trim().startsWith('#')) break;
  }
  return insertion(uri, text, 0, `# hoplint-disable-file ${finding.ruleId}${lineEndingOf(text)}`);
}

function allowsHashComments(language: LanguageId | undefined, text: string): boolean {
  return language !== undefined && languageDefinition(language).hasHashComments(text);
}

/**
 * The quick fixes for the findings at `range`: each finding's own fix, then "disable for this
 * line" and "disable in this file" (files with `#` comments only; JSON has none).
 */
export function quickFixes(range: Range, context: ActionContext): CodeAction[] {
  const findings = context.linted.findingsByPath.get(context.path) ?? [];
  const text = context.linted.textByPath.get(context.path);
  if (text === undefined) return [];
  const language = context.linted.languageByPath.get(context.path);
  const commentable = allowsHashComments(language, text);
  const registry = context.linted.result.registry;
  const uriOf = (file: string): string => context.uriOf(context.linted.absolute(file));
  const fixes: CodeAction[] = [];
  const suppressions: CodeAction[] = [];
  const seenSuppressions = new Set<string>();
  for (const finding of findings) {
    if (!rangesTouch(toLspRange(finding), range)) continue;
    const diagnostic: Diagnostic = toDiagnostic(finding, registry, uriOf);
    if (finding.fix) {
      const edit = fixToWorkspaceEdit(finding, context);
      if (edit) {
        fixes.push({
          title: finding.fix.safety === 'safe' ? finding.fix.title : `${finding.fix.title} (unsafe: review the change)`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: finding.fix.safety === 'safe',
          edit,
        });
      }
    }
    if (!commentable || finding.ruleId === SYNTAX_RULE_ID) continue;
    const lineKey = `${finding.ruleId}@${finding.line}`;
    if (!seenSuppressions.has(lineKey)) {
      seenSuppressions.add(lineKey);
      const edit = disableLineEdit(finding, context.uri, text);
      if (edit) suppressions.push({ title: `Disable ${finding.ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit });
    }
    if (!seenSuppressions.has(finding.ruleId)) {
      seenSuppressions.add(finding.ruleId);
      const edit = disableFileEdit(finding, context.uri, text);
      if (edit) suppressions.push({ title: `Disable ${finding.ruleId} in this file`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit });
    }
  }
  return [...fixes, ...suppressions];
}
