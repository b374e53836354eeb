import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

interface Layer {
  dir: string;
  rules: Ignore;
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

function readLayer(dir: string): Layer | undefined {
  const file = join(dir, '.gitignore');
  if (!existsSync(file)) return undefined;
  try {
    return { dir, rules: ignore().add(readFileSync(file, 'utf8')) };
  } catch {
    // An unreadable .gitignore ignores nothing, as git itself treats it.
    return undefined;
  }
}

function gitRoot(start: string): string | undefined {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * The .gitignore files that apply below a directory: those of its ancestors up to the git
 * root (when inside a repository), then each directory's own as the walk enters it.
 */
export class GitignoreStack {
  private constructor(private readonly layers: readonly Layer[]) {}

  static empty(): GitignoreStack {
    return new GitignoreStack([]);
  }

  static forWalkRoot(dir: string): GitignoreStack {
    const root = gitRoot(dir);
    const chain: string[] = [];
    if (root !== undefined) {
      for (let current = dir; ; current = dirname(current)) {
        chain.unshift(current);
        if (current === root) break;
      }
    } else {
      chain.push(dir);
    }
    return new GitignoreStack(chain.map(readLayer).filter((layer): layer is Layer => layer !== undefined));
  }

  /** The stack for a subdirectory the walk enters. */
  enter(dir: string): GitignoreStack {
    const layer = readLayer(dir);
    return layer ? new GitignoreStack([...this.layers, layer]) : this;
  }

  ignores(path: string, isDirectory: boolean): boolean {
    let ignored = false;
    for (const layer of this.layers) {
      const rel = toPosix(relative(layer.dir, path));
      if (rel === '' || rel.startsWith('..')) continue;
      const result = layer.rules.test(isDirectory ? `${rel}/` : rel);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }
}
