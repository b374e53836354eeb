import { ok } from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Rule } from '../engine/rule.js';
import { lintRuleCase } from './cases.js';
import { assertLooselyEqual, globalFramework, type TestFramework } from './framework.js';

/** A finding as a fixture's `expected.json` lists it. */
export interface FixtureFinding {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Every rule proves itself on at least this many positive and negative fixture cases. */
export const MIN_CASES = 3;

function caseDirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort()
    .map((name) => join(dir, name));
}

/** The findings of one fixture case, as `expected.json` lists them (position fields only). */
export async function fixtureFindings(rule: Rule<object>, caseDir: string): Promise<FixtureFinding[]> {
  return (await lintRuleCase(rule, { dir: caseDir })).map(({ ruleId, file, line, column, endLine, endColumn }) => ({ ruleId, file, line, column, endLine, endColumn }));
}

/** Throws unless a positive case produces exactly the findings its expected.json lists (of the rule and of any other id listed). */
export async function checkPositiveFixture(rule: Rule<object>, caseDir: string): Promise<void> {
  const expectedFile = join(caseDir, 'expected.json');
  ok(existsSync(expectedFile), `${expectedFile} lists the findings this case must produce`);
  const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as FixtureFinding[];
  const ids = new Set([rule.meta.id, ...expected.map((finding) => finding.ruleId)]);
  assertLooselyEqual((await fixtureFindings(rule, caseDir)).filter((finding) => ids.has(finding.ruleId)), expected);
}

/** Throws when a negative case produces a finding of the rule or a syntax error. */
export async function checkNegativeFixture(rule: Rule<object>, caseDir: string): Promise<void> {
  assertLooselyEqual((await fixtureFindings(rule, caseDir)).filter((finding) => finding.ruleId === rule.meta.id || finding.ruleId === 'syntax'), []);
}

/**
 * For `fixtures/positive/<case>/` (a tree of config files plus `expected.json`): exactly the
 * listed findings. For `fixtures/negative/<case>/`: no finding of the rule and no syntax error.
 * Each case is linted as a project of its own (its own hoplint.config.yaml or none), with only
 * the built-in rules and `rule`; a rule needs at least MIN_CASES of each.
 */
export function testRuleFixtures(rule: Rule<object>, fixturesDir: string, framework: TestFramework = globalFramework()): void {
  framework.describe(`${rule.meta.id} fixtures`, () => {
    const positives = caseDirs(join(fixturesDir, 'positive'));
    const negatives = caseDirs(join(fixturesDir, 'negative'));
    framework.it(`has at least ${MIN_CASES} positive and ${MIN_CASES} negative cases`, () => {
      ok(positives.length >= MIN_CASES, `${fixturesDir}/positive/<case>/ holds a config tree and expected.json; ${positives.length} found`);
      ok(negatives.length >= MIN_CASES, `${fixturesDir}/negative/<case>/ holds a config tree that must stay silent; ${negatives.length} found`);
    });
    for (const caseDir of positives) framework.it(`positive/${caseDir.split('/').pop()}`, () => checkPositiveFixture(rule, caseDir));
    for (const caseDir of negatives) framework.it(`negative/${caseDir.split('/').pop()}`, () => checkNegativeFixture(rule, caseDir));
  });
}
