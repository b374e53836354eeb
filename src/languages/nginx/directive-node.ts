import type { Span } from '../../core/source.js';
import type { NginxDirective, NginxStatement, NginxToken } from './ast.js';
import type { NginxTokenTable } from './token-table.js';

/**
 * A parsed directive whose tokens and spans stay in the file's {@link NginxTokenTable} until
 * they are read. It is an {@link NginxDirective} like any other: `nameToken`, `args`, `span`,
 * `terminator`, `blockOpen` and `blockClose` are accessors that build their objects on first
 * read and then return the same object every time (assigning one replaces it). The positions
 * live in private fields, so they are invisible to `Object.keys`, spreads, `JSON.stringify` and
 * deep equality: two directives of one name and block compare equal whatever their arguments,
 * so compare `args`, `nameToken` or `span` themselves.
 */
export class ParsedDirective implements NginxDirective {
  type = 'directive' as const;
  name: string;
  block: NginxStatement[] | null = null;
  declare lua?: { code: string; span: Span };
  declare includes?: string[];

  readonly #table: NginxTokenTable;
  /** Entry of the name; the arguments are the entries right after it. */
  readonly #first: number;
  readonly #argCount: number;
  /** Entries of the `;`, `{`, `}` and of whatever ends the span; -1 when absent. */
  #terminatorAt = -1;
  #openAt = -1;
  #closeAt = -1;
  #lastAt: number;

  /** Built objects; null until first read. */
  #nameToken: NginxToken | null = null;
  #args: NginxToken[] | null = null;
  #span: Span | null = null;
  #terminator: Span | undefined | null = null;
  #blockOpen: Span | undefined | null = null;
  #blockClose: Span | undefined | null = null;

  constructor(table: NginxTokenTable, first: number, argCount: number) {
    this.#table = table;
    this.#first = first;
    this.#argCount = argCount;
    this.#lastAt = first + argCount;
    this.name = table.name(first);
  }

  /** A simple directive ended by the `;` at `entry`. */
  terminateAt(entry: number): void {
    this.#terminatorAt = entry;
    this.#lastAt = entry;
  }

  /** A block directive opened by the `{` at `entry`; its span grows when the block ends. */
  openBlockAt(entry: number): void {
    this.block = [];
    this.#openAt = entry;
    this.#lastAt = entry;
  }

  /** The block closed by the `}` at `entry`. */
  closeBlockAt(entry: number): void {
    this.#closeAt = entry;
    this.#lastAt = entry;
  }

  /** The span ends where `entry` ends (end of file, end of a Lua body). */
  endAt(entry: number): void {
    this.#lastAt = entry;
  }

  /** The line of the name, without building its token. */
  get nameLine(): number {
    return this.#nameToken === null ? this.#table.line(this.#first) : this.#nameToken.line;
  }

  /** The file of the name, without building its token. */
  get nameFile(): string {
    return this.#nameToken === null ? this.#table.file : this.#nameToken.file;
  }

  /** The offset of the name, without building its token. */
  get nameStart(): number {
    return this.#nameToken === null ? this.#table.start(this.#first) : this.#nameToken.start;
  }

  /** The offset where the span ends, without building it. */
  get spanEnd(): number {
    return this.#span === null ? this.#table.end(this.#lastAt) : this.#span.end;
  }

  /** The number of arguments, without building their tokens. */
  get argCount(): number {
    return this.#args === null ? this.#argCount : this.#args.length;
  }

  /** The decoded value of argument `index` (which must exist), without building its token. */
  argValue(index: number): string {
    return this.#args === null ? this.#table.value(this.#first + 1 + index) : this.#args[index]!.value;
  }

  /** The source text of argument `index` (which must exist), without building its token. */
  argRaw(index: number): string {
    return this.#args === null ? this.#table.raw(this.#first + 1 + index) : this.#args[index]!.raw;
  }

  /** The quote of argument `index` (which must exist), without building its token. */
  argQuote(index: number): '"' | "'" | null {
    return this.#args === null ? this.#table.quote(this.#first + 1 + index) : this.#args[index]!.quote;
  }

  /** Whether a `;` ends the directive, without building its span. */
  get terminated(): boolean {
    return this.#terminator === null ? this.#terminatorAt >= 0 : this.#terminator !== undefined;
  }

  get nameToken(): NginxToken {
    return (this.#nameToken ??= this.#table.token(this.#first));
  }

  set nameToken(token: NginxToken) {
    this.#nameToken = token;
  }

  get args(): NginxToken[] {
    if (this.#args === null) {
      const args = new Array<NginxToken>(this.#argCount);
      for (let i = 0; i < this.#argCount; i++) args[i] = this.#table.token(this.#first + 1 + i);
      this.#args = args;
    }
    return this.#args;
  }

  set args(args: NginxToken[]) {
    this.#args = args;
  }

  get span(): Span {
    return (this.#span ??= this.#table.spanBetween(this.#first, this.#lastAt));
  }

  set span(span: Span) {
    this.#span = span;
  }

  get terminator(): Span | undefined {
    if (this.#terminator === null) this.#terminator = this.#terminatorAt < 0 ? undefined : this.#table.span(this.#terminatorAt);
    return this.#terminator;
  }

  set terminator(span: Span | undefined) {
    this.#terminator = span;
  }

  get blockOpen(): Span | undefined {
    if (this.#blockOpen === null) this.#blockOpen = this.#openAt < 0 ? undefined : this.#table.span(this.#openAt);
    return this.#blockOpen;
  }

  set blockOpen(span: Span | undefined) {
    this.#blockOpen = span;
  }

  get blockClose(): Span | undefined {
    if (this.#blockClose === null) this.#blockClose = this.#closeAt < 0 ? undefined : this.#table.span(this.#closeAt);
    return this.#blockClose;
  }

  set blockClose(span: Span | undefined) {
    this.#blockClose = span;
  }
}

/*
 * Reads that the analyzer and the crossplane printer make for every directive of a config.
 * They go to the token table for directives from the parser, and to the ordinary fields for a
 * directive built any other way.
 */

export function argCountOf(directive: NginxDirective): number {
  return directive instanceof ParsedDirective ? directive.argCount : directive.args.length;
}

export function argValueOf(directive: NginxDirective, index: number): string {
  return directive instanceof ParsedDirective ? directive.argValue(index) : directive.args[index]!.value;
}

export function argRawOf(directive: NginxDirective, index: number): string {
  return directive instanceof ParsedDirective ? directive.argRaw(index) : directive.args[index]!.raw;
}

export function argQuoteOf(directive: NginxDirective, index: number): '"' | "'" | null {
  return directive instanceof ParsedDirective ? directive.argQuote(index) : directive.args[index]!.quote;
}

export function nameLineOf(directive: NginxDirective): number {
  return directive instanceof ParsedDirective ? directive.nameLine : directive.nameToken.line;
}

export function nameFileOf(directive: NginxDirective): string {
  return directive instanceof ParsedDirective ? directive.nameFile : directive.nameToken.file;
}

export function nameStartOf(directive: NginxDirective): number {
  return directive instanceof ParsedDirective ? directive.nameStart : directive.nameToken.start;
}

export function spanEndOf(directive: NginxDirective): number {
  return directive instanceof ParsedDirective ? directive.spanEnd : directive.span.end;
}

/** Whether a `;` ends the directive (its `terminator` is set). */
export function isTerminated(directive: NginxDirective): boolean {
  return directive instanceof ParsedDirective ? directive.terminated : directive.terminator !== undefined;
}
