import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding, TextEdit } from '../../src/core/finding.js';
import { CONFIG_FILE_NAMES } from '../../src/core/config-files.js';
import { applyEdits } from '../../src/engine/fix-apply.js';
import { lint } from '../../src/project/lint.js';
import type { Rule } from '../../src/engine/rule.js';

/** The engine's edit application (throws on overlapping edits), under the name the rule tests use. */
export const applyTextEdits = applyEdits;

export interface FixedFixture {
  /** The rule's findings before the fixes. */
  before: Finding[];
  /** The rule's findings after applying every fix once. */
  after: Finding[];
  /** Each edited file's text after the fixes, by path relative to the case directory. */
  texts: Map<string, string>;
}

async function ruleFindings(rule: Rule<object>, dir: string): Promise<Finding[]> {
  const configFile = CONFIG_FILE_NAMES.map((name) => join(dir, name)).find((path) => existsSync(path));
  const result = await lint({ cwd: dir, paths: ['.'], ...(configFile ? { configFile } : { noConfig: true }), extraRules: [rule], shippedRules: false, gitignore: false });
  return result.findings.filter((finding) => finding.ruleId === rule.meta.id);
}

/**
 * Copies a fixture case to a temporary directory, applies the fix edits of every finding of
 * `rule` there (test-only: the `--fix` engine is built elsewhere), and lints the result again.
 * The fixture itself is never modified.
 */
export async function lintAfterFixes(rule: Rule<object>, caseDir: string): Promise<FixedFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'hoplint-fix-'));
  try {
    await cp(caseDir, dir, { recursive: true });
    const before = await ruleFindings(rule, dir);
    const editsByFile = new Map<string, TextEdit[]>();
    for (const finding of before) for (const edit of finding.fix?.edits ?? []) editsByFile.set(edit.file, [...(editsByFile.get(edit.file) ?? []), edit]);
    const texts = new Map<string, string>();
    for (const [file, edits] of editsByFile) {
      const path = join(dir, file);
      const fixed = applyTextEdits(await readFile(path, 'utf8'), edits);
      await writeFile(path, fixed);
      texts.set(file, fixed);
    }
    return { before, after: await ruleFindings(rule, dir), texts };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
