import type { ValidateFunction } from 'ajv';
import { newAjv } from '../../core/ajv.js';
import { propertiesIn, type SchemaNode } from '../../core/schema-errors.js';
import { CONFIG_SCHEMA } from './schema-document.js';
import type { HoplintConfig } from './types.js';

let cached: { schema: SchemaNode; validate: ValidateFunction<HoplintConfig> } | undefined;

/** The config schema, compiled once (and only when a config file has something in it). */
export function configValidator(): { schema: SchemaNode; validate: ValidateFunction<HoplintConfig> } {
  if (!cached) {
    const ajv = newAjv({ allErrors: true, strict: false });
    cached = { schema: CONFIG_SCHEMA as SchemaNode, validate: ajv.compile<HoplintConfig>(CONFIG_SCHEMA) };
  }
  return cached;
}

/** The keys the config schema allows at a path, for "did you mean" and "expected one of" hints. */
export function propertiesAt(segments: ReadonlyArray<string | number>): string[] {
  return propertiesIn(configValidator().schema, segments);
}
