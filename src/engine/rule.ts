import type { Finding, FixSafety, RelatedLocation, Fix, Severity } from '../core/finding.js';
import type { SourceRange } from '../core/source.js';
import type { RuleKit } from '../kit/context.js';
import type { RuleLayer } from '../languages/registry.js';

import type { RuleDocs } from './rule-docs.js';

export type { RuleLayer };

/**
 * What tools need to know of a rule to run and list it. What it catches and why, how to fix it
 * and its examples are its documentation: the README beside a shipped rule, `docs` for others.
 */
export interface RuleMeta {
  /** Stable public id, `<layer>/<name>`, e.g. `nginx/proxy-http-version`. */
  id: string;
  layer: RuleLayer;
  severity: Severity;
  /** One line: what the rule catches. */
  summary: string;
  /** The rule's own documentation page (its README for a shipped rule). */
  docsUrl: string;
  /** Whether the rule offers fixes, and how safe they are. */
  fixable?: FixSafety;
  /** JSON Schema of the rule's options object. */
  optionsSchema?: Record<string, unknown>;
  /** Default options, merged under the user's. */
  defaultOptions?: Record<string, unknown>;
  /** Tags for SARIF (`properties.tags`). */
  tags?: string[];
  /** Off unless the config or a flag turns it on (e.g. `unused-disable`). */
  optIn?: boolean;
}

/** What a rule reports; the engine fills in the rule id and the configured severity. */
export interface FindingInput extends SourceRange {
  message: string;
  /** Overrides the configured severity for this one finding (e.g. raised when NAT is in evidence). */
  severity?: Severity;
  related?: RelatedLocation[];
  fix?: Fix;
}

/** What `check` is handed: the unit's kit (models, facts, helpers), the rule's settings and `report`. */
export interface RuleContext<Options = Record<string, unknown>> extends RuleKit {
  options: Options;
  /** The severity configured for this rule (its default unless the config says otherwise). */
  severity: Severity;
  report(finding: FindingInput): void;
}

export interface Rule<Options = Record<string, unknown>> {
  meta: RuleMeta;
  check(context: RuleContext<Options>): void;
  /** For a rule without a README (a policy, a plugin): what explain, SARIF and the editor show. */
  docs?: RuleDocs;
}

/** Identity helper that gives rule modules (built-in and plugins) their types. */
export function defineRule<Options = Record<string, unknown>>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

export type { Finding };

/** Just the position fields of a token or span, for `report({ ...at(token), message })`. */
export function at(range: SourceRange): SourceRange {
  return { file: range.file, line: range.line, column: range.column, endLine: range.endLine, endColumn: range.endColumn };
}
