import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { cp, mkdir, readdir, readlink, symlink } from 'node:fs/promises';
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

/**
 * This checkout's node_modules seen from a copy: every package linked, and a .bin of its own
 * (the copy's `prepare` links its hoplint bin there, not into the checkout's).
 */
export async function linkDependencies(copy: string): Promise<void> {
  const source = join(REPO_ROOT, 'node_modules');
  const target = join(copy, 'node_modules');
  await mkdir(join(target, '.bin'), { recursive: true });
  for (const entry of await readdir(source)) {
    if (entry !== '.bin') await symlink(join(source, entry), join(target, entry));
  }
  for (const entry of await readdir(join(source, '.bin'))) {
    if (entry !== 'hoplint') await symlink(await readlink(join(source, '.bin', entry)), join(target, '.bin', entry));
  }
}
