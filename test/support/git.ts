import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const emptyConfig = join(mkdtempSync(join(tmpdir(), 'hoplint-gitconfig-')), 'gitconfig');
writeFileSync(emptyConfig, '');

/**
 * An environment in which git ignores the machine's global and system config (hooksPath,
 * signing, templates) and commits with a fixed identity, so test repositories behave the same
 * everywhere.
 */
export const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_GLOBAL: emptyConfig,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'hoplint test',
  GIT_AUTHOR_EMAIL: 'test@hoplint.invalid',
  GIT_COMMITTER_NAME: 'hoplint test',
  GIT_COMMITTER_EMAIL: 'test@hoplint.invalid',
};

/** Runs git in `cwd` and returns its stdout; throws with git's stderr on failure. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** `git init` on the branch `main`. */
export function initRepo(cwd: string): void {
  git(cwd, 'init', '-q', '-b', 'main');
}

/** Stages everything and commits; returns the new commit's id. */
export function commitAll(cwd: string, message: string): string {
  git(cwd, 'add', '-A');
  git(cwd, 'commit', '-q', '--no-verify', '-m', message);
  return git(cwd, 'rev-parse', 'HEAD').trim();
}
