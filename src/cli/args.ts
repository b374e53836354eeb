import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';

/**
 * node:util parseArgs (strict) with hoplint's wording: an unknown or malformed flag is a
 * one-line UsageError naming the closest known flag.
 */
export function parseFlags<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs<T>({ strict: true, ...config });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) {
      const known = Object.entries(config.options ?? {}).flatMap(([name, spec]) => [`--${name}`, ...(spec.short ? [`-${spec.short}`] : [])]);
      throw new UsageError(`unknown option "${unknown[1]}"${didYouMean(unknown[1]!, known)}; see hoplint --help`);
    }
    const missing = /Option '([^']+)' argument missing/.exec(message);
    if (missing) throw new UsageError(`option "${missing[1]!.replace(/^-\w, /, '').replace(/ <value>$/, '')}" needs a value`);
    const positional = /Unexpected argument '([^']+)'/.exec(message);
    if (positional) throw new UsageError(`unexpected argument "${positional[1]}"`);
    throw new UsageError(message.split('\n')[0]!.replace(/\. To specify.*$/, ''));
  }
}
