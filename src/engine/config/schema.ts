import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { newAjv } from '../../core/ajv.js';
import { packageRoot } from '../../core/package-root.js';
import type { HoplintConfig } from './types.js';

export type SchemaNode = {
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode | SchemaNode[];
  oneOf?: SchemaNode[];
  definitions?: Record<string, SchemaNode>;
  type?: string | string[];
};

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

function resolve(root: SchemaNode, node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  while (current?.$ref?.startsWith('#/definitions/')) current = root.definitions?.[current.$ref.slice('#/definitions/'.length)];
  return current;
}

function objectBranch(root: SchemaNode, node: SchemaNode | undefined): SchemaNode | undefined {
  const resolved = resolve(root, node);
  if (resolved?.oneOf) return resolved.oneOf.map((branch) => resolve(root, branch)).find((branch) => branch?.properties !== undefined) ?? resolved;
  return resolved;
}

/** The keys the config schema allows at a path, for "did you mean" and "expected one of" hints. */
export function propertiesAt(segments: ReadonlyArray<string | number>): string[] {
  return propertiesIn(configValidator().schema, segments);
}

/** The keys a schema (with `#/definitions/` refs) allows at a path of an instance. */
export function propertiesIn(schema: SchemaNode, segments: ReadonlyArray<string | number>): string[] {
  let node: SchemaNode | undefined = schema;
  for (const segment of segments) {
    node = objectBranch(schema, node);
    if (!node) return [];
    if (typeof segment === 'number') node = Array.isArray(node.items) ? node.items[segment] : node.items;
    else node = node.properties?.[segment] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
  }
  return Object.keys(objectBranch(schema, node)?.properties ?? {}).filter((key) => key !== '$schema');
}
