import type { SourceRange } from './source.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export type FixSafety = 'safe' | 'unsafe';

/** Replace the text between two UTF-16 offsets of `file`'s text with `text`. */
export interface TextEdit {
  file: string;
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  /** Imperative title shown in editors and `--fix-dry-run`, e.g. `Insert "proxy_http_version 1.1;"`. */
  title: string;
  safety: FixSafety;
  edits: TextEdit[];
}

export interface RelatedLocation extends SourceRange {
  message: string;
}

export interface Finding extends SourceRange {
  ruleId: string;
  severity: Severity;
  message: string;
  related?: RelatedLocation[];
  fix?: Fix;
}

/** The built-in rule for anything that cannot be read or parsed. */
export const SYNTAX_RULE_ID = 'syntax';

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
