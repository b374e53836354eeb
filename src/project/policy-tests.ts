import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { SYNTAX_RULE_ID, type Finding } from '../core/finding.js';
import type { HoplintConfig } from './config/types.js';
import { lint } from './lint.js';
import type { LoadedPolicy, LoadedPolicyFile } from '../policy/parse.js';
import type { PolicyTest, PolicyTestExpectation } from '../policy/types.js';

export interface PolicyTestOutcome {
  /** The policy file, as displayed. */
  file: string;
  /** Where the test is written, `file:line`. */
  location: string;
  policyId: string;
  name: string;
  passed: boolean;
  /** Why it failed, line by line. */
  problems: string[];
}

export interface PolicyTestReport {
  outcomes: PolicyTestOutcome[];
  /** Policies that carry no tests, as `id (file:line)`. */
  untested: string[];
}

/** The test's files under `dir`; a path that would land outside it is refused. */
async function writeTestFiles(dir: string, files: Record<string, string>): Promise<string | undefined> {
  for (const [path, content] of Object.entries(files)) {
    const target = resolve(dir, path);
    const rel = relative(dir, target);
    if (isAbsolute(path) || rel === '' || rel.startsWith('..') || isAbsolute(rel)) return `file "${path}" must be a relative path inside the test's directory`;
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  return undefined;
}

function describeFinding(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} ${JSON.stringify(finding.message)}`;
}

function describeExpectation(expected: PolicyTestExpectation): string {
  const position = [expected.line, expected.column].filter((part) => part !== undefined).join(':');
  const end = expected.endLine !== undefined || expected.endColumn !== undefined ? `-${expected.endLine ?? '?'}:${expected.endColumn ?? '?'}` : '';
  return `${expected.file ?? '*'}:${position}${end}${expected.message === undefined ? '' : ` ${JSON.stringify(expected.message)}`}`;
}

function matches(finding: Finding, expected: PolicyTestExpectation): boolean {
  return (
    finding.line === expected.line &&
    (expected.file === undefined || finding.file === expected.file) &&
    (expected.column === undefined || finding.column === expected.column) &&
    (expected.endLine === undefined || finding.endLine === expected.endLine) &&
    (expected.endColumn === undefined || finding.endColumn === expected.endColumn) &&
    (expected.message === undefined || finding.message === expected.message)
  );
}

/** Lints the test's files with only this policy on and compares its findings with `expect`. */
async function runTest(policy: LoadedPolicy, test: PolicyTest): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'hoplint-policy-test-'));
  try {
    const refused = await writeTestFiles(dir, test.files);
    if (refused) return [refused];
    let findings: Finding[];
    try {
      const result = await lint({ cwd: dir, paths: ['.'], config: (test.config ?? {}) as HoplintConfig, extraRules: [policy.rule], shippedRules: false, gitignore: false });
      findings = result.findings;
    } catch (error) {
      return [`the test could not be linted: ${error instanceof Error ? error.message : String(error)}`];
    }
    const syntax = findings.filter((finding) => finding.ruleId === SYNTAX_RULE_ID);
    if (syntax.length > 0) return ["the test's files do not parse:", ...syntax.map((finding) => `  ${describeFinding(finding)}`)];
    const actual = findings.filter((finding) => finding.ruleId === policy.rule.meta.id);
    const same = actual.length === test.expect.length && actual.every((finding, i) => matches(finding, test.expect[i]!));
    if (same) return [];
    const list = (items: string[]): string[] => (items.length === 0 ? ['  (no findings)'] : items.map((item) => `  ${item}`));
    return ['expected:', ...list(test.expect.map(describeExpectation)), 'actual:', ...list(actual.map(describeFinding))];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs every test of every policy in the files, in file order. */
export async function runPolicyTests(files: readonly LoadedPolicyFile[]): Promise<PolicyTestReport> {
  const report: PolicyTestReport = { outcomes: [], untested: [] };
  for (const file of files) {
    for (const policy of file.policies) {
      const tests = policy.input.tests ?? [];
      if (tests.length === 0) report.untested.push(`${policy.rule.meta.id} (${file.displayName}:${file.locate(['policies', policy.index]).line})`);
      for (const [index, test] of tests.entries()) {
        const problems = await runTest(policy, test);
        report.outcomes.push({
          file: file.displayName,
          location: `${file.displayName}:${file.locate(['policies', policy.index, 'tests', index]).line}`,
          policyId: policy.rule.meta.id,
          name: test.name,
          passed: problems.length === 0,
          problems,
        });
      }
    }
  }
  return report;
}

/** The pass/fail listing and summary `hoplint test` prints. */
export function formatTestReport(report: PolicyTestReport): string {
  const lines: string[] = [];
  let currentFile: string | undefined;
  for (const outcome of report.outcomes) {
    if (outcome.file !== currentFile) {
      if (currentFile !== undefined) lines.push('');
      lines.push(outcome.file);
      currentFile = outcome.file;
    }
    lines.push(`  ${outcome.passed ? '✓' : '✗'} ${outcome.policyId}: ${outcome.name}${outcome.passed ? '' : `  (${outcome.location})`}`);
    for (const problem of outcome.problems) lines.push(`      ${problem}`);
  }
  const passed = report.outcomes.filter((outcome) => outcome.passed).length;
  const failed = report.outcomes.length - passed;
  if (lines.length > 0) lines.push('');
  lines.push(`${passed} passed, ${failed} failed (${report.outcomes.length} test${report.outcomes.length === 1 ? '' : 's'})`);
  if (report.untested.length > 0) lines.push(`${report.untested.length} polic${report.untested.length === 1 ? 'y has' : 'ies have'} no tests: ${report.untested.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
