import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import type { Span } from '../../core/source.js';
import type { SyntaxIssue } from '../../core/syntax.js';
import { issueAt, type Locator } from '../yaml/index.js';

/** A JSON value with the source span of every node and key. */
export type JsonNode = JsonObject | JsonArray | JsonScalar;

export interface JsonObject {
  kind: 'object';
  span: Span;
  entries: JsonEntry[];
}

export interface JsonEntry {
  key: string;
  keySpan: Span;
  value: JsonNode;
}

export interface JsonArray {
  kind: 'array';
  span: Span;
  items: JsonNode[];
}

export interface JsonScalar {
  kind: 'string' | 'number' | 'boolean' | 'null';
  span: Span;
  value: string | number | boolean | null;
}

export interface JsonParseResult {
  root?: JsonNode;
  issues: SyntaxIssue[];
}

/** Deeper nesting than any real network config; refusing it keeps recursion bounded. */
const MAX_DEPTH = 200;

/**
 * Parses JSON strictly (the grammar is the JavaScript engine's JSON.parse, as strict as Go's
 * encoding/json that CNI runtimes use) and takes positions from the `yaml` package, which reads
 * JSON as YAML 1.2 with exact node ranges. Never throws.
 */
export function parseJson(text: string, locator: Locator): JsonParseResult {
  try {
    JSON.parse(text);
  } catch (error) {
    return { issues: [jsonErrorIssue(text, locator, error)] };
  }
  const tooDeep = firstOffsetDeeperThan(text, MAX_DEPTH);
  if (tooDeep >= 0) return { issues: [issueAt(locator, tooDeep, tooDeep + 1, `JSON nested deeper than ${MAX_DEPTH} levels; not read`)] };
  let doc;
  try {
    doc = parseDocument(text, { schema: 'json', uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
  } catch (error) {
    return { issues: [issueAt(locator, 0, 0, `JSON could not be read: ${error instanceof Error ? error.message : String(error)}`)] };
  }
  const firstError = doc.errors[0];
  if (firstError) return { issues: [issueAt(locator, firstError.pos[0], firstError.pos[1], `invalid JSON: ${firstError.message.replace(/\s+/g, ' ')}`)] };
  const root = toJsonNode(doc.contents, locator);
  return root ? { root, issues: [] } : { issues: [] };
}

/**
 * Duplicate keys are legal JSON; Go's decoder (and so every CNI runtime) keeps the last one.
 */
export function member(object: JsonObject, key: string): JsonEntry | undefined {
  for (let i = object.entries.length - 1; i >= 0; i--) {
    if (object.entries[i]!.key === key) return object.entries[i];
  }
  return undefined;
}

export function memberValue(object: JsonObject, key: string): JsonNode | undefined {
  return member(object, key)?.value;
}

export function asObject(node: JsonNode | undefined): JsonObject | undefined {
  return node?.kind === 'object' ? node : undefined;
}

export function asString(node: JsonNode | undefined): string | undefined {
  return node?.kind === 'string' ? (node.value as string) : undefined;
}

function toJsonNode(node: Node | null, locator: Locator): JsonNode | undefined {
  if (!node || !node.range) return undefined;
  const span = locator.span(node.range[0], node.range[1]);
  if (isMap(node)) {
    const entries: JsonEntry[] = [];
    for (const pair of node.items) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const value = toJsonNode(pair.value as Node | null, locator);
      if (!value) continue;
      entries.push({ key: String(pair.key.value), keySpan: locator.span(pair.key.range[0], pair.key.range[1]), value });
    }
    return { kind: 'object', span, entries };
  }
  if (isSeq(node)) {
    const items: JsonNode[] = [];
    for (const item of node.items) {
      const value = toJsonNode(item as Node | null, locator);
      if (value) items.push(value);
    }
    return { kind: 'array', span, items };
  }
  if (isScalar(node)) {
    const value = node.value;
    if (typeof value === 'string') return { kind: 'string', span, value };
    if (typeof value === 'number') return { kind: 'number', span, value };
    if (typeof value === 'boolean') return { kind: 'boolean', span, value };
    return { kind: 'null', span, value: null };
  }
  return undefined;
}

/**
 * Offset of the bracket that opens level `limit + 1`, or -1. Runs on text JSON.parse accepted,
 * so strings are the only places where brackets do not nest.
 */
function firstOffsetDeeperThan(text: string, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (++depth > limit) return i;
    } else if (c === '}' || c === ']') depth--;
  }
  return -1;
}

/** V8 says "... in JSON at position N" (Node 20) or "... at position N (line L column C)". */
function jsonErrorIssue(text: string, locator: Locator, error: unknown): SyntaxIssue {
  const raw = error instanceof Error ? error.message : String(error);
  const at = /at position (\d+)/.exec(raw);
  const offset = at
    ? Math.min(Number(at[1]), text.length)
    : raw.startsWith('Unexpected token')
      ? unexpectedTokenOffset(text)
      : endOfContent(text);
  const message = raw
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/ in JSON at position \d+/, '')
    .replace(/ at position \d+/, '')
    .replace(/^Unexpected end of JSON input$/, 'Unexpected end of input')
    .replace(/, (?:\.\.\.)?"[\s\S]*" is not valid JSON$/, '')
    .replace(/\s+/g, ' ');
  // An empty span at a line break: one ending between `\r` and `\n` would be past the line's end.
  return issueAt(locator, offset, /[\r\n]/.test(text[offset] ?? '') ? offset : Math.min(offset + 1, text.length), `invalid JSON: ${message}`);
}

/**
 * V8 names the unexpected token but not its offset. A prefix of the text that stops before the
 * bad token only ever fails as "end of input" (or at its own end), so the shortest prefix that
 * fails with "Unexpected token" ends just after the token: binary search for it.
 */
function unexpectedTokenOffset(text: string): number {
  const failsOnToken = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (error) {
      return error instanceof Error && error.message.startsWith('Unexpected token');
    }
  };
  let low = 1;
  let high = text.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (failsOnToken(mid)) high = mid;
    else low = mid + 1;
  }
  return Math.max(0, low - 1);
}

function endOfContent(text: string): number {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return end;
}
