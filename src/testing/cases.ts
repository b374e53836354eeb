import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { CONFIG_FILE_NAMES } from '../core/config-files.js';
import type { Finding, TextEdit } from '../core/finding.js';
import { applyEdits } from '../engine/fix-apply.js';
import type { Rule } from '../engine/rule.js';
import type { HoplintConfig } from '../project/config/types.js';
import { lint, type LintOptions } from '../project/lint.js';
import { writeFiles, writeTree } from './temp-tree.js';

/**
 * A case a rule is tested on: a tree of config files given inline (with the rule's options and
 * any other config), or a directory (a fixture case), which is linted with its own
 * hoplint.config.* when it has one and with no config otherwise.
 */
export type RuleCase =
  | {
      /** Path → content, written to a temporary directory that the real engine lints. */
      files: Record<string, string>;
      /** The rule's options (validated against its optionsSchema like a config would be). */
      options?: Record<string, unknown>;
      /** Anything else of hoplint.config.yaml: environment, nginx.directives, files, … */
      config?: Omit<HoplintConfig, 'rules'>;
    }
  | { dir: string };

/**
 * How the engine lints a case directory: paths relative to it, its own config file or none, no
 * .gitignore, and only the built-in rules and `rule` on (every shipped rule without `rule`).
 */
export function caseLintOptions(dir: string, rule?: Rule<object>): LintOptions {
  const configFile = CONFIG_FILE_NAMES.map((name) => join(dir, name)).find((path) => existsSync(path));
  return {
    cwd: dir,
    paths: ['.'],
    ...(configFile ? { configFile } : { noConfig: true }),
    gitignore: false,
    ...(rule ? { extraRules: [rule], shippedRules: false } : {}),
  };
}

function inlineOptions(rule: Rule<object>, testCase: Extract<RuleCase, { files: unknown }>, cwd: string): LintOptions {
  const config: HoplintConfig = { ...testCase.config };
  if (testCase.options) config.rules = { [rule.meta.id]: [rule.meta.severity, testCase.options] };
  return { cwd, paths: ['.'], config, extraRules: [rule], shippedRules: false, gitignore: false };
}

/** Every finding of a case (of `rule` and of the built-in rules), linted by the real engine as a project of its own. */
export async function lintRuleCase(rule: Rule<object>, testCase: RuleCase): Promise<Finding[]> {
  if ('dir' in testCase) return (await lint(caseLintOptions(testCase.dir, rule))).findings;
  const cwd = await writeTree(testCase.files, 'hoplint-rule-');
  try {
    return (await lint(inlineOptions(rule, testCase, cwd))).findings;
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}

/** The config files of a case directory (everything but expected.json), by `/`-separated relative path. */
export function readCase(caseDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name !== 'expected.json') files[relative(caseDir, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(caseDir);
  return files;
}

export interface FixedCase {
  /** Every finding before the fixes. */
  before: Finding[];
  /** Every finding after applying each fix of the rule once. */
  after: Finding[];
  /** Every file of the case after the fixes, by relative path. */
  files: Record<string, string>;
  /** The files the fixes edited, by relative path, with their new text. */
  edited: Map<string, string>;
}

/**
 * Lints a case, applies the edits of every fix `rule` offers once (an edit several findings share
 * once, as `--fix` does; overlapping edits are a failure) and lints the result again. The case
 * itself is never modified: a directory is copied first.
 */
export async function applyFixesOnce(rule: Rule<object>, testCase: RuleCase): Promise<FixedCase> {
  const cwd = await mkdtemp(join(tmpdir(), 'hoplint-fix-'));
  try {
    if ('dir' in testCase) await cp(testCase.dir, cwd, { recursive: true });
    else await writeFiles(cwd, testCase.files);
    const options = 'dir' in testCase ? caseLintOptions(cwd, rule) : inlineOptions(rule, testCase, cwd);
    const before = (await lint(options)).findings;
    const editsByFile = new Map<string, TextEdit[]>();
    for (const finding of before.filter((f) => f.ruleId === rule.meta.id)) {
      for (const edit of finding.fix?.edits ?? []) {
        const edits = editsByFile.get(edit.file) ?? [];
        if (!edits.some((e) => e.start === edit.start && e.end === edit.end && e.text === edit.text)) edits.push(edit);
        editsByFile.set(edit.file, edits);
      }
    }
    const edited = new Map<string, string>();
    for (const [file, edits] of editsByFile) {
      const path = join(cwd, file);
      if (!existsSync(path)) throw new Error(`a fix edits ${file}, which is not a file of the case`);
      const fixed = applyEdits(await readFile(path, 'utf8'), edits);
      await writeFile(path, fixed);
      edited.set(file, fixed);
    }
    const after = (await lint(options)).findings;
    return { before, after, files: readCase(cwd), edited };
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}

/** A fixture directory's fixes applied once: the rule's findings before and after, and the edited files' texts. */
export async function lintAfterFixes(rule: Rule<object>, caseDir: string): Promise<{ before: Finding[]; after: Finding[]; texts: Map<string, string> }> {
  const fixed = await applyFixesOnce(rule, { dir: caseDir });
  const ofRule = (findings: Finding[]): Finding[] => findings.filter((finding) => finding.ruleId === rule.meta.id);
  return { before: ofRule(fixed.before), after: ofRule(fixed.after), texts: fixed.edited };
}

/** Inline files with the rule's fixes applied once: every finding before and after, and every file after. */
export async function fixRoundTrip(rule: Rule<object>, files: Record<string, string>): Promise<{ before: Finding[]; after: Finding[]; files: Record<string, string> }> {
  const fixed = await applyFixesOnce(rule, { files });
  return { before: fixed.before, after: fixed.after, files: fixed.files };
}

/** The findings of `rule` alone on a case, in full (message, severity, related locations, fix). */
export async function ruleFindings(rule: Rule<object>, testCase: RuleCase): Promise<Finding[]> {
  return (await lintRuleCase(rule, testCase)).filter((finding) => finding.ruleId === rule.meta.id);
}
