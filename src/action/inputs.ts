import { UsageError } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';
import { FAIL_ON_LEVELS, type FailOn } from '../cli/exit-code.js';
import { FORMAT_NAMES, type FormatName } from '../report/index.js';

export interface ActionInputs {
  /** Files, directories and globs, relative to the workspace. */
  paths: string[];
  config?: string;
  /** The report printed to the job log besides the annotations. */
  format: FormatName;
  failOn: FailOn;
  /** Where the SARIF report goes; absent: the runner's temp directory. */
  sarifFile?: string;
  changedSince?: string;
}

/**
 * An action input as the runner passes it: `INPUT_<NAME>` with spaces turned into `_` and the
 * name upper-cased, hyphens kept (`fail-on` → `INPUT_FAIL-ON`), as @actions/core reads it. The
 * underscore spelling (`INPUT_FAIL_ON`) is read too, because a composite action's `env:` map,
 * which shells can expand, spells it that way.
 */
export function readInput(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
  const value = env[key] ?? env[key.replace(/-/g, '_')];
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function oneOf<T extends string>(input: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`input "${input}" must be one of ${allowed.join(', ')}, got "${value}"${didYouMean(value, allowed)}`);
}

/** The action's inputs, validated; a bad value is a UsageError naming the input. */
export function readActionInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const paths = (readInput(env, 'paths') ?? '.').split(/\s+/).filter((path) => path !== '');
  return {
    paths,
    config: readInput(env, 'config'),
    format: oneOf('format', readInput(env, 'format'), FORMAT_NAMES, 'stylish'),
    failOn: oneOf('fail-on', readInput(env, 'fail-on'), FAIL_ON_LEVELS, 'error'),
    sarifFile: readInput(env, 'sarif-file'),
    changedSince: readInput(env, 'changed-since'),
  };
}
