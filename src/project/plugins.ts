import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule } from '../engine/rule.js';
import { RULE_LAYERS } from '../languages/registry.js';
import { importModule } from '../core/module-import.js';

const RULE_ID = /^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/;
const SEVERITIES = ['error', 'warning', 'info'];
const LAYERS: readonly string[] = RULE_LAYERS;

/** A plugin that could not be resolved, imported or read: the message says which and why. */
export class PluginError extends Error {}

function isRelativeSpecifier(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || isAbsolute(specifier);
}

/** `exports["."]` of a package manifest, preferring the import condition. */
function exportTarget(exportsField: unknown): string | undefined {
  if (typeof exportsField === 'string') return exportsField;
  if (exportsField === null || typeof exportsField !== 'object') return undefined;
  const record = exportsField as Record<string, unknown>;
  const entry = '.' in record ? record['.'] : record;
  if (typeof entry === 'string') return entry;
  if (entry === null || typeof entry !== 'object') return undefined;
  const conditions = entry as Record<string, unknown>;
  for (const condition of ['import', 'node', 'default']) {
    const target = exportTarget(conditions[condition]);
    if (target) return target;
  }
  return undefined;
}

/** Where a package named in the config lives, looked up from the config's directory. */
function resolvePackage(name: string, fromDir: string): string {
  try {
    return createRequire(join(fromDir, 'hoplint.config.js')).resolve(name);
  } catch {
    // ESM-only packages (an `exports` with only `import`) are not visible to require.resolve.
  }
  const [scopeOrName, maybeName] = name.split('/');
  const packageName = name.startsWith('@') ? `${scopeOrName}/${maybeName}` : scopeOrName!;
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const root = join(dir, 'node_modules', packageName);
    const manifestPath = join(root, 'package.json');
    if (existsSync(manifestPath)) {
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports?: unknown; main?: string };
      const target = exportTarget(manifest.exports) ?? manifest.main ?? 'index.js';
      return resolve(root, name === packageName ? target : name.slice(packageName.length + 1));
    }
    if (dirname(dir) === dir) break;
  }
  throw new PluginError(`cannot find package "${name}" from ${fromDir}`);
}

function problemOf(candidate: unknown): string | undefined {
  if (candidate === null || typeof candidate !== 'object') return 'is not a rule object (use defineRule from "hoplint")';
  const { meta, check } = candidate as { meta?: Record<string, unknown>; check?: unknown };
  if (!meta || typeof meta !== 'object') return 'has no "meta"';
  if (typeof check !== 'function') return `"${String(meta.id)}" has no check() function`;
  if (typeof meta.id !== 'string' || !RULE_ID.test(meta.id)) return `has id ${JSON.stringify(meta.id)}; a plugin rule id is "<namespace>/<name>" in lower case, e.g. "acme/no-debug"`;
  if (!LAYERS.includes(meta.layer as string)) return `"${meta.id}" has layer ${JSON.stringify(meta.layer)}; expected one of ${LAYERS.join(', ')}`;
  if (!SEVERITIES.includes(meta.severity as string)) return `"${meta.id}" has severity ${JSON.stringify(meta.severity)}; expected one of ${SEVERITIES.join(', ')}`;
  for (const field of ['summary', 'docsUrl']) {
    if (typeof meta[field] !== 'string') return `"${meta.id}" has no meta.${field} (a string)`;
  }
  return undefined;
}

/** Rules written before `docs` existed, with their docs taken from `meta.rationale` and `meta.howToFix`; one per original rule. */
const withLegacyDocs = new WeakMap<Rule<object>, Rule<object>>();

/** A plugin rule with its documentation where the tools look for it: `docs`, or the `meta.rationale` / `meta.howToFix` of older plugins. */
function documented(rule: Rule<object>): Rule<object> {
  const legacy = rule.meta as { rationale?: unknown; howToFix?: unknown };
  if (rule.docs || (typeof legacy.rationale !== 'string' && typeof legacy.howToFix !== 'string')) return rule;
  let adapted = withLegacyDocs.get(rule);
  if (!adapted) {
    const description = typeof legacy.rationale === 'string' ? legacy.rationale : rule.meta.summary;
    const howToFix = typeof legacy.howToFix === 'string' ? legacy.howToFix : '';
    adapted = { meta: rule.meta, check: (context) => rule.check(context), docs: { description, howToFix } };
    withLegacyDocs.set(rule, adapted);
  }
  return adapted;
}

/** The rules a module exports: its default export (a rule, an array or an object of rules), else `rules`. */
export function rulesOfModule(namespace: Record<string, unknown>, specifier: string): Rule<object>[] {
  const exported = namespace.default ?? namespace.rules;
  if (exported === undefined) throw new PluginError(`plugin "${specifier}" has no default export (a rule, an array or an object of rules)`);
  const isSingle = exported !== null && typeof exported === 'object' && 'meta' in exported;
  const candidates: unknown[] = isSingle ? [exported] : Array.isArray(exported) ? exported : exported !== null && typeof exported === 'object' ? Object.values(exported) : [exported];
  if (candidates.length === 0) throw new PluginError(`plugin "${specifier}" exports no rules`);
  candidates.forEach((candidate, index) => {
    const problem = problemOf(candidate);
    if (problem) throw new PluginError(`plugin "${specifier}": rule #${index + 1} ${problem}`);
  });
  return (candidates as Rule<object>[]).map(documented);
}

/**
 * Imports a plugin named in a config file: a path relative to the config's directory
 * (`./rules/team.js`) or a package name resolved from there. Only config files and the command
 * line name plugins; nothing in a linted file reaches this function.
 */
export async function loadPlugin(specifier: string, configDir: string): Promise<Rule<object>[]> {
  const path = isRelativeSpecifier(specifier) ? resolve(configDir, specifier) : resolvePackage(specifier, configDir);
  if (!existsSync(path)) throw new PluginError(`plugin "${specifier}": no such file ${path}`);
  let namespace: Record<string, unknown>;
  try {
    namespace = await importModule(pathToFileURL(path).href);
  } catch (error) {
    throw new PluginError(`plugin "${specifier}" failed to load: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
  }
  return rulesOfModule(namespace, specifier);
}
