import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { UsageError } from '../errors.js';
import { GitignoreStack } from './gitignore.js';

/** Directory names never descended into. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
/** Deep enough for any real tree; stops symlink loops. */
const MAX_DEPTH = 64;

export interface Target {
  absolutePath: string;
  /** Named on the command line (not found by walking a directory or a glob). */
  explicit: boolean;
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

async function walk(dir: string, options: ExpandOptions, gitignore: GitignoreStack, depth: number, out: string[]): Promise<void> {
  if (depth > MAX_DEPTH) return;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    // A directory that vanished or cannot be listed has nothing to lint.
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    // FIFOs, devices and sockets are listed too: one named like a config is reported, not read.
    let isFile = !isDirectory && !entry.isSymbolicLink();
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(path);
        isDirectory = target.isDirectory();
        isFile = !isDirectory;
      } catch {
        // A dangling link has nothing behind it.
        continue;
      }
    }
    if (isDirectory && SKIPPED_DIRS.has(entry.name)) continue;
    if (options.gitignore && gitignore.ignores(path, isDirectory)) continue;
    if (options.isIgnored(path, isDirectory)) continue;
    if (isDirectory) await walk(path, options, options.gitignore ? gitignore.enter(path) : gitignore, depth + 1, out);
    else if (isFile) out.push(path);
  }
}

async function walkFrom(dir: string, options: ExpandOptions): Promise<string[]> {
  const out: string[] = [];
  await walk(dir, options, options.gitignore ? GitignoreStack.forWalkRoot(dir) : GitignoreStack.empty(), 0, out);
  return out;
}

async function expandGlob(pattern: string, options: ExpandOptions): Promise<string[]> {
  const { base } = picomatch.scan(pattern);
  const baseDir = resolve(options.cwd, base === '' ? '.' : base);
  const absolutePattern = isAbsolute(pattern);
  const matches = picomatch(toPosix(pattern), { dot: false });
  const files = await walkFrom(baseDir, options);
  return files.filter((file) => matches(toPosix(absolutePattern ? file : relative(options.cwd, file))));
}

/**
 * Files to lint from command-line paths: files as given, directories walked recursively and
 * globs matched against paths relative to the cwd. node_modules, .git and .gitignored paths
 * are skipped while walking. A path that does not exist or a glob that matches nothing is a
 * usage error, as a typo in a CI script must not pass silently.
 */
export async function expandTargets(paths: readonly string[], options: ExpandOptions): Promise<Target[]> {
  const seen = new Map<string, Target>();
  const add = (absolutePath: string, explicit: boolean): void => {
    const existing = seen.get(absolutePath);
    if (!existing) seen.set(absolutePath, { absolutePath, explicit });
    else if (explicit) existing.explicit = true;
  };
  for (const path of paths) {
    if (picomatch.scan(path).isGlob) {
      const matched = await expandGlob(path, options);
      if (matched.length === 0) throw new UsageError(`no files match "${path}"`);
      for (const file of matched) add(file, false);
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
      for (const file of await walkFrom(absolutePath, options)) add(file, false);
    } else if (!options.isIgnored(absolutePath, false)) {
      add(absolutePath, true);
    }
  }
  return [...seen.values()];
}
