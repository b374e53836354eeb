#!/usr/bin/env node
// Rewrites the rule table in README.md from the rule metadata (run after `npm run build`).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const { createRegistry } = await import(join(repo, 'dist/src/project/registry.js'));
const { rulesMarkdownTable, withRulesTable } = await import(join(repo, 'dist/src/report/rules-table.js'));
const readme = join(repo, 'README.md');
const rules = createRegistry().all().map(({ rule }) => rule.meta);
writeFileSync(readme, withRulesTable(readFileSync(readme, 'utf8'), rulesMarkdownTable(rules)));
console.log(`README.md: ${rules.length} rules`);
