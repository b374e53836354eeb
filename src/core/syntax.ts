import type { Span } from './source.js';

/**
 * A problem found while reading or parsing a file. The engine reports each one as a finding of
 * the built-in rule `syntax` (or of `ruleId` when a language marks it as a rule of its own,
 * e.g. `nginx/unknown-directive`).
 */
export interface SyntaxIssue extends Span {
  message: string;
  ruleId?: string;
}
