import type { Span } from '../../core/source.js';

/** One word of nginx syntax as nginx's tokenizer sees it. */
export interface NginxToken extends Span {
  /** The value after nginx's escape decoding (`\"`, `\'`, `\\`, `\t`, `\r`, `\n`), quotes removed. */
  value: string;
  /** The exact source text, quotes and backslashes included. */
  raw: string;
  quote: '"' | "'" | null;
}

export interface NginxComment {
  type: 'comment';
  /** Text after the `#`, as written. */
  text: string;
  /** True when the comment follows a statement on the same line. */
  trailing: boolean;
  span: Span;
}

export interface NginxDirective {
  type: 'directive';
  name: string;
  nameToken: NginxToken;
  args: NginxToken[];
  /** Children for a block directive (`name args { … }`), null for a simple one (`name args;`). */
  block: NginxStatement[] | null;
  /** From the first character of the name to the end of the `;` or the closing `}`. */
  span: Span;
  /** The `{` of a block directive. */
  blockOpen?: Span;
  /** The `}` of a block directive; absent when the file ended first. */
  blockClose?: Span;
  /** The `;` of a simple directive; absent when it was missing. */
  terminator?: Span;
  /** Raw Lua source between the braces of a `*_by_lua_block`; `block` is then empty. */
  lua?: { code: string; span: Span };
  /** For `include`: the files it resolved to, in nginx's order (glob results sorted). */
  includes?: string[];
}

export type NginxStatement = NginxDirective | NginxComment;

export type NginxErrorCode =
  | 'syntax' // tokenizer/grammar: unexpected "}", unexpected end of file, missing ";"
  | 'context' // "x" directive is not allowed here
  | 'arguments' // invalid number of arguments
  | 'value' // invalid value, e.g. a flag that is not on/off
  | 'include' // missing or unreadable include, include cycle
  | 'limit' // size, depth or count limits
  | 'unknown-directive'; // unknown directive "x" (rule nginx/unknown-directive, not syntax)

export interface NginxParseError extends Span {
  code: NginxErrorCode;
  /** Worded like nginx's own message, without the ` in FILE:LINE` suffix. */
  message: string;
  /**
   * The line nginx itself would print when it differs from `line`: nginx reports a directive's
   * problems on the line of its terminating `;` or `{`, which for a multi-line directive is not
   * the line of its name.
   */
  reportedLine?: number;
}

export interface NginxFile {
  file: string;
  text: string;
  statements: NginxStatement[];
  errors: NginxParseError[];
}

/**
 * A root config with every file its `include`s reach. A file included from several places is
 * parsed once (`files`) but checked in each context it is included from.
 */
export interface NginxConfig {
  root: string;
  /** Every parsed file, the root first, then in the order nginx reads them. */
  files: Map<string, NginxFile>;
  /**
   * Every problem in the tree, in source order per file: parse errors of each file plus the
   * include, context, argument and value checks and unknown directives. nginx itself stops at
   * the first of these; hoplint reports them all.
   */
  errors: NginxParseError[];
  /** The context the root file was read in, e.g. `['http', 'server']` for a snippet; empty for a full config. */
  context?: string[];
}
