import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ajv, ValidateFunction } from 'ajv';
import { newAjv } from '../core/ajv.js';
import { propertiesIn, type SchemaNode } from '../core/schema-errors.js';
import { packageRoot } from '../core/package-root.js';
import type { PolicyFileInput } from './types.js';

let cached: { schema: SchemaNode; validate: ValidateFunction<PolicyFileInput> } | undefined;

export function policySchemaPath(): string {
  return join(packageRoot(), 'schemas', 'hoplint.policy.schema.json');
}

/** The shipped meta-schema of policy files, compiled once. */
export function policyFileValidator(): { schema: SchemaNode; validate: ValidateFunction<PolicyFileInput> } {
  if (!cached) {
    const schema = JSON.parse(readFileSync(policySchemaPath(), 'utf8')) as SchemaNode;
    cached = { schema, validate: newAjv({ allErrors: true, strict: false }).compile<PolicyFileInput>(schema) };
  }
  return cached;
}

/** The keys the meta-schema allows at a path, for "did you mean" hints. */
export function policyPropertiesAt(segments: ReadonlyArray<string | number>): string[] {
  return propertiesIn(policyFileValidator().schema, segments);
}

/**
 * The ajv that compiles a policy file's `assert` and `where` schemas: unknown keywords and
 * formats are errors (a typo such as `minimun` must not silently accept everything), while
 * draft-07 schemas that are merely loose (union types, `required` without `properties`) compile.
 */
export function userSchemaCompiler(): Ajv {
  return newAjv({
    allErrors: true,
    strictSchema: true,
    strictNumbers: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    logger: false,
  });
}
