import { ruleModules } from '../../rules/index.js';
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
  const shipped: RegisteredRule[] = includeShipped ? ruleModules : [];
  const dirs = new Map(shipped.map((entry) => [entry.rule.meta.id, entry.dir]));
  return new RuleRegistry([
    ...BUILTIN_RULES.filter((rule) => !extraIds.has(rule.meta.id)).map((rule) => ({ rule })),
    ...shipped.filter((entry) => !extraIds.has(entry.rule.meta.id)),
    ...extraRules.map((rule) => ({ rule, dir: dirs.get(rule.meta.id) })),
  ]);
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
