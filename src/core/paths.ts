import { basename, isAbsolute, relative, sep } from 'node:path';
import picomatch from 'picomatch';

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** How reports name a file: relative to the cwd when inside it, absolute otherwise. */
export function displayPathFrom(cwd: string): (absolutePath: string) => string {
  return (absolutePath) => {
    const rel = relative(cwd, absolutePath);
    if (rel === '') return basename(absolutePath);
    if (rel.startsWith('..') || isAbsolute(rel)) return toPosix(absolutePath);
    return toPosix(rel);
  };
}

/** A matcher for config globs, relative to the config's directory; paths outside it never match. */
export function globMatcher(root: string, globs: readonly string[] | undefined): (absolutePath: string, isDirectory?: boolean) => boolean {
  if (!globs || globs.length === 0) return () => false;
  const matches = picomatch([...globs], { dot: true });
  return (absolutePath, isDirectory = false) => {
    const rel = toPosix(relative(root, absolutePath));
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return false;
    return matches(rel) || (isDirectory && (matches(`${rel}/`) || matches(`${rel}/**`)));
  };
}
