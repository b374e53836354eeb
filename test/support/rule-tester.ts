import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Finding, Severity } from '../../src/core/finding.js';
import type { HoplintConfig } from '../../src/project/config/types.js';
import { lint } from '../../src/project/lint.js';
import type { Rule } from '../../src/engine/rule.js';
import { writeTree } from './temp-tree.js';

/** An expected finding: positions are required, the rest is checked when given. */
export interface ExpectedFinding {
  ruleId?: string;
  file?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message?: string;
  severity?: Severity;
}

interface CaseBase {
  /** Shown in the test name; defaults to the first file's first line. */
  name?: string;
  /** Path → content, written to a temporary directory that the real engine lints. */
  files: Record<string, string>;
  /** The rule's options (validated against its optionsSchema like a config would be). */
  options?: Record<string, unknown>;
  /** Anything else of hoplint.config.yaml: environment, nginx.directives, files, … */
  config?: Omit<HoplintConfig, 'rules'>;
}

export interface ValidCase extends CaseBase {
  /** Accept syntax findings (a case about broken input); by default they fail the case. */
  allowSyntaxErrors?: boolean;
}

export interface InvalidCase extends CaseBase {
  /** Exactly the findings of the rule (and of any other rule id named here), in report order. */
  findings: ExpectedFinding[];
}

export interface RuleTest {
  rule: Rule<object>;
  valid?: ValidCase[];
  invalid?: InvalidCase[];
}

function caseName(kind: string, index: number, testCase: CaseBase): string {
  if (testCase.name) return testCase.name;
  const first = Object.values(testCase.files)[0] ?? '';
  const line = first.split('\n').find((text) => text.trim() !== '') ?? '';
  return `${kind} #${index + 1}: ${line.trim().slice(0, 60)}`;
}

/** Lints the case's files with only the built-in rules and `rule` on. */
export async function lintCase(rule: Rule<object>, testCase: CaseBase): Promise<Finding[]> {
  const cwd = await writeTree(testCase.files, 'hoplint-rule-');
  try {
    const config: HoplintConfig = { ...testCase.config };
    if (testCase.options) config.rules = { [rule.meta.id]: [rule.meta.severity, testCase.options] };
    const result = await lint({ cwd, paths: ['.'], config, extraRules: [rule], shippedRules: false, gitignore: false });
    return result.findings;
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}

/** The actual finding, showing the fields the expected one pins (all of them for an extra finding). */
function project(finding: Finding, expected: ExpectedFinding | undefined): ExpectedFinding {
  const out: ExpectedFinding = { line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn };
  if (!expected || expected.ruleId !== undefined) out.ruleId = finding.ruleId;
  if (!expected || expected.file !== undefined) out.file = finding.file;
  if (!expected || expected.message !== undefined) out.message = finding.message;
  if (expected?.severity !== undefined) out.severity = finding.severity;
  return out;
}

/**
 * ESLint-style rule tests over the real engine: each `valid` case must produce no finding of
 * the rule (nor a syntax error, unless allowed); each `invalid` case exactly `findings`,
 * positions included. Registers one vitest test per case under `describe(rule id)`.
 */
export function testRule({ rule, valid = [], invalid = [] }: RuleTest): void {
  const id = rule.meta.id;
  describe(id, () => {
    valid.forEach((testCase, index) => {
      it(caseName('valid', index, testCase), async () => {
        const findings = await lintCase(rule, testCase);
        const forbidden = findings.filter((finding) => finding.ruleId === id || (!testCase.allowSyntaxErrors && finding.ruleId === 'syntax'));
        expect(forbidden, 'a valid case must produce no finding of the rule and parse cleanly').toEqual([]);
      });
    });
    invalid.forEach((testCase, index) => {
      it(caseName('invalid', index, testCase), async () => {
        const findings = await lintCase(rule, testCase);
        const ids = new Set([id, ...testCase.findings.map((finding) => finding.ruleId ?? id)]);
        const files = Object.keys(testCase.files);
        const onlyFile = files.length === 1 ? files[0] : undefined;
        const expected = testCase.findings.map((finding) => ({ ...finding, file: finding.file ?? onlyFile }));
        const actual = findings.filter((finding) => ids.has(finding.ruleId)).map((finding, i) => project(finding, expected[i]));
        expect(actual).toEqual(expected);
      });
    });
  });
}
