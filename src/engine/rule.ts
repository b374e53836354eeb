import type { Finding, FixSafety, RelatedLocation, Fix, Severity } from '../core/finding.js';
import type { SourceRange } from '../core/source.js';
import type { RuleKit } from '../kit/context.js';
import type { RuleLayer } from '../languages/registry.js';

export type { RuleLayer };

export interface RuleExample {
  /** Language of the snippets: how `hoplint explain` labels them. */
  language: 'nginx' | 'sysctl' | 'yaml' | 'json';
  bad: string;
  good: string;
}

export interface RuleMeta {
  /** Stable public id, `<layer>/<name>`, e.g. `nginx/proxy-http-version`. */
  id: string;
  layer: RuleLayer;
  severity: Severity;
  /** One line: what the rule catches. */
  summary: string;
  /** Why it matters — the mechanism, and the incident it comes from. */
  rationale: string;
  /** What to write instead. */
  howToFix: string;
  /** Which incident of INCIDENTS.md the rule comes from, e.g. `1. Docker Swarm gateway`. */
  incident?: string;
  docsUrl: string;
  /** Whether the rule offers fixes, and how safe they are. */
  fixable?: FixSafety;
  /** JSON Schema of the rule's options object. */
  optionsSchema?: Record<string, unknown>;
  /** Default options, merged under the user's. */
  defaultOptions?: Record<string, unknown>;
  examples?: RuleExample[];
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
