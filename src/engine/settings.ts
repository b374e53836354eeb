import type { Severity } from '../core/finding.js';

/** How one rule runs: its severity and its options (defaults merged under the user's). */
export interface RuleSetting {
  severity: Severity;
  options: Record<string, unknown>;
}

/** Only the rules that are on, by id. */
export type RuleSettings = Map<string, RuleSetting>;
