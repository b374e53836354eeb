import { isNode, isPair, parseAllDocuments } from 'yaml';
import type { Document, Node, Pair, Range } from 'yaml';
import { LineIndex } from '../../core/source.js';
import type { Span } from '../../core/source.js';
import type { SyntaxIssue } from '../../core/syntax.js';
import { checkAliasExpansion } from './alias-guard.js';
import { fileLocator, type Locator } from './locator.js';

/** One `---`-separated document of a YAML stream. */
export interface YamlDocument {
  file: string;
  /** 0-based position of the document in the stream. */
  index: number;
  doc: Document.Parsed;
  /** Template path from a preceding Helm `# Source: chart/templates/x.yaml` comment. */
  helmSource?: string;
  /** The document's extent, from its `---` marker (or first token) to the end of its content. */
  span: Span;
  /** True when the parser reported errors in this document: its content is best effort. */
  hasErrors: boolean;
}

export interface YamlLoadResult {
  file: string;
  /** The text parsed: the file's, or for YAML embedded in a scalar, the scalar's value. */
  text: string;
  /** The line index of the file on disk (the outer file for embedded YAML), for spans between its offsets. */
  lineIndex: LineIndex;
  /** Offsets of `text` to spans of the file on disk; every span of the load (issues included) goes through it. */
  locator: Locator;
  documents: YamlDocument[];
  issues: SyntaxIssue[];
}

/** Where a text embedded in another file's scalar sits: how its offsets map, and the outer file's line index. */
export interface EmbeddingOf {
  locator: Locator;
  lineIndex: LineIndex;
}

export interface YamlLoadOptions {
  /** Alias dereferences allowed per document once fully expanded (default 100). */
  maxAliasCount?: number;
  /** Nodes allowed per document once aliases are expanded (default 1,000,000). */
  maxExpandedNodes?: number;
  /** Larger inputs are refused with one issue instead of being parsed (default 16 MiB). */
  maxBytes?: number;
}

export const DEFAULT_MAX_ALIAS_COUNT = 100;
export const DEFAULT_MAX_EXPANDED_NODES = 1_000_000;
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

/** Deeper `[`/`{` nesting exhausts the yaml package's parser (it recurses per level). */
export const MAX_FLOW_DEPTH = 200;

/**
 * Offset of the first `[` or `{` that opens level `limit + 1` of flow nesting, or -1. Quoted
 * scalars and comments are skipped; the scan is linear and only guards the parser.
 */
function flowNestingBeyond(text: string, limit: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      // A quoted scalar: skip to its closing quote ('' escapes ' in single quotes, \ escapes in double).
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (c === 0x22 && d === 0x5c) i++;
        else if (d === c) break;
      }
    } else if (c === 0x23 && (i === 0 || text.charCodeAt(i - 1) <= 0x20)) {
      while (i < text.length && text.charCodeAt(i) !== 0x0a) i++;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return i;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) {
      depth--;
    }
  }
  return -1;
}

/** Whether `text` has more than `limit` `[` and `{` in all, the least that nesting beyond `limit` takes. */
function hasMoreOpeners(text: string, limit: number): boolean {
  let count = 0;
  for (const opener of ['[', '{']) {
    for (let i = text.indexOf(opener); i !== -1; i = text.indexOf(opener, i + 1)) {
      if (++count > limit) return true;
    }
  }
  return false;
}

const HELM_SOURCE = /^#\s*Source:\s*(\S.*?)\s*$/m;

/**
 * Parses a YAML stream into positioned documents. Never throws: syntax errors, alias bombs,
 * binary or oversized input become issues. A document whose alias expansion exceeds the bounds
 * is reported and left out of `documents`, so no consumer can expand it.
 */
export function loadYaml(file: string, text: string, options: YamlLoadOptions = {}, embedding?: EmbeddingOf): YamlLoadResult {
  const lineIndex = embedding?.lineIndex ?? new LineIndex(text);
  const locator = embedding?.locator ?? fileLocator(file, lineIndex);
  const result: YamlLoadResult = { file, text, lineIndex, locator, documents: [], issues: [] };
  const issueAt = (start: number, end: number, message: string): void => {
    const from = clamp(start, 0, text.length);
    // The parser may end a range on the `\r` of a `\r\n`; a span ending between the two is past its line's end.
    const to = clamp(end, from, text.length) - (end > from && text[end - 1] === '\r' && text[end] === '\n' ? 1 : 0);
    result.issues.push({ ...locator.span(from, to), message });
  };

  const binaryAt = firstBinaryCharacter(text);
  if (binaryAt >= 0) {
    issueAt(binaryAt, binaryAt + 1, 'File looks binary (control character U+' + hex4(text.charCodeAt(binaryAt)) + '), not YAML');
    return result;
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  // A UTF-16 code unit takes at most three UTF-8 bytes, so most texts need no byte count.
  if (text.length * 3 > maxBytes) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > maxBytes) {
      issueAt(0, 0, `YAML file is ${bytes} bytes, more than the ${maxBytes}-byte limit; not parsed`);
      return result;
    }
  }
  const tooDeep = hasMoreOpeners(text, MAX_FLOW_DEPTH) ? flowNestingBeyond(text, MAX_FLOW_DEPTH) : -1;
  if (tooDeep >= 0) {
    issueAt(tooDeep, tooDeep + 1, `YAML flow collections nest deeper than ${MAX_FLOW_DEPTH} levels here; not parsed`);
    return result;
  }

  let parsed: Document.Parsed[];
  try {
    // Kubernetes' decoder (go-yaml) honours `<<` merge keys, so values must too.
    // A stream with no documents comes back as an empty array-like (`EmptyStream`) carrying errors.
    const stream = parseAllDocuments(text, { prettyErrors: false, merge: true });
    for (const error of (stream as { errors?: readonly { message: string; pos: [number, number] }[] }).errors ?? []) {
      issueAt(error.pos[0], error.pos[1], oneLine(error.message));
    }
    parsed = Array.from(stream as ArrayLike<Document.Parsed>);
  } catch (error) {
    issueAt(0, 0, `YAML could not be parsed: ${oneLine(error instanceof Error ? error.message : String(error))}`);
    return result;
  }

  const limits = {
    maxAliasCount: options.maxAliasCount ?? DEFAULT_MAX_ALIAS_COUNT,
    maxExpandedNodes: options.maxExpandedNodes ?? DEFAULT_MAX_EXPANDED_NODES,
  };
  parsed.forEach((doc, index) => {
    for (const error of doc.errors) issueAt(error.pos[0], error.pos[1], oneLine(error.message));
    // Only a document with an alias can expand; one without a `*` in its text has none.
    const star = text.indexOf('*', doc.range[0]);
    const aliasProblem = star !== -1 && star < doc.range[2] ? checkAliasExpansion(doc, limits) : undefined;
    if (aliasProblem) {
      issueAt(aliasProblem.start, aliasProblem.end, aliasProblem.message);
      return;
    }
    const entry: YamlDocument = {
      file,
      index,
      doc,
      span: documentSpan(result, doc),
      hasErrors: doc.errors.length > 0,
    };
    const helmSource = helmSourceOf(text, doc, index === 0 ? 0 : (parsed[index - 1]?.range[1] ?? 0));
    if (helmSource !== undefined) entry.helmSource = helmSource;
    result.documents.push(entry);
  });
  return result;
}

/** Exact source range of a node; for a Pair, from its key through its value. */
export function spanOfNode(result: YamlLoadResult, node: Node | Pair | null | undefined): Span | undefined {
  if (node === null || node === undefined) return undefined;
  if (isPair(node)) {
    const key = rangeOf(node.key);
    const value = rangeOf(node.value);
    if (!key && !value) return undefined;
    const start = key ? key[0] : value![0];
    const end = value ? value[1] : key![1];
    return spanOfOffsets(result, start, end);
  }
  const range = rangeOf(node);
  return range ? spanOfOffsets(result, range[0], range[1]) : undefined;
}

export function spanOfKey(result: YamlLoadResult, pair: Pair): Span | undefined {
  const range = rangeOf(pair.key);
  return range ? spanOfOffsets(result, range[0], range[1]) : undefined;
}

/** Plain JS value of a document with alias expansion bounded; never throws. */
export function toPlainBounded(
  doc: Document.Parsed,
  maxAliasCount: number = DEFAULT_MAX_ALIAS_COUNT,
): { value: unknown } | { issue: string } {
  const problem = checkAliasExpansion(doc, { maxAliasCount, maxExpandedNodes: DEFAULT_MAX_EXPANDED_NODES });
  if (problem) return { issue: problem.message };
  try {
    return { value: doc.toJS({ maxAliasCount }) };
  } catch (error) {
    return { issue: oneLine(error instanceof Error ? error.message : String(error)) };
  }
}

/** The node's own `[start, valueEnd, nodeEnd]` offsets, when it has a source range. */
function rangeOf(node: unknown): Readonly<Range> | undefined {
  if (!isNode(node)) return undefined;
  return node.range ?? undefined;
}

/**
 * Span of `[start, end)` with trailing line breaks dropped: a block scalar's range includes the
 * newline that ends it, but findings should end on the scalar's last line.
 */
function spanOfOffsets(result: YamlLoadResult, start: number, end: number): Span {
  const text = result.text;
  let trimmedEnd = clamp(end, 0, text.length);
  const from = clamp(start, 0, trimmedEnd);
  while (trimmedEnd > from && isLineBreakOrSpace(text.charCodeAt(trimmedEnd - 1))) trimmedEnd--;
  return result.locator.span(from, trimmedEnd);
}

function documentSpan(result: YamlLoadResult, doc: Document.Parsed): Span {
  return spanOfOffsets(result, doc.range[0], doc.range[1]);
}

/**
 * Helm writes `# Source: <chart>/templates/<file>` between `---` and the rendered object. The
 * comment is looked for from the end of the previous document, since the parser leaves comments
 * before a first document without `---` outside the document's range.
 */
function helmSourceOf(text: string, doc: Document.Parsed, previousEnd: number): string | undefined {
  const contentsStart = rangeOf(doc.contents)?.[0] ?? doc.range[1];
  const header = text.slice(Math.min(previousEnd, doc.range[0]), contentsStart);
  return HELM_SOURCE.exec(header)?.[1];
}

/** NUL and the C0 controls but tab, LF, FF, CR and ESC: characters that text files do not contain. */
const BINARY_CHARACTER = /[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]/;

/** Offset of the first binary character, or -1. */
function firstBinaryCharacter(text: string): number {
  return text.search(BINARY_CHARACTER);
}

function isLineBreakOrSpace(c: number): boolean {
  return c === 10 || c === 13 || c === 32 || c === 9;
}

function oneLine(message: string): string {
  return message.replace(/\s+/g, ' ').trim();
}

function hex4(c: number): string {
  return c.toString(16).toUpperCase().padStart(4, '0');
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}
