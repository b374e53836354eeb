#!/usr/bin/env node
// `npm ci` in this repository does not link the package's own bin, so the README's
// `npx hoplint` would not find it: link node_modules/.bin/hoplint to bin/hoplint.js here.
// Inside another project's node_modules npm links the bin itself, so nothing is done there.
import { existsSync, lstatSync, mkdirSync, symlinkSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!repo.split(/[\\/]/).includes('node_modules') && existsSync(join(repo, 'node_modules'))) {
  const binDir = join(repo, 'node_modules', '.bin');
  const link = join(binDir, 'hoplint');
  mkdirSync(binDir, { recursive: true });
  try {
    if (lstatSync(link)) unlinkSync(link);
  } catch {
    // no previous link
  }
  symlinkSync(join('..', '..', 'bin', 'hoplint.js'), link);
}
