import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/core/finding.js';
import { lintAndFix } from '../src/project/fix.js';
import { lint, type LintOptions } from '../src/project/lint.js';
import type { Rule } from '../src/engine/rule.js';
import { ruleModules } from '../rules/index.js';
import { caseLintOptions } from '../src/testing/index.js';
import { REPO_ROOT } from './support/cli.js';
import { findNginx, nginxModulesPath, runNginx, stageCase } from './nginx-oracle/oracle.mjs';

// Data-driven over whatever fixtures exist when the suite runs: every positive case of every
// rule that declares `fixable`, plus the broken trees of examples/.

const scratch = mkdtempSync(join(tmpdir(), 'hoplint-fix-rules-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const nginx = findNginx();
const modulesPath = nginx ? nginxModulesPath(nginx) : null;
let nginxChecked = 0;

function subdirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort()
    .map((name) => join(dir, name));
}

function listTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out;
}

function readTree(dir: string): Record<string, string> {
  return Object.fromEntries(listTree(dir).map((path) => [path, readFileSync(join(dir, path), 'latin1')]));
}

let copies = 0;
function copyCase(caseDir: string): string {
  const target = join(scratch, `case-${copies++}`);
  cpSync(caseDir, target, { recursive: true });
  return target;
}

/** As the rule tester lints a case: its own config (or none), paths relative to it; one rule or every shipped one. */
function caseOptions(dir: string, rules: { only: Rule<object> } | 'shipped'): LintOptions {
  return caseLintOptions(dir, rules === 'shipped' ? undefined : rules.only);
}

function countByRule(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  return counts;
}

/** `nginx -t` over a tree with a root nginx.conf; undefined when there is no nginx or no root config. */
function nginxAccepts(dir: string): boolean | undefined {
  if (!nginx || !existsSync(join(dir, 'nginx.conf'))) return undefined;
  const staged = stageCase({ name: 'fix', path: dir, isFolder: true }, modulesPath);
  try {
    return runNginx(nginx, staged).verdict === 'ok';
  } finally {
    staged.cleanup();
  }
}

/**
 * Fixes one tree with the rule's fixes only and checks the three promises: the rule's fixable
 * findings are gone and no rule gained findings; a second fix changes nothing; and nginx -t,
 * if it accepted the tree before, accepts it after.
 */
async function checkFixes(rule: Rule<object>, caseDir: string): Promise<{ fixed: number }> {
  const id = rule.meta.id;
  const dir = copyCase(caseDir);
  const acceptedBefore = nginxAccepts(dir);

  const alone = await lint(caseOptions(dir, { only: rule }));
  const unfixable = alone.findings.filter((finding) => finding.ruleId === id && !finding.fix).length;
  const everyRuleBefore = countByRule((await lint(caseOptions(dir, 'shipped'))).findings);

  const first = await lintAndFix(caseOptions(dir, { only: rule }), { safety: 'unsafe', write: true });
  const remaining = first.result.findings.filter((finding) => finding.ruleId === id);
  expect(remaining.filter((finding) => finding.fix), `${id}: fixes left after fixing ${caseDir}`).toEqual([]);
  expect(remaining.length, `${id}: findings left after fixing ${caseDir}`).toBe(unfixable);
  expect(first.hitPassLimit).toBe(false);

  const everyRuleAfter = countByRule((await lint(caseOptions(dir, 'shipped'))).findings);
  for (const [ruleId, count] of everyRuleAfter) {
    expect(count, `${ruleId} findings after fixing ${id} in ${caseDir}`).toBeLessThanOrEqual(everyRuleBefore.get(ruleId) ?? 0);
  }

  const afterOnce = readTree(dir);
  const second = await lintAndFix(caseOptions(dir, { only: rule }), { safety: 'unsafe', write: true });
  expect(second.files, `${id}: a second --fix changed ${caseDir}`).toEqual([]);
  expect(readTree(dir)).toEqual(afterOnce);

  if (acceptedBefore && first.files.length > 0) {
    expect(nginxAccepts(dir), `nginx -t rejects ${caseDir} after ${id} fixed it`).toBe(true);
    nginxChecked++;
  }
  return { fixed: first.applied.filter((applied) => applied.ruleId === id).length };
}

const fixableRules = ruleModules.filter(({ rule }) => rule.meta.fixable !== undefined);

describe('fixes of every fixable rule, on its positive fixtures', () => {
  it('there are fixable rules to check', () => {
    expect(fixableRules.length).toBeGreaterThan(0);
  });
  for (const { dir, rule } of fixableRules) {
    const cases = subdirs(join(REPO_ROOT, 'rules', dir, 'fixtures', 'positive'));
    describe(rule.meta.id, () => {
      let fixedSomewhere = 0;
      for (const caseDir of cases) {
        it(`positive/${caseDir.split('/').pop()}`, async () => {
          fixedSomewhere += (await checkFixes(rule as Rule<object>, caseDir)).fixed;
        });
      }
      it('offers a fix on at least one of its positive fixtures', () => {
        expect(cases.length, `${rule.meta.id} has no positive fixtures`).toBeGreaterThan(0);
        expect(fixedSomewhere, `${rule.meta.id} declares fixable: ${rule.meta.fixable} but fixed none of its positive fixtures`).toBeGreaterThan(0);
      });
    });
  }
});

describe('fixes of every fixable rule, on the broken examples', () => {
  for (const example of subdirs(join(REPO_ROOT, 'examples'))) {
    const broken = join(example, 'broken');
    if (!existsSync(broken)) continue;
    for (const { rule } of fixableRules) {
      it(`${example.split('/').pop()}: ${rule.meta.id}`, async () => {
        await checkFixes(rule as Rule<object>, broken);
      });
    }
  }
});

describe('nginx -t took part', () => {
  it('checked fixed nginx configs with the real nginx', () => {
    if (process.env.CI) expect(nginx, 'CI installs nginx (.ci/run); the fixed-config check needs it').not.toBeNull();
    if (nginx) expect(nginxChecked, 'no fixed tree was accepted by nginx -t before fixing, so none was checked after').toBeGreaterThan(0);
  });
});
