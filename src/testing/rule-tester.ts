import type { Finding, Severity } from '../core/finding.js';
import type { Rule } from '../engine/rule.js';
import type { HoplintConfig } from '../project/config/types.js';
import { lintRuleCase } from './cases.js';
import { assertLooselyEqual, globalFramework, type TestFramework } from './framework.js';

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

/** The actual finding, showing the fields the expected one pins (all of them for an extra finding). */
function project(finding: Finding, expected: ExpectedFinding | undefined): ExpectedFinding {
  const out: ExpectedFinding = { line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn };
  if (!expected || expected.ruleId !== undefined) out.ruleId = finding.ruleId;
  if (!expected || expected.file !== undefined) out.file = finding.file;
  if (!expected || expected.message !== undefined) out.message = finding.message;
  if (expected?.severity !== undefined) out.severity = finding.severity;
  return out;
}

/** Throws when a valid case produces a finding of the rule, or a syntax finding it does not allow. */
export async function checkValidCase(rule: Rule<object>, testCase: ValidCase): Promise<void> {
  const findings = await lintRuleCase(rule, testCase);
  const forbidden = findings.filter((finding) => finding.ruleId === rule.meta.id || (!testCase.allowSyntaxErrors && finding.ruleId === 'syntax'));
  assertLooselyEqual(forbidden, [], 'a valid case must produce no finding of the rule and parse cleanly');
}

/** Throws unless an invalid case produces exactly its findings (of the rule and of any other rule id it names). */
export async function checkInvalidCase(rule: Rule<object>, testCase: InvalidCase): Promise<void> {
  const findings = await lintRuleCase(rule, testCase);
  const ids = new Set([rule.meta.id, ...testCase.findings.map((finding) => finding.ruleId ?? rule.meta.id)]);
  const files = Object.keys(testCase.files);
  const onlyFile = files.length === 1 ? files[0] : undefined;
  const expected = testCase.findings.map((finding) => ({ ...finding, file: finding.file ?? onlyFile }));
  const actual = findings.filter((finding) => ids.has(finding.ruleId)).map((finding, i) => project(finding, expected[i]));
  assertLooselyEqual(actual, expected);
}

/**
 * ESLint-style rule tests over the real engine (discovery, classification, parsing, the rule,
 * suppressions): each `valid` case must produce no finding of the rule (nor a syntax error,
 * unless allowed); each `invalid` case exactly `findings`, positions included. Registers one test
 * per case under `describe(rule id)`, with the framework's `describe` and `it` (the globals by default).
 */
export function testRule({ rule, valid = [], invalid = [] }: RuleTest, framework: TestFramework = globalFramework()): void {
  framework.describe(rule.meta.id, () => {
    valid.forEach((testCase, index) => {
      framework.it(caseName('valid', index, testCase), () => checkValidCase(rule, testCase));
    });
    invalid.forEach((testCase, index) => {
      framework.it(caseName('invalid', index, testCase), () => checkInvalidCase(rule, testCase));
    });
  });
}
