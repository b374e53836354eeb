import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleModules } from '../../rules/index.js';
import { packageRoot } from '../core/package-root.js';
import { BUILTIN_RULES } from '../engine/builtin-rules.js';
import { RuleRegistry, type RegisteredRule } from '../engine/registry.js';
import type { Rule } from '../engine/rule.js';
import { resolveConfig, type ConfigChoice } from './config/load.js';
import { configuredRules } from './policies.js';

/**
 * The built-in rules, the shipped rule set (unless `includeShipped` is false) and extra rules
 * (plugins, policies, a rule under test); an extra rule replaces a shipped one with the same id.
 * The only place that knows which rules ship.
 */
export function createRegistry(extraRules: readonly Rule<object>[] = [], includeShipped = true): RuleRegistry {
  const extraIds = new Set(extraRules.map((rule) => rule.meta.id));
  const shipped = includeShipped ? ruleModules : [];
  const dirs = new Map(shipped.map((entry) => [entry.rule.meta.id, entry.dir]));
  const withReadme = (rule: Rule<object>, dir: string | undefined): RegisteredRule =>
    dir === undefined ? { rule } : { rule, dir, readme: () => readPage(join('rules', dir, 'README.md')) };
  return new RuleRegistry([
    ...BUILTIN_RULES.filter((rule) => !extraIds.has(rule.meta.id)).map((rule) => ({ rule, readme: () => readPage(builtinRulePage(rule.meta.id)) })),
    ...shipped.filter((entry) => !extraIds.has(entry.rule.meta.id)).map((entry) => withReadme(entry.rule, entry.dir)),
    ...extraRules.map((rule) => withReadme(rule, dirs.get(rule.meta.id))),
  ]);
}

/**
 * Where the page of a rule the engine itself defines (`syntax`, `unused-disable`) is, relative to
 * the package: a folder under `rules/core/` that holds only the README, the code being the engine's.
 */
export function builtinRulePage(id: string): string {
  return join('rules', 'core', id, 'README.md');
}

/** A documentation page of the installed package, read when a tool first asks for it. */
function readPage(path: string): string | undefined {
  const absolute = join(packageRoot(), path);
  return existsSync(absolute) ? readFileSync(absolute, 'utf8') : undefined;
}

export interface CommandRegistryOptions extends ConfigChoice {
  cwd: string;
  /** `--policy FILE`, relative to `cwd`. */
  policyFiles?: string[];
}

/** Every rule a lint from `cwd` would know: built-in, shipped, and the config's policies and plugins. */
export async function registryForCommand(options: CommandRegistryOptions): Promise<RuleRegistry> {
  const loaded = await resolveConfig(options.cwd, options, options.cwd);
  return createRegistry(await configuredRules(loaded, { cwd: options.cwd, policyFiles: options.policyFiles }));
}
