// The real configuration files the fuzzers mutate, each with the targets that read its format.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

/** Corpus roots relative to the repository (the shared corpus sits beside it in /work/shared). */
export function corpusRoots(repoRoot) {
  return [
    join(repoRoot, '..', 'shared', 'corpus', 'crossplane'),
    join(repoRoot, '..', 'shared', 'corpus', 'real'),
    join(repoRoot, 'test', 'nginx-oracle', 'cases'),
    join(repoRoot, 'examples'),
    join(repoRoot, 'rules'),
  ];
}

const SKIPPED = /\.(?:md|json\.expected|ts|mjs|js|gitattributes)$|(?:^|\/)expected\.json$|(?:^|\/)\.gitattributes$/;

function walk(dir, out) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names.sort()) {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isDirectory()) walk(path, out);
    else if (stat?.isFile() && stat.size < 1 << 20 && !SKIPPED.test(path)) out.push(path);
  }
}

/** Which targets a corpus file's format feeds, from its name and first significant character. */
export function targetsForFile(path, text) {
  const name = basename(path).toLowerCase();
  if (name.endsWith('.yaml') || name.endsWith('.yml')) return ['yaml', 'kubernetes', 'network-yaml'];
  if (name.endsWith('.conflist') || name.endsWith('.json') || text.trimStart().startsWith('{')) return ['cni', 'flannel'];
  if (name === 'sysctl.conf' || path.includes('/sysctl') || /^\s*-?[a-z]+\.[\w.*/-]+\s*=/m.test(text) && !/[;{]\s*$/m.test(text)) return ['sysctl'];
  return ['nginx'];
}

/**
 * @param {string} repoRoot
 * @returns {{ path: string, name: string, text: string, targets: string[] }[]}
 */
export function loadCorpus(repoRoot) {
  const paths = [];
  for (const root of corpusRoots(repoRoot)) walk(root, paths);
  return paths.map((path) => {
    const text = readFileSync(path, 'utf8');
    return { path, name: relative(join(repoRoot, '..'), path), text, targets: targetsForFile(path, text) };
  });
}
