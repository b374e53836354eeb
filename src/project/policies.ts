import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { ConfigError, UsageError } from '../core/errors.js';
import { toPosix } from '../core/paths.js';
import type { Rule } from '../engine/rule.js';
import { parsePolicyFile, type LoadedPolicyFile } from '../policy/parse.js';
import type { LoadedConfig } from './config/types.js';
import { loadPlugin, PluginError } from './plugins.js';

const cache = new Map<string, { text: string; loaded: LoadedPolicyFile }>();

function displayNameOf(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel === '' || rel.startsWith('..') ? file : rel;
}

/**
 * Reads, validates and compiles a policy file (YAML or JSON). Every mistake — syntax, the
 * meta-schema, an `assert` that is not a valid JSON Schema, a bad selector or placeholder, a
 * duplicate id — is a ConfigError at its `file:line:column`. Compiled files are reused while
 * their text is unchanged, so the language server does not recompile on every keystroke.
 */
export async function loadPolicyFile(file: string, cwd: string): Promise<LoadedPolicyFile> {
  const displayName = displayNameOf(file, cwd);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read policy file "${displayName}": ${code === 'ENOENT' ? 'no such file' : (code ?? String(error))}`);
  }
  const key = `${file}\u0000${cwd}`;
  const hit = cache.get(key);
  if (hit && hit.text === text) return hit.loaded;
  const loaded = parsePolicyFile(file, displayName, text);
  cache.set(key, { text, loaded });
  return loaded;
}

/** Directories a policy glob never descends into. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
const MAX_GLOB_FILES = 10_000;

async function walk(dir: string, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (out.length >= MAX_GLOB_FILES) return;
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) await walk(path, out);
    else if (entry.isFile()) out.push(path);
  }
}

/** Files a `policies` entry names: one path, or every file a glob matches (sorted). */
async function expandPolicyEntry(entry: string, root: string): Promise<string[]> {
  const scan = picomatch.scan(entry);
  if (!scan.isGlob) return [resolve(root, entry)];
  const base = resolve(root, scan.base || '.');
  const matches = picomatch(toPosix(entry.startsWith('./') ? entry.slice(2) : entry), { dot: true });
  const files: string[] = [];
  await walk(base, files);
  return files.filter((file) => matches(toPosix(relative(root, file))));
}

/** The policy files of a config (`policies`, relative to the config file), each with where it is named. */
export async function configuredPolicyFiles(loaded: LoadedConfig): Promise<Array<{ file: string; entry: number }>> {
  const out: Array<{ file: string; entry: number }> = [];
  for (const [index, entry] of (loaded.config.policies ?? []).entries()) {
    const files = await expandPolicyEntry(entry, loaded.root);
    const missing = files.length === 0 ? 'matches no file' : !existsSync(files[0]!) ? 'no such file' : statSync(files[0]!).isDirectory() ? 'is a directory; name the policy files or use a glob such as "policies/*.yaml"' : undefined;
    if (missing) {
      const position = loaded.locate(['policies', index]);
      throw new ConfigError(loaded.displayName, position.line, position.column, `policies[${index}]: "${entry}" ${missing}`);
    }
    for (const file of files) out.push({ file, entry: index });
  }
  return out;
}

/** `--policy FILE` paths, relative to the working directory. */
export function commandLinePolicyFiles(paths: readonly string[], cwd: string): string[] {
  return paths.map((path) => {
    const file = resolve(cwd, path);
    if (!existsSync(file)) throw new UsageError(`--policy "${path}": no such file`);
    if (statSync(file).isDirectory()) throw new UsageError(`--policy "${path}" is a directory; name a policy file`);
    return file;
  });
}

/** Every policy file a run uses: the config's, then the command line's, each once. */
export async function policyFilesFor(loaded: LoadedConfig, cwd: string, cliPolicies: readonly string[] = []): Promise<LoadedPolicyFile[]> {
  const paths = [...(await configuredPolicyFiles(loaded)).map(({ file }) => file), ...commandLinePolicyFiles(cliPolicies, cwd)];
  const files: LoadedPolicyFile[] = [];
  for (const path of new Set(paths)) files.push(await loadPolicyFile(path, cwd));
  return files;
}

async function pluginRules(loaded: LoadedConfig): Promise<Array<{ rule: Rule<object>; origin: string }>> {
  const out: Array<{ rule: Rule<object>; origin: string }> = [];
  for (const [index, specifier] of (loaded.config.plugins ?? []).entries()) {
    try {
      for (const rule of await loadPlugin(specifier, loaded.root)) out.push({ rule, origin: `plugin "${specifier}"` });
    } catch (error) {
      if (!(error instanceof PluginError)) throw error;
      const position = loaded.locate(['plugins', index]);
      throw new ConfigError(loaded.displayName, position.line, position.column, `plugins[${index}]: ${error.message}`);
    }
  }
  return out;
}

/**
 * The rules a config (and `--policy`) adds to the built-in ones: its policies compiled to rules
 * and its plugins' rules. Two different rules with one id are a usage error naming both origins.
 */
export async function configuredRules(loaded: LoadedConfig, options: { cwd: string; policyFiles?: readonly string[] }): Promise<Rule<object>[]> {
  const origins = new Map<string, { rule: Rule<object>; origin: string }>();
  const add = (rule: Rule<object>, origin: string): void => {
    const existing = origins.get(rule.meta.id);
    if (existing && existing.rule !== rule) throw new UsageError(`rule id "${rule.meta.id}" is defined twice: by ${existing.origin} and by ${origin}`);
    origins.set(rule.meta.id, { rule, origin });
  };
  for (const file of await policyFilesFor(loaded, options.cwd, options.policyFiles)) {
    for (const policy of file.policies) add(policy.rule, `${file.displayName}:${file.locate(['policies', policy.index]).line}`);
  }
  for (const { rule, origin } of await pluginRules(loaded)) add(rule, origin);
  return [...origins.values()].map(({ rule }) => rule);
}

/** Rules of several sources, each id once (the first wins): the union that suppressions are checked against. */
export function uniqueRules(lists: ReadonlyArray<readonly Rule<object>[]>): Rule<object>[] {
  const byId = new Map<string, Rule<object>>();
  for (const list of lists) for (const rule of list) if (!byId.has(rule.meta.id)) byId.set(rule.meta.id, rule);
  return [...byId.values()];
}
