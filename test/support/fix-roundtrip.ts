import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Finding, TextEdit } from '../../src/core/finding.js';
import type { Rule } from '../../src/engine/rule.js';
import { applyTextEdits } from './fixture-fixes.js';
import { lintCase } from './rule-tester.js';

export interface FixRoundTrip {
  /** Findings of every rule before the fixes. */
  before: Finding[];
  /** Findings of every rule after applying each fix of `rule` once. */
  after: Finding[];
  /** Every file of the case after the fixes, by path relative to the case directory. */
  files: Record<string, string>;
}

/** The config files of a fixture case (everything but expected.json), by relative path. */
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

/**
 * Lints `files`, applies the edits of every fix `rule` offers (an edit several findings share
 * is applied once, as `--fix` does) and lints the result again. Test-only: the `--fix`
 * machinery itself lives in src/engine.
 */
export async function fixRoundTrip(rule: Rule<object>, files: Record<string, string>): Promise<FixRoundTrip> {
  const before = await lintCase(rule, { files });
  const editsByFile = new Map<string, TextEdit[]>();
  for (const finding of before.filter((f) => f.ruleId === rule.meta.id)) {
    for (const edit of finding.fix?.edits ?? []) {
      const edits = editsByFile.get(edit.file) ?? [];
      if (!edits.some((e) => e.start === edit.start && e.end === edit.end && e.text === edit.text)) edits.push(edit);
      editsByFile.set(edit.file, edits);
    }
  }
  const fixed = { ...files };
  for (const [file, edits] of editsByFile) {
    const text = fixed[file];
    if (text === undefined) throw new Error(`a fix edits ${file}, which is not a file of the case`);
    fixed[file] = applyTextEdits(text, edits);
  }
  return { before, after: await lintCase(rule, { files: fixed }), files: fixed };
}
