import type { Span } from '../../core/source.js';
import type { NginxToken } from './ast.js';
import { decodeNginxEscapes } from './lexer.js';

/** Fields of one entry, in order. */
const START = 0;
const END = 1;
const LINE = 2;
const COLUMN = 3;
const END_LINE = 4;
const END_COLUMN = 5;
/** Where the decoded value ends: before a closing quote, else at END. */
const VALUE_END = 6;
const FLAGS = 7;
const STRIDE = 8;

const DOUBLE_QUOTED = 1;
const SINGLE_QUOTED = 2;
const QUOTE_MASK = 3;
const ESCAPED = 4;

/** Names longer than this are not shared: they are rarely repeated. */
const MAX_INTERNED_LENGTH = 64;
/** Slots of the name cache, minus one (a power of two minus one). */
const NAME_SLOTS_MASK = 511;

/**
 * The positions of every word (and of the `;`, `{`, `}` and other marks a directive keeps) of
 * one file, packed in a typed array. Parsing a large config would otherwise allocate a token
 * object and a span object per word up front; here they cost eight integers outside the
 * garbage-collected heap, and become objects only when a consumer reads them.
 */
export class NginxTokenTable {
  private data: Int32Array;
  private count = 0;
  /** Recently read names by slot (see {@link name}). */
  private readonly names: (string | undefined)[] = new Array<string | undefined>(NAME_SLOTS_MASK + 1).fill(undefined);

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    // About one word per 16 characters in typical configs; grown by doubling when short.
    this.data = new Int32Array(Math.max(64, (text.length >> 4) * STRIDE));
  }

  /** Appends an entry and returns its index. */
  add(start: number, end: number, line: number, column: number, endLine: number, endColumn: number, valueEnd: number, flags: number): number {
    let data = this.data;
    const at = this.count * STRIDE;
    if (at + STRIDE > data.length) {
      const grown = new Int32Array(data.length * 2);
      grown.set(data);
      this.data = data = grown;
    }
    data[at + START] = start;
    data[at + END] = end;
    data[at + LINE] = line;
    data[at + COLUMN] = column;
    data[at + END_LINE] = endLine;
    data[at + END_COLUMN] = endColumn;
    data[at + VALUE_END] = valueEnd;
    data[at + FLAGS] = flags;
    return this.count++;
  }

  /** Entries added so far; the next entry gets this index. */
  get size(): number {
    return this.count;
  }

  start(index: number): number {
    return this.data[index * STRIDE + START]!;
  }

  end(index: number): number {
    return this.data[index * STRIDE + END]!;
  }

  line(index: number): number {
    return this.data[index * STRIDE + LINE]!;
  }

  /** The source text of entry `index`, quotes and backslashes included. */
  raw(index: number): string {
    const at = index * STRIDE;
    return this.text.slice(this.data[at + START]!, this.data[at + END]!);
  }

  /** The quote around word `index`, if any. */
  quote(index: number): '"' | "'" | null {
    const quoted = this.data[index * STRIDE + FLAGS]! & QUOTE_MASK;
    return quoted === 0 ? null : quoted === DOUBLE_QUOTED ? '"' : "'";
  }

  /** The span of entry `index`. */
  span(index: number): Span {
    const data = this.data;
    const at = index * STRIDE;
    return {
      file: this.file,
      line: data[at + LINE]!,
      column: data[at + COLUMN]!,
      endLine: data[at + END_LINE]!,
      endColumn: data[at + END_COLUMN]!,
      start: data[at + START]!,
      end: data[at + END]!,
    };
  }

  /** From the start of entry `first` to the end of entry `last`. */
  spanBetween(first: number, last: number): Span {
    const data = this.data;
    const from = first * STRIDE;
    const to = last * STRIDE;
    return {
      file: this.file,
      line: data[from + LINE]!,
      column: data[from + COLUMN]!,
      endLine: data[to + END_LINE]!,
      endColumn: data[to + END_COLUMN]!,
      start: data[from + START]!,
      end: data[to + END]!,
    };
  }

  /** The decoded value of word `index`. */
  value(index: number): string {
    const data = this.data;
    const at = index * STRIDE;
    const flags = data[at + FLAGS]!;
    const valueStart = data[at + START]! + ((flags & QUOTE_MASK) === 0 ? 0 : 1);
    const valueEnd = data[at + VALUE_END]!;
    return (flags & ESCAPED) === 0 ? this.text.slice(valueStart, valueEnd) : decodeNginxEscapes(this.text, valueStart, valueEnd);
  }

  /**
   * The value of word `index`; a plain word gets the string of the last equal name with the
   * same slot in a small cache, so the many directives of one name share one string and
   * reading it allocates nothing.
   */
  name(index: number): string {
    const data = this.data;
    const at = index * STRIDE;
    const start = data[at + START]!;
    const length = data[at + END]! - start;
    if (data[at + FLAGS]! !== 0 || length === 0 || length > MAX_INTERNED_LENGTH) return this.value(index);
    const text = this.text;
    const slot = (length * 31 + text.charCodeAt(start) * 7 + text.charCodeAt(start + length - 1) * 3 + text.charCodeAt(start + (length >> 1))) & NAME_SLOTS_MASK;
    const cached = this.names[slot];
    if (cached !== undefined && cached.length === length && text.startsWith(cached, start)) return cached;
    const name = text.slice(start, start + length);
    this.names[slot] = name;
    return name;
  }

  /** Word `index` as an AST token. */
  token(index: number): NginxToken {
    const data = this.data;
    const at = index * STRIDE;
    const flags = data[at + FLAGS]!;
    const start = data[at + START]!;
    const end = data[at + END]!;
    const raw = this.text.slice(start, end);
    // An unquoted word without escapes is its own value: one shared string for both.
    const value = flags === 0 ? raw : this.value(index);
    return {
      file: this.file,
      line: data[at + LINE]!,
      column: data[at + COLUMN]!,
      endLine: data[at + END_LINE]!,
      endColumn: data[at + END_COLUMN]!,
      start,
      end,
      value,
      raw,
      quote: this.quote(index),
    };
  }
}

/** The flags of a word entry. */
export function wordFlags(quote: '"' | "'" | null, escaped: boolean): number {
  return (quote === null ? 0 : quote === '"' ? DOUBLE_QUOTED : SINGLE_QUOTED) | (escaped ? ESCAPED : 0);
}
