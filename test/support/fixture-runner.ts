import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_FILE_NAMES } from '../../src/core/config-files.js';
import { lint } from '../../src/project/lint.js';
import type { Rule } from '../../src/engine/rule.js';

export interface FixtureFinding {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function caseDirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort()
    .map((name) => join(dir, name));
}

/**
 * Lints one fixture case directory as a project of its own: its hoplint.config.yaml if it has
 * one (else no config at all), only the built-in rules and `rule`, paths relative to the case.
 */
export async function lintFixtureCase(rule: Rule<object>, caseDir: string): Promise<FixtureFinding[]> {
  const configFile = CONFIG_FILE_NAMES.map((name) => join(caseDir, name)).find((path) => existsSync(path));
  const result = await lint({
    cwd: caseDir,
    paths: ['.'],
    ...(configFile ? { configFile } : { noConfig: true }),
    extraRules: [rule],
    shippedRules: false,
    gitignore: false,
  });
  return result.findings.map(({ ruleId, file, line, column, endLine, endColumn }) => ({ ruleId, file, line, column, endLine, endColumn }));
}

/**
 * For `rules/<layer>/<name>/fixtures/positive/<case>/` (a tree of config files plus
 * `expected.json`): exactly the listed findings of the rule, and of any other rule id the list
 * names. For `fixtures/negative/<case>/`: no finding of the rule and no syntax error.
 */
/** Every rule proves itself on at least this many positive and negative fixture cases. */
export const MIN_CASES = 3;

export function runRuleFixtures(rule: Rule<object>, fixturesDir: string): void {
  const id = rule.meta.id;
  describe(`${id} fixtures`, () => {
    const positives = caseDirs(join(fixturesDir, 'positive'));
    const negatives = caseDirs(join(fixturesDir, 'negative'));
    it(`has at least ${MIN_CASES} positive and ${MIN_CASES} negative cases`, () => {
      expect(positives.length, `${fixturesDir}/positive/<case>/ holds a config tree and expected.json`).toBeGreaterThanOrEqual(MIN_CASES);
      expect(negatives.length, `${fixturesDir}/negative/<case>/ holds a config tree that must stay silent`).toBeGreaterThanOrEqual(MIN_CASES);
    });
    for (const caseDir of positives) {
      it(`positive/${caseDir.split('/').pop()}`, async () => {
        const expectedFile = join(caseDir, 'expected.json');
        expect(existsSync(expectedFile), `${expectedFile} lists the findings this case must produce`).toBe(true);
        const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as FixtureFinding[];
        const ids = new Set([id, ...expected.map((finding) => finding.ruleId)]);
        const actual = (await lintFixtureCase(rule, caseDir)).filter((finding) => ids.has(finding.ruleId));
        expect(actual).toEqual(expected);
      });
    }
    for (const caseDir of negatives) {
      it(`negative/${caseDir.split('/').pop()}`, async () => {
        const actual = (await lintFixtureCase(rule, caseDir)).filter((finding) => finding.ruleId === id || finding.ruleId === 'syntax');
        expect(actual).toEqual([]);
      });
    }
  });
}
