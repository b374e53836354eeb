import type { ErrorObject } from 'ajv';
import { didYouMean } from './suggest.js';
import { pointerSegments } from './yaml-locator.js';

const KEYWORD_PRIORITY: Record<string, number> = {
  additionalProperties: 0,
  required: 0,
  propertyNames: 0,
  enum: 1,
  const: 1,
  pattern: 2,
  minimum: 2,
  maximum: 2,
  exclusiveMinimum: 2,
  exclusiveMaximum: 2,
  minLength: 2,
  minItems: 2,
  maxItems: 2,
  uniqueItems: 2,
  type: 3,
  oneOf: 4,
  anyOf: 4,
};

/** The error a person should fix first: the deepest one, and a concrete one over a oneOf summary. */
export function mostSpecificError(errors: ErrorObject[]): ErrorObject {
  return [...errors].sort((a, b) => {
    const depth = pointerSegments(b.instancePath).length - pointerSegments(a.instancePath).length;
    return depth || (KEYWORD_PRIORITY[a.keyword] ?? 2) - (KEYWORD_PRIORITY[b.keyword] ?? 2);
  })[0]!;
}

export function displayPath(segments: ReadonlyArray<string | number>): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

function quote(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function valueAt(root: unknown, segments: ReadonlyArray<string | number>): unknown {
  let value = root;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** Where the error points (path + whether at a key) and what to say, in hoplint's words. */
export function describeSchemaError(
  error: ErrorObject,
  data: unknown,
  schemaProperties: (segments: ReadonlyArray<string | number>) => string[],
): { path: Array<string | number>; focus: 'key' | 'value'; message: string } {
  const path = pointerSegments(error.instancePath);
  const where = path.length === 0 ? 'config' : displayPath(path);
  const at = (message: string): string => (path.length === 0 ? message : `${where}: ${message}`);
  const found = valueAt(data, path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = schemaProperties(path);
      const hint = didYouMean(key, allowed);
      const list = hint === '' && allowed.length > 0 ? `; expected one of ${allowed.map((name) => `"${name}"`).join(', ')}` : hint;
      return { path: [...path, key], focus: 'key', message: at(`unknown key "${key}"${list}`) };
    }
    case 'required':
      return { path, focus: 'value', message: `${where}: missing required key "${String(params.missingProperty)}"` };
    case 'propertyNames':
      return { path: [...path, String(params.propertyName)], focus: 'key', message: `${where}: invalid key "${String(params.propertyName)}"` };
    case 'enum':
      return {
        path,
        focus: 'value',
        message: `${where}: must be one of ${(params.allowedValues as unknown[]).map(quote).join(', ')}; found ${quote(found)}`,
      };
    case 'type':
      return { path, focus: 'value', message: `${where}: must be ${String(params.type).replace(',', ' or ')}; found ${quote(found)}` };
    default:
      return { path, focus: 'value', message: `${where}: ${error.message ?? 'is invalid'}${found === undefined || typeof found === 'object' ? '' : `; found ${quote(found)}`}` };
  }
}

/** A JSON Schema as hoplint's schemas write it, enough to walk it. */
export type SchemaNode = {
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode | SchemaNode[];
  oneOf?: SchemaNode[];
  definitions?: Record<string, SchemaNode>;
  type?: string | string[];
};

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
