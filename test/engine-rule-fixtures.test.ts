import { join } from 'node:path';
import { ruleModules } from '../rules/index.js';
import { REPO_ROOT } from './support/cli.js';
import { testRuleFixtures } from '../src/testing/index.js';

// Every rule folder's fixtures/positive and fixtures/negative cases, through the real engine.
for (const { dir, rule } of ruleModules) testRuleFixtures(rule, join(REPO_ROOT, 'rules', dir, 'fixtures'));
