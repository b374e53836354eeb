import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { CONFIG_FILE_NAMES } from '../../core/config-files.js';
import { LineIndex } from '../../core/source.js';
import { ConfigError, UsageError } from '../../core/errors.js';
import { yamlLocator } from '../../core/yaml-locator.js';
import { describeSchemaError, mostSpecificError } from '../../core/schema-errors.js';
import { configValidator, propertiesAt } from './schema.js';
import type { HoplintConfig, LoadedConfig } from './types.js';


/** The nearest hoplint.config.{yaml,yml,json} in `start` or a directory above it. */
export function findConfigFile(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isEmptyObject(data: unknown): boolean {
  return typeof data === 'object' && data !== null && !Array.isArray(data) && Object.keys(data).length === 0;
}

/** Validates a config object against the shipped schema; errors are positioned through `locate`. */
export function validateConfig(data: unknown, loaded: Omit<LoadedConfig, 'config'>): HoplintConfig {
  // An empty config is valid by construction; compiling the schema for it would cost every run without a config file.
  if (isEmptyObject(data)) return {};
  const { validate } = configValidator();
  if (validate(data)) return data;
  const error = mostSpecificError(validate.errors ?? []);
  const { path, focus, message } = describeSchemaError(error, data, propertiesAt);
  const position = loaded.locate(path, focus);
  throw new ConfigError(loaded.displayName, position.line, position.column, message);
}

/**
 * A section whose entries are all commented out (`rules:` followed only by comments) is YAML
 * null; it means "nothing here", as in the starter config `hoplint init` writes.
 */
function withoutEmptySections(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== null));
}

/** Reads, parses and validates a config file. Every problem is a ConfigError at its position. */
export async function loadConfigFile(file: string, cwd: string): Promise<LoadedConfig> {
  const displayFile = relative(cwd, file) || file;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read config file "${displayFile}": ${code === 'ENOENT' ? 'no such file' : code ?? String(error)}`);
  }
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const syntaxError = document.errors[0];
  if (syntaxError) {
    const position = new LineIndex(text).positionAt(syntaxError.pos[0]);
    throw new ConfigError(displayFile, position.line, position.column, `invalid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${syntaxError.message}`);
  }
  const data: unknown = withoutEmptySections(document.toJS() ?? {});
  const base = { file, displayName: displayFile, root: dirname(file), locate: yamlLocator(document, text) };
  return { ...base, config: validateConfig(data, base) };
}

/** Which config a run uses, as the caller says it: an object, a file, none at all, or (by default) the nearest one found. */
export interface ConfigChoice {
  /** A config object to use instead of any file (validated like a file). */
  config?: HoplintConfig;
  /** A config file to use instead of looking for one (`--config`), relative to the cwd. */
  configFile?: string;
  /** Use no config file at all (`--no-config-lookup`). */
  noConfig?: boolean;
}

/**
 * THE config lookup, for lint and for the `rules`, `explain` and `test` commands alike: the
 * object or file the caller names, else the nearest hoplint.config.* in `searchFrom` or above,
 * else an empty config.
 */
export async function resolveConfig(cwd: string, choice: ConfigChoice, searchFrom: string): Promise<LoadedConfig> {
  if (choice.config !== undefined) return configFromObject(choice.config, cwd);
  if (choice.configFile !== undefined) return loadConfigFile(resolve(cwd, choice.configFile), cwd);
  const found = choice.noConfig ? undefined : findConfigFile(searchFrom);
  return found ? loadConfigFile(found, cwd) : configFromObject({}, cwd);
}

/** A config given as an object (programmatic use, tests): validated the same way, positions unknown. */
export function configFromObject(data: unknown, root: string): LoadedConfig {
  const base = { displayName: '<config>', root, locate: () => ({ line: 1, column: 1 }) };
  return { ...base, config: validateConfig(data ?? {}, base) };
}
