import type { ErrorObject } from 'ajv';
import { mostSpecificError } from '../core/schema-errors.js';
import { pointerSegments } from '../core/yaml-locator.js';
import { formatObjectPath } from './object-path.js';

export interface Violation {
  /** Where in the view the problem is (for a missing key: the object that lacks it). */
  path: Array<string | number>;
  /** ajv's account of it, in hoplint's words: `args[0]: must be >= 8192; found 4096`. */
  text: string;
}

function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function valueAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/**
 * Without the item errors of a failed `contains`: they say why each item did not match, while the
 * problem is that none did.
 */
function withoutContainsNoise(errors: ErrorObject[]): ErrorObject[] {
  const containers = errors.filter((error) => error.keyword === 'contains').map((error) => `${error.schemaPath}/`);
  return errors.filter((error) => !containers.some((prefix) => error.schemaPath.startsWith(prefix)));
}

/** The one error a person should fix first, described against the view. */
export function describeViolation(errors: ErrorObject[], view: unknown): Violation {
  const error = mostSpecificError(withoutContainsNoise(errors));
  const path = pointerSegments(error.instancePath);
  const where = path.length === 0 ? '' : `${formatObjectPath(path)}: `;
  const params = error.params as Record<string, unknown>;
  const found = valueAt(view, path);
  switch (error.keyword) {
    case 'required':
      return { path, text: `${where}missing "${String(params.missingProperty)}"` };
    case 'additionalProperties':
      return { path: [...path, String(params.additionalProperty)], text: `${where}unexpected "${String(params.additionalProperty)}"` };
    case 'enum':
      return { path, text: `${where}must be one of ${(params.allowedValues as unknown[]).map(quote).join(', ')}; found ${quote(found)}` };
    case 'const':
      return { path, text: `${where}must be ${quote(params.allowedValue)}; found ${quote(found)}` };
    case 'not':
      return { path, text: `${where}must not be ${quote(found)}` };
    case 'false schema':
      return { path, text: `${where}is not allowed` };
    default: {
      const shown = found === undefined || (typeof found === 'object' && found !== null) ? '' : `; found ${quote(found)}`;
      return { path, text: `${where}${error.message ?? 'is invalid'}${shown}` };
    }
  }
}
