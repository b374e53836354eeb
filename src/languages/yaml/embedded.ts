import { Scalar } from 'yaml';
import type { Span } from '../../core/source.js';
import { loadYaml, spanOfNode } from './loader.js';
import type { YamlLoadOptions, YamlLoadResult } from './loader.js';

/**
 * The text of a string scalar that holds a file of its own (a ConfigMap's `config.conf`,
 * flannel's `net-conf.json`), ready for another parser.
 *
 * When `exact`, `text` has the same length and line structure as the outer file: every
 * character outside the scalar's content is blanked to a space (line breaks kept), so an offset,
 * line or column found in `text` IS the position in the outer file. For a block literal
 * (`|`, `|-`, `|+`) the content keeps its indentation, which YAML and JSON both accept. Scalars
 * whose source differs from their value (folded `>`, escapes, multi-line quoted) cannot be
 * mapped exactly: `text` is then the value itself and positions should be reported at
 * `scalarSpan`.
 */
export interface EmbeddedText {
  text: string;
  exact: boolean;
  /** The whole scalar in the outer file: where to point when a position cannot be mapped. */
  scalarSpan: Span;
}

export interface EmbeddedYaml {
  /** Parse of the embedded text. When `exact`, its spans are positions in the outer file. */
  load: YamlLoadResult;
  exact: boolean;
  scalarSpan: Span;
  /** A span of `load` as a position in the outer file (identity when exact). */
  toOuter(span: Span | undefined): Span;
}

export function embeddedText(outer: YamlLoadResult, scalar: Scalar): EmbeddedText {
  const scalarSpan = spanOfNode(outer, scalar) ?? outer.lineIndex.span(outer.file, 0, 0);
  const value = typeof scalar.value === 'string' ? scalar.value : String(scalar.value ?? '');
  const content = contentRange(outer.text, scalar);
  if (content && sameText(stripIndent(outer.text.slice(content.start, content.end), content.indent), value)) {
    return { text: maskOutside(outer.text, content.start, content.end), exact: true, scalarSpan };
  }
  return { text: value, exact: false, scalarSpan };
}

/** Parses a YAML file embedded in a scalar; issues are reported at positions of the outer file. */
export function loadEmbeddedYaml(outer: YamlLoadResult, scalar: Scalar, options?: YamlLoadOptions): EmbeddedYaml {
  const embedded = embeddedText(outer, scalar);
  const load = loadYaml(outer.file, embedded.text, options);
  const toOuter = (span: Span | undefined): Span => (embedded.exact && span ? span : embedded.scalarSpan);
  if (embedded.exact) {
    // Same offsets and line breaks as the outer file, so the outer text serves code frames.
    load.text = outer.text;
    load.lineIndex = outer.lineIndex;
  } else {
    load.issues = load.issues.map((issue) => ({ ...toOuter(issue), message: issue.message }));
  }
  return { load, exact: embedded.exact, scalarSpan: embedded.scalarSpan, toOuter };
}

interface ContentRange {
  start: number;
  end: number;
  /** Columns of indentation that belong to the outer file, not to the content. */
  indent: number;
}

function contentRange(text: string, scalar: Scalar): ContentRange | undefined {
  const range = scalar.range;
  if (!range) return undefined;
  const [start, valueEnd] = range;
  switch (scalar.type) {
    case Scalar.PLAIN:
      return { start, end: valueEnd, indent: 0 };
    case Scalar.QUOTE_DOUBLE:
    case Scalar.QUOTE_SINGLE:
      return valueEnd - start >= 2 ? { start: start + 1, end: valueEnd - 1, indent: 0 } : undefined;
    case Scalar.BLOCK_LITERAL: {
      const headerEnd = text.indexOf('\n', start);
      if (headerEnd < 0 || headerEnd >= valueEnd) return { start: valueEnd, end: valueEnd, indent: 0 };
      const bodyStart = headerEnd + 1;
      return { start: bodyStart, end: valueEnd, indent: blockIndent(text.slice(bodyStart, valueEnd)) };
    }
    default:
      return undefined;
  }
}

/** Columns before a block scalar's content (its least indented non-blank line); 0 for other styles. */
export function blockScalarIndent(text: string, scalar: Scalar): number {
  if ((scalar.type !== Scalar.BLOCK_LITERAL && scalar.type !== Scalar.BLOCK_FOLDED) || !scalar.range) return 0;
  const [start, end] = scalar.range;
  const headerEnd = text.indexOf('\n', start);
  if (headerEnd < 0 || headerEnd >= end) return 0;
  return blockIndent(text.slice(headerEnd + 1, end));
}

/** Indentation of a block scalar's body: that of its least indented non-blank line. */
function blockIndent(body: string): number {
  let indent = Number.POSITIVE_INFINITY;
  for (const line of body.split(/\r?\n|\r/)) {
    if (line.trim() === '') continue;
    indent = Math.min(indent, line.length - line.trimStart().length);
  }
  return Number.isFinite(indent) ? indent : 0;
}

function stripIndent(body: string, indent: number): string {
  if (indent === 0) return body;
  return body
    .split(/\r?\n|\r/)
    .map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length)))
    .join('\n');
}

/** Compares source and value ignoring line-break style and trailing breaks (chomping). */
function sameText(source: string, value: string): boolean {
  const normalise = (s: string): string => s.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
  return normalise(source) === normalise(value);
}

function maskOutside(text: string, start: number, end: number): string {
  const blank = (s: string): string => s.replace(/[^\r\n]/g, ' ');
  return blank(text.slice(0, start)) + text.slice(start, end) + blank(text.slice(end));
}
