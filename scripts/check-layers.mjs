#!/usr/bin/env node
// The layer rules of ARCHITECTURE.md, checked on every import of src/ and rules/ (part of
// `npm run lint`). Exits 1 and lists each import that breaks one. `--root DIR` checks another
// tree laid out like this one (used by the tests).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The pipeline, left to right: an import may only point at its own layer or one to its left.
 * engine and kit are one layer (the kit is what the engine hands rules); the shells on the
 * right are peers.
 */
export const LAYERS = [['core'], ['languages'], ['link'], ['engine', 'kit'], ['policy'], ['project'], ['report'], ['cli', 'lsp', 'action', 'testing']];
/** Modules of the engine, which runs rules over a workspace and must not touch the disk. */
const NO_FILE_IO = ['engine'];
const FILE_IO = /^node:fs(\/|$)|^fs(\/|$)/;
/** The shared YAML stack, which any language (but nothing outside languages/) may use in full. */
const SHARED_LANGUAGE = 'yaml';

const IMPORT = /(?:^|[;\s])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function toPosix(path) {
  return sep === '/' ? path : path.split(sep).join('/');
}

function sourceFiles(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'fixtures' && name !== 'node_modules') sourceFiles(path, out);
    } else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) {
      out.push(path);
    }
  }
  return out;
}

function rankOf(layer) {
  return LAYERS.findIndex((names) => names.includes(layer));
}

/** Where a repository path sits: `src/<layer>/…` (with the language for `src/languages/<name>/…`), `rules/…`, or the public entry. */
function placeOf(path) {
  const parts = path.split('/');
  if (parts[0] === 'rules') return { kind: 'rules', folder: parts.length > 3 ? parts.slice(0, 3).join('/') : undefined };
  if (parts[0] !== 'src') return { kind: 'other' };
  if (parts.length === 2) return { kind: 'entry' };
  const layer = parts[1];
  const language = layer === 'languages' && parts.length > 3 ? parts[2] : undefined;
  return { kind: 'src', layer, language, rest: parts.slice(language ? 3 : 2).join('/') };
}

function importsOf(text) {
  const found = [];
  for (const match of text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1').matchAll(IMPORT)) found.push(match[1] ?? match[2]);
  return found;
}

/** The problem with one import, or undefined. `from` and `to` are `/`-separated repository paths. */
export function importProblem(from, to, specifier) {
  const source = placeOf(from);
  if (!to) {
    if (source.kind === 'src' && NO_FILE_IO.includes(source.layer) && FILE_IO.test(specifier)) return `${source.layer}/ does no file I/O; "${specifier}" belongs in project/`;
    return undefined;
  }
  const target = placeOf(to);
  if (source.kind === 'rules') {
    if (from === 'rules/index.ts') return target.kind === 'rules' || to === 'src/kit/index.ts' ? undefined : 'the generated rule index imports rule folders and the kit only';
    if (target.kind === 'rules' && target.folder === source.folder) return undefined;
    if (to === 'src/kit/index.ts' || to === 'src/testing/index.ts') return undefined;
    return 'a rule imports only from the kit (src/kit/index.ts, or hoplint/kit) and its own folder; tests also from src/testing/index.ts';
  }
  if (target.kind === 'rules') {
    return from === 'src/project/registry.ts' ? undefined : 'only the project layer\'s registry assembly (src/project/registry.ts) knows which rules ship';
  }
  if (source.kind !== 'src' || target.kind !== 'src') return undefined;
  const fromRank = rankOf(source.layer);
  const toRank = rankOf(target.layer);
  if (fromRank < 0) return `src/${source.layer}/ is in no layer of scripts/check-layers.mjs`;
  if (toRank > fromRank) return `${source.layer}/ may not import ${target.layer}/: imports point left in ${LAYERS.map((names) => names.join('+')).join(' → ')}`;
  const sharedStack = target.language === SHARED_LANGUAGE && source.layer === 'languages';
  if (target.layer === 'languages' && target.language !== undefined && target.language !== source.language && !sharedStack && target.rest !== 'index.ts') {
    return `a language is imported through its index.ts, not src/languages/${target.language}/${target.rest}`;
  }
  return undefined;
}

function resolveSpecifier(root, file, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(file), specifier);
  for (const candidate of [base.replace(/\.js$/, '.ts'), base.replace(/\.mjs$/, '.mts'), base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return toPosix(relative(root, candidate));
  }
  return toPosix(relative(root, base.replace(/\.js$/, '.ts')));
}

/** Every import of `root`'s src/ and rules/ that breaks a layer rule, as `file: import — why`. */
export function checkLayers(root) {
  const problems = [];
  for (const file of [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'rules'))]) {
    const from = toPosix(relative(root, file));
    // Tests import what they test; the rules apply to the code that ships.
    if (from.endsWith('.test.ts') && from.startsWith('src/')) problems.push(`${from}: tests live in test/ or beside a rule, not in src/`);
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      const to = resolveSpecifier(root, file, specifier);
      const problem = from.endsWith('.test.ts') && from.startsWith('rules/') && !to?.startsWith('src/') ? undefined : importProblem(from, to, specifier);
      if (problem) problems.push(`${from}: "${specifier}" — ${problem}`);
    }
  }
  return problems;
}

function main(argv) {
  const rootFlag = argv.indexOf('--root');
  const root = rootFlag >= 0 ? resolve(argv[rootFlag + 1]) : join(dirname(fileURLToPath(import.meta.url)), '..');
  const problems = checkLayers(root);
  for (const problem of problems) process.stderr.write(`${problem}\n`);
  if (problems.length > 0) {
    process.stderr.write(`${problems.length} import(s) break the layer rules (ARCHITECTURE.md)\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
