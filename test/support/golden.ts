import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';

/** Replaces what differs between machines and releases: absolute paths and hoplint's version. */
export function normalizeOutput(text: string, cwd: string, version: string): string {
  const url = pathToFileURL(cwd).href;
  return text.split(url).join('file:///PROJECT').split(cwd).join('/PROJECT').split(`"${version}"`).join('"0.0.0-test"').split(`hoplint ${version}`).join('hoplint 0.0.0-test');
}

/** Compares with a golden file; `UPDATE_GOLDEN=1` rewrites it (review the diff before committing). */
export function expectGolden(actual: string, goldenPath: string): void {
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(goldenPath)) {
    if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`missing golden file ${goldenPath}; run with UPDATE_GOLDEN=1 and review it`);
    writeFileSync(goldenPath, actual);
  }
  expect(actual).toBe(readFileSync(goldenPath, 'utf8'));
}
