import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { UsageError } from '../core/errors.js';

/** Git's file lists can be long in a big monorepo; the default 1 MiB would cut them off. */
const MAX_GIT_OUTPUT = 256 * 1024 * 1024;

interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

/** Runs git (never a shell, never anything a linted file names) and captures its output. */
function git(args: string[], cwd: string): Promise<GitResult> {
  return new Promise((done) => {
    execFile('git', args, { cwd, maxBuffer: MAX_GIT_OUTPUT, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        done({ ok: false, stdout: '', stderr: 'git is not installed (or not on PATH)' });
        return;
      }
      done({ ok: error === null, stdout, stderr });
    });
  });
}

function firstLine(text: string): string {
  return text.split('\n').map((line) => line.trim()).find((line) => line !== '')?.replace(/^(fatal|error): /, '') ?? 'git failed';
}

function nulSeparated(text: string): string[] {
  return text.split('\0').filter((name) => name !== '');
}

/**
 * Absolute paths of the files changed since `ref`: what the current branch changed since it
 * forked from `ref` (`git diff ref...HEAD`, the pull request's diff), plus staged, unstaged and
 * untracked (not ignored) files, so a local run also covers work not yet committed. Deleted files
 * are left out: nothing of them is left to report on. Paths are built from `cwd` (not git's
 * resolved top level) so that they compare equal with the paths the lint walk produces.
 */
export async function changedFilesSince(ref: string, cwd: string): Promise<Set<string>> {
  if (ref === '' || ref.startsWith('-')) throw new UsageError(`--changed-since expects a git ref (a branch, tag or commit), got "${ref}"`);
  const top = await git(['rev-parse', '--show-cdup'], cwd);
  if (!top.ok) throw new UsageError(`--changed-since needs a git repository: ${firstLine(top.stderr)}`);
  const root = resolve(cwd, top.stdout.trim() || '.');

  const commit = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], root);
  if (!commit.ok) throw new UsageError(`--changed-since: "${ref}" is not a commit in this repository (in a CI checkout, fetch it first: actions/checkout with fetch-depth: 0)`);

  const committed = await git(['diff', '--name-only', '-z', '--no-renames', '--diff-filter=d', `${ref}...HEAD`, '--'], root);
  if (!committed.ok) {
    throw new UsageError(`--changed-since: git cannot diff "${ref}...HEAD": ${firstLine(committed.stderr)} (a shallow clone lacks the merge base: fetch with fetch-depth: 0)`);
  }
  const uncommitted = await git(['diff', '--name-only', '-z', '--no-renames', '--diff-filter=d', 'HEAD', '--'], root);
  if (!uncommitted.ok) throw new UsageError(`--changed-since: git diff HEAD failed: ${firstLine(uncommitted.stderr)}`);
  const untracked = await git(['ls-files', '-z', '--others', '--exclude-standard', '--full-name'], root);
  if (!untracked.ok) throw new UsageError(`--changed-since: git ls-files failed: ${firstLine(untracked.stderr)}`);

  const names = [...nulSeparated(committed.stdout), ...nulSeparated(uncommitted.stdout), ...nulSeparated(untracked.stdout)];
  return new Set(names.map((name) => resolve(root, name)));
}
