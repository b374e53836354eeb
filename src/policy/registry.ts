import { resolve } from 'node:path';
import { configFromObject, findConfigFile, loadConfigFile } from '../engine/config/load.js';
import type { LoadedConfig } from '../engine/config/types.js';
import { createRegistry, type RuleRegistry } from '../engine/registry.js';
import { configuredRules } from './configured.js';

export interface RegistryOptions {
  cwd: string;
  /** `--config FILE`; otherwise the nearest hoplint.config.* above `cwd`. */
  configFile?: string;
  noConfig?: boolean;
  /** `--policy FILE`, relative to `cwd`. */
  policyFiles?: string[];
}

/** The config that `hoplint rules`, `explain` and `test` read: as lint finds it from the cwd. */
export async function configForCommand(options: RegistryOptions): Promise<LoadedConfig> {
  if (options.configFile !== undefined) return loadConfigFile(resolve(options.cwd, options.configFile), options.cwd);
  const found = options.noConfig ? undefined : findConfigFile(options.cwd);
  return found ? loadConfigFile(found, options.cwd) : configFromObject({}, options.cwd);
}

/** Every rule a lint from `cwd` would know: built-in, shipped, and the config's policies and plugins. */
export async function registryForCommand(options: RegistryOptions): Promise<RuleRegistry> {
  const loaded = await configForCommand(options);
  return createRegistry(await configuredRules(loaded, { cwd: options.cwd, policyFiles: options.policyFiles }));
}

/** The flags `hoplint rules` and `hoplint explain` accept to find policies and plugins. */
export const REGISTRY_FLAGS = {
  config: { type: 'string', short: 'c' },
  'no-config-lookup': { type: 'boolean' },
  policy: { type: 'string', multiple: true },
} as const;
