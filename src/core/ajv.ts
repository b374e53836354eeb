import { createRequire } from 'node:module';
import type { Ajv, Options } from 'ajv';

const require = createRequire(import.meta.url);

/**
 * A new ajv instance, with ajv loaded on first use: compiling ajv's own modules costs a run that
 * has no config file and no rule options (the pre-commit case) a large part of its start-up.
 */
export function newAjv(options: Options): Ajv {
  const { Ajv: AjvClass } = require('ajv') as typeof import('ajv');
  return new AjvClass(options);
}
