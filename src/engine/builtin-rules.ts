import { SYNTAX_RULE_ID } from '../core/finding.js';
import { defineRule, type Rule } from './rule.js';

export const UNUSED_DISABLE_RULE_ID = 'unused-disable';

/**
 * Anything that cannot be read or parsed: unreadable, binary, oversized or not UTF-8 files,
 * invalid YAML/JSON, nginx syntax, context, argument and include errors. The languages'
 * parse step records them on the workspace; this rule reports those not claimed by a rule
 * of their own.
 */
export const syntaxRule: Rule = defineRule({
  meta: {
    id: SYNTAX_RULE_ID,
    layer: 'core',
    severity: 'error',
    summary: 'A file cannot be read or parsed',
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/core/syntax/README.md',
    tags: ['correctness'],
  },
  check({ workspace, report }) {
    for (const issue of workspace.syntaxIssues) {
      if (issue.ruleId === undefined || issue.ruleId === SYNTAX_RULE_ID) report(issue);
    }
  },
});

/**
 * Suppression comments that suppress nothing. Its findings are produced after every other
 * rule has run (only then is it known what a comment suppressed), so `check` has nothing to
 * look at; the rule exists so that its severity is configured and documented like any other.
 */
export const unusedDisableRule: Rule = defineRule({
  meta: {
    id: UNUSED_DISABLE_RULE_ID,
    layer: 'core',
    severity: 'warning',
    optIn: true,
    summary: 'A hoplint-disable comment suppresses nothing',
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/core/unused-disable/README.md',
    tags: ['maintainability'],
  },
  check() {
    // Findings come from the suppression pass; see the doc comment above.
  },
});

export const BUILTIN_RULES: readonly Rule[] = [syntaxRule, unusedDisableRule];
