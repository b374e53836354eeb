import type { Span } from './source.js';

/**
 * A problem found while reading or parsing a file. The engine reports each one as a finding of
 * the built-in rule `syntax`, or, when a language names a rule of its own in `ruleId` (the nginx
 * analyzer's unknown directives are `nginx/unknown-directive`), as that rule's finding, and not
 * at all while that rule is off or not loaded.
 */
export interface SyntaxIssue extends Span {
  message: string;
  ruleId?: string;
}
