import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rulesMarkdownTable, withRulesTable } from '../src/report/rules-table.js';
import { createRegistry } from '../src/project/registry.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README.md', () => {
  it('holds the rule table generated from the rule metadata (run `npm run docs:rules` after changing a rule)', () => {
    const rules = createRegistry().all().map(({ rule }) => rule.meta);
    expect(readme).toBe(withRulesTable(readme, rulesMarkdownTable(rules)));
    for (const meta of rules) expect(readme).toContain(`\`${meta.id}\``);
  });

  it('starts with the two set-up commands, and .ci/run runs the test command it gives, linting first', () => {
    const blocks = [...readme.matchAll(/```(?:sh|bash)?\n([\s\S]*?)```/g)].map((m) => m[1]!.trim());
    expect(blocks[0]).toMatch(/npm ci/);
    expect(blocks[0]).toMatch(/hoplint.* examples/);
    expect(blocks[1]).toMatch(/npm ci && npm test/);
    expect(readFileSync(new URL('../.ci/run', import.meta.url), 'utf8')).toContain('npm ci && npm run lint && npm test');
  });
});
