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
    rationale:
      'A config that its program rejects never takes effect: `nginx -t` refuses to reload, `sysctl --system` skips the line, `kubectl apply` fails the whole manifest. hoplint reports where the parse stops and still lints every other file, so one typo does not hide the rest of the findings.',
    howToFix: 'Fix the text at the reported position so that the file parses; the message quotes what was expected.',
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/docs/rules/syntax.md',
    examples: [{ language: 'nginx', bad: 'location / {\n    proxy_pass http://backend\n}', good: 'location / {\n    proxy_pass http://backend;\n}' }],
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
    rationale:
      'A suppression outlives the finding it was written for: after the config is fixed, the comment stays and would silently hide the next real problem on that line. Reporting unused suppressions keeps every remaining one deliberate.',
    howToFix: 'Delete the comment, or remove the rule ids it lists that no longer report anything there.',
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/docs/rules/unused-disable.md',
    examples: [
      {
        language: 'nginx',
        bad: '# hoplint-disable-next-line nginx/unknown-directive -- module not built yet\nproxy_pass http://backend;',
        good: 'proxy_pass http://backend;',
      },
    ],
    tags: ['maintainability'],
  },
  check() {
    // Findings come from the suppression pass; see the doc comment above.
  },
});

export const BUILTIN_RULES: readonly Rule[] = [syntaxRule, unusedDisableRule];
