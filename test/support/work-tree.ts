import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { cp, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './cli.js';

/**
 * Copies this checkout as a clean clone of it would look with the working tree's changes in:
 * tracked and untracked files that are not ignored, so no node_modules and no dist.
 */
export async function copyWorkTree(destination: string): Promise<void> {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  for (const path of new Set(listed.split('\0').filter((name) => name !== ''))) {
    const source = join(REPO_ROOT, path);
    // A tracked file deleted in the working tree is not part of it.
    if (!existsSync(source) || !statSync(source).isFile()) continue;
    const target = join(destination, path);
    await mkdir(dirname(target), { recursive: true });
    await cp(source, target);
  }
}
