import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { UsageError } from '../../core/errors.js';
import { GitignoreStack } from './gitignore.js';

/** Directory names never descended into. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
/** Deep enough for any real tree (symlink loops are caught by real path before this). */
const MAX_DEPTH = 64;

export interface Target {
  absolutePath: string;
  /** Named on the command line (not found by walking a directory or a glob). */
  explicit: boolean;
  /** Why the walk did not go on here (a symlink back to a directory being walked): reported, never read. */
  walkIssue?: string;
}

/** What one walk has seen: real paths of the directories entered, and where it stopped. */
interface WalkState {
  walked: Set<string>;
  /** Real paths of the directories from the walk's root down to the current one. */
  chain: string[];
  loops: Map<string, string>;
}

export interface ExpandOptions {
  cwd: string;
  /** Skip paths the .gitignore files ignore (default true). */
  gitignore: boolean;
  /** Config `ignores` (and anything else) deciding that a path is not linted at all. */
  isIgnored: (absolutePath: string, isDirectory: boolean) => boolean;
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

async function walk(dir: string, options: ExpandOptions, gitignore: GitignoreStack, depth: number, out: string[], state: WalkState): Promise<void> {
  if (depth > MAX_DEPTH) return;
  let real: string;
  let entries;
  try {
    real = await realpath(dir);
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    // A directory that vanished or cannot be listed has nothing to lint.
    return;
  }
  // The same directory reached again through another symlink is linted once, under its first path.
  if (state.walked.has(real)) return;
  state.walked.add(real);
  state.chain.push(real);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    // FIFOs, devices and sockets are listed too: one named like a config is reported, not read.
    let isFile = !isDirectory;
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(path);
        isDirectory = target.isDirectory();
        isFile = !isDirectory;
      } catch {
        // A dangling link or a loop of links: listed, so one named like a config is reported.
        isDirectory = false;
        isFile = true;
      }
      if (isDirectory) {
        const targetReal = await realpath(path).catch(() => undefined);
        if (targetReal !== undefined && state.chain.includes(targetReal)) {
          state.loops.set(path, `symlink loop: this link leads back to ${targetReal}, which contains it; not walked`);
          continue;
        }
      }
    }
    if (isDirectory && SKIPPED_DIRS.has(entry.name)) continue;
    if (options.gitignore && gitignore.ignores(path, isDirectory)) continue;
    if (options.isIgnored(path, isDirectory)) continue;
    if (isDirectory) await walk(path, options, options.gitignore ? gitignore.enter(path) : gitignore, depth + 1, out, state);
    else if (isFile) out.push(path);
  }
  state.chain.pop();
}

async function walkFrom(dir: string, options: ExpandOptions): Promise<Target[]> {
  const out: string[] = [];
  const state: WalkState = { walked: new Set(), chain: [], loops: new Map() };
  await walk(dir, options, options.gitignore ? GitignoreStack.forWalkRoot(dir) : GitignoreStack.empty(), 0, out, state);
  const targets: Target[] = out.map((absolutePath) => ({ absolutePath, explicit: false }));
  for (const [absolutePath, walkIssue] of state.loops) targets.push({ absolutePath, explicit: false, walkIssue });
  return targets;
}

async function expandGlob(pattern: string, options: ExpandOptions): Promise<Target[]> {
  const { base } = picomatch.scan(pattern);
  const baseDir = resolve(options.cwd, base === '' ? '.' : base);
  const absolutePattern = isAbsolute(pattern);
  const matches = picomatch(toPosix(pattern), { dot: false });
  const files = await walkFrom(baseDir, options);
  return files.filter((file) => file.walkIssue === undefined && matches(toPosix(absolutePattern ? file.absolutePath : relative(options.cwd, file.absolutePath))));
}

/**
 * Files to lint from command-line paths: files as given, directories walked recursively and
 * globs matched against paths relative to the cwd. node_modules, .git and .gitignored paths
 * are skipped while walking. A path that does not exist or a glob that matches nothing is a
 * usage error, as a typo in a CI script must not pass silently.
 */
export async function expandTargets(paths: readonly string[], options: ExpandOptions): Promise<Target[]> {
  const seen = new Map<string, Target>();
  const add = (target: Target): void => {
    const existing = seen.get(target.absolutePath);
    if (!existing) seen.set(target.absolutePath, { ...target });
    else if (target.explicit) existing.explicit = true;
  };
  for (const path of paths) {
    if (picomatch.scan(path).isGlob) {
      const matched = await expandGlob(path, options);
      if (matched.length === 0) throw new UsageError(`no files match "${path}"`);
      for (const target of matched) add(target);
      continue;
    }
    const absolutePath = resolve(options.cwd, path);
    let info;
    try {
      info = await stat(absolutePath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(code === 'ENOENT' || code === 'ENOTDIR' ? `no such file or directory: "${path}"` : `cannot read "${path}": ${code ?? String(error)}`);
    }
    if (info.isDirectory()) {
      for (const target of await walkFrom(absolutePath, options)) add(target);
    } else if (!options.isIgnored(absolutePath, false)) {
      add({ absolutePath, explicit: true });
    }
  }
  return [...seen.values()];
}
