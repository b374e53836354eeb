import { Scalar } from 'yaml';
import { loadYaml, spanOfNode, type YamlLoadOptions, type YamlLoadResult } from './loader.js';
import { constantLocator, embeddedLocator, type Locator } from './locator.js';

/**
 * A locator for the *value* of a YAML scalar (JSON in a ConfigMap's `net-conf.json: |`, YAML in
 * a HelmChartConfig's `valuesContent: |-` or a kube-proxy ConfigMap's `config.conf: |`): inner
 * offsets map back to the outer file, character by character. Block scalars strip each line's
 * indentation (column = indentation + inner column); quoted scalars undo escapes (`\"` is one
 * inner character over two outer ones); line folding maps a folded space to the line break it
 * replaced.
 */
export function scalarValueLocator(outer: Locator, text: string, scalar: Scalar): Locator | undefined {
  if (!scalar.range || typeof scalar.value !== 'string') return undefined;
  const value = scalar.value;
  const [start, end] = scalar.range;
  const map =
    scalar.type === Scalar.BLOCK_LITERAL || scalar.type === Scalar.BLOCK_FOLDED
      ? mapBlockScalar(text, start, end, value, scalar.type === Scalar.BLOCK_FOLDED)
      : mapFlowScalar(text, start, end, value, scalar.type ?? Scalar.PLAIN);
  return embeddedLocator(outer, map.start, map.end, map.contentStart);
}

interface CharMap {
  start: Int32Array;
  end: Int32Array;
  contentStart: number;
}

function mapBlockScalar(text: string, headerStart: number, end: number, value: string, folded: boolean): CharMap {
  const headerEnd = lineEnd(text, headerStart);
  const contentStart = Math.min(nextLineStart(text, headerEnd), end);
  const indent = blockIndent(text, headerStart, headerEnd, contentStart, end);
  const map: CharMap = { start: new Int32Array(value.length), end: new Int32Array(value.length), contentStart };
  let s = contentStart;
  let atLineStart = true;
  for (let i = 0; i < value.length; i++) {
    if (atLineStart) {
      for (let k = 0; k < indent && s < end && text[s] === ' '; k++) s++;
      atLineStart = false;
    }
    const c = value[i]!;
    if ((c === '\n' || (folded && c === ' ')) && isBreak(text, s)) {
      map.start[i] = s;
      s = afterBreak(text, s);
      map.end[i] = s;
      atLineStart = true;
      continue;
    }
    while (s < end && text[s] !== c) {
      if (isBreak(text, s)) {
        s = afterBreak(text, s);
        for (let k = 0; k < indent && s < end && text[s] === ' '; k++) s++;
      } else s++;
    }
    map.start[i] = Math.min(s, end);
    s = Math.min(s + 1, end);
    map.end[i] = s;
  }
  return map;
}

function mapFlowScalar(text: string, start: number, end: number, value: string, type: Scalar.Type): CharMap {
  const quoted = type === Scalar.QUOTE_DOUBLE || type === Scalar.QUOTE_SINGLE;
  const contentStart = quoted ? start + 1 : start;
  const contentEnd = quoted ? Math.max(contentStart, end - 1) : end;
  const map: CharMap = { start: new Int32Array(value.length), end: new Int32Array(value.length), contentStart };
  let s = contentStart;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (type === Scalar.QUOTE_DOUBLE && text[s] === '\\') {
      if (isBreak(text, s + 1)) {
        s = skipBlanks(text, afterBreak(text, s + 1), contentEnd);
        i--;
        continue;
      }
      const width = escapeWidth(text[s + 1]);
      map.start[i] = s;
      map.end[i] = Math.min(s + width, contentEnd);
      s = map.end[i]!;
      if (width === 10 && i + 1 < value.length && isLowSurrogate(value.charCodeAt(i + 1))) {
        map.start[i + 1] = map.start[i]!;
        map.end[i + 1] = map.end[i]!;
        i++;
      }
      continue;
    }
    if (type === Scalar.QUOTE_SINGLE && c === "'" && text[s] === "'" && text[s + 1] === "'") {
      map.start[i] = s;
      map.end[i] = s + 2;
      s += 2;
      continue;
    }
    if ((c === ' ' || c === '\n') && isBreak(text, s)) {
      map.start[i] = s;
      map.end[i] = afterBreak(text, s);
      s = skipBlanks(text, map.end[i]!, contentEnd);
      continue;
    }
    while (s < contentEnd && text[s] !== c) s++;
    map.start[i] = Math.min(s, contentEnd);
    s = Math.min(s + 1, contentEnd);
    map.end[i] = s;
  }
  return map;
}

/**
 * Content indentation of a block scalar: an explicit indicator counts from the header line's
 * indentation; otherwise it is the first non-empty line's, as the YAML spec auto-detects it.
 */
function blockIndent(text: string, headerStart: number, headerEnd: number, contentStart: number, end: number): number {
  const digit = /^[|>][+-]?([1-9]?)/.exec(text.slice(headerStart, headerEnd))?.[1];
  if (digit) {
    const lineStart = text.lastIndexOf('\n', headerStart - 1) + 1;
    let indent = 0;
    while (text[lineStart + indent] === ' ') indent++;
    return indent + Number(digit);
  }
  let s = contentStart;
  while (s < end) {
    let indent = 0;
    while (text[s + indent] === ' ') indent++;
    if (!isBreak(text, s + indent)) return indent;
    s = afterBreak(text, s + indent);
  }
  return 0;
}

function escapeWidth(next: string | undefined): number {
  if (next === 'x') return 4;
  if (next === 'u') return 6;
  if (next === 'U') return 10;
  return 2;
}

function isBreak(text: string, at: number): boolean {
  return text[at] === '\n' || text[at] === '\r';
}

function afterBreak(text: string, at: number): number {
  if (text[at] === '\r' && text[at + 1] === '\n') return at + 2;
  return at + 1;
}

function skipBlanks(text: string, from: number, end: number): number {
  let s = from;
  while (s < end && (text[s] === ' ' || text[s] === '\t')) s++;
  return s;
}

function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline < 0 ? text.length : newline;
}

function nextLineStart(text: string, lineEndOffset: number): number {
  return lineEndOffset < text.length ? lineEndOffset + 1 : text.length;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Parse of a file embedded in a string scalar; its spans, issues included, are positions in the outer file. */
export interface EmbeddedYaml {
  load: YamlLoadResult;
  /** False only when the scalar has no source range: then every position is the scalar's own span. */
  exact: boolean;
}

/** Parses the YAML (or JSON) a string scalar holds, positioned in the file the scalar is written in. */
export function loadEmbeddedYaml(outer: YamlLoadResult, scalar: Scalar, options?: YamlLoadOptions): EmbeddedYaml {
  const text = typeof scalar.value === 'string' ? scalar.value : String(scalar.value ?? '');
  const mapped = scalarValueLocator(outer.locator, outer.text, scalar);
  const locator = mapped ?? constantLocator(spanOfNode(outer, scalar) ?? outer.locator.span(0, 0));
  return { load: loadYaml(outer.file, text, options, { locator, lineIndex: outer.lineIndex }), exact: mapped !== undefined };
}

/** Columns before a block scalar's content (its least indented non-blank line); 0 for other styles. */
export function blockScalarIndent(text: string, scalar: Scalar): number {
  if ((scalar.type !== Scalar.BLOCK_LITERAL && scalar.type !== Scalar.BLOCK_FOLDED) || !scalar.range) return 0;
  const [start, end] = scalar.range;
  const headerEnd = text.indexOf('\n', start);
  if (headerEnd < 0 || headerEnd >= end) return 0;
  let indent = Number.POSITIVE_INFINITY;
  for (const line of text.slice(headerEnd + 1, end).split(/\r?\n|\r/)) {
    if (line.trim() === '') continue;
    indent = Math.min(indent, line.length - line.trimStart().length);
  }
  return Number.isFinite(indent) ? indent : 0;
}
