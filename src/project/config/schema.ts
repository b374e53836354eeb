import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { newAjv } from '../../core/ajv.js';
import { packageRoot } from '../../core/package-root.js';
import { propertiesIn, type SchemaNode } from '../../core/schema-errors.js';
import type { HoplintConfig } from './types.js';

let cached: { schema: SchemaNode; validate: ValidateFunction<HoplintConfig> } | undefined;

export function configSchemaPath(): string {
  return join(packageRoot(), 'schemas', 'hoplint.config.schema.json');
}

/** The shipped JSON Schema, compiled once. */
export function configValidator(): { schema: SchemaNode; validate: ValidateFunction<HoplintConfig> } {
  if (!cached) {
    const schema = JSON.parse(readFileSync(configSchemaPath(), 'utf8')) as SchemaNode;
    const ajv = newAjv({ allErrors: true, strict: false });
    cached = { schema, validate: ajv.compile<HoplintConfig>(schema) };
  }
  return cached;
}

/** The keys the config schema allows at a path, for "did you mean" and "expected one of" hints. */
export function propertiesAt(segments: ReadonlyArray<string | number>): string[] {
  return propertiesIn(configValidator().schema, segments);
}

