import type { Span } from '../../core/source.js';
import type { NginxParseError, NginxToken } from './ast.js';

/**
 * nginx's tokenizer (`ngx_conf_read_token` in src/core/ngx_conf_file.c), rewritten as a pull
 * lexer that never stops at an error: it records the error and carries on, so the parser can
 * report every problem of a file. Positions are tracked incrementally while scanning (one pass,
 * no regular expressions, linear in the input).
 */
export type NginxLexKind = 'word' | 'semicolon' | 'open' | 'close' | 'comment' | 'eof';

/** A materialised lexeme, as returned by {@link lexNginx}. */
export interface NginxLexeme extends Span {
  kind: NginxLexKind;
  /** Decoded value for words, the text after `#` for comments, the character otherwise. */
  value: string;
  raw: string;
  quote: '"' | "'" | null;
}

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const DOUBLE_QUOTE = 34;
const HASH = 35;
const DOLLAR = 36;
const SINGLE_QUOTE = 39;
const RIGHT_PAREN = 41;
const MINUS = 45;
const SEMICOLON = 59;
const EQUALS = 61;
const LEFT_BRACKET = 91;
const BACKSLASH = 92;
const RIGHT_BRACKET = 93;
const LEFT_BRACE = 123;
const RIGHT_BRACE = 125;

function isSpace(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR;
}

/** States of the Lua scanner used for `*_by_lua_block` bodies. */
const LUA_CODE = 0;
const LUA_SINGLE = 1;
const LUA_DOUBLE = 2;
const LUA_LINE_COMMENT = 3;
const LUA_LONG_STRING = 4;
const LUA_LONG_COMMENT = 5;

/** nginx reads a config through a 4 KB buffer (NGX_CONF_BUFFER): a token must fit in it. */
const NGX_CONF_BUFFER = 4096;
/** Below this many UTF-16 units a token is surely under 4096 UTF-8 bytes (3 bytes a unit at most). */
const SURELY_FITS = Math.ceil(NGX_CONF_BUFFER / 3);

export const LUA_EOF_MESSAGE = 'unexpected end of file, expecting terminating characters for lua code block';

export class NginxLexer {
  /** Errors found by the tokenizer itself (text glued after a closing quote). */
  readonly errors: NginxParseError[] = [];

  /** The current token, valid after {@link next} (or {@link readLuaBlock}). */
  kind: NginxLexKind = 'eof';
  start = 0;
  end = 0;
  line = 1;
  column = 1;
  endLine = 1;
  endColumn = 1;
  quote: '"' | "'" | null = null;

  /** Body of the last Lua block read by {@link readLuaBlock}. */
  luaStart = 0;
  luaEnd = 0;
  luaLine = 1;
  luaColumn = 1;
  luaEndLine = 1;
  luaEndColumn = 1;

  /** Where the current word's value lies (inside the quotes of a quoted word), and whether it holds a backslash. */
  valueStart = 0;
  valueEnd = 0;
  hasEscape = false;

  private pos = 0;
  private curLine = 1;
  private curLineStart = 0;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {}

  /** Advances to the next token and returns its kind. */
  next(): NginxLexKind {
    const text = this.text;
    const len = text.length;
    let i = this.pos;
    while (i < len) {
      const c = text.charCodeAt(i);
      if (c === SPACE || c === TAB) {
        i++;
      } else if (c === LF || c === CR) {
        this.newlineAt(i, c);
        i++;
      } else {
        break;
      }
    }
    this.beginToken(i);
    this.quote = null;
    this.hasEscape = false;
    if (i >= len) {
      this.kind = 'eof';
      this.finishToken(i);
      return this.kind;
    }
    const c = text.charCodeAt(i);
    if (c === SEMICOLON) {
      this.kind = 'semicolon';
      this.finishToken(i + 1);
    } else if (c === LEFT_BRACE) {
      this.kind = 'open';
      this.finishToken(i + 1);
    } else if (c === RIGHT_BRACE) {
      this.kind = 'close';
      this.finishToken(i + 1);
    } else if (c === HASH) {
      this.kind = 'comment';
      this.scanComment(i);
    } else if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      this.kind = 'word';
      this.scanQuoted(i, c);
    } else {
      this.kind = 'word';
      this.scanWord(i);
    }
    return this.kind;
  }

  /** The current word as an AST token. */
  token(): NginxToken {
    if (this.quote === null && !this.hasEscape) {
      // An unquoted word without escapes is its own value: one shared string for both.
      const word = this.text.slice(this.start, this.end);
      return this.makeToken(word, word);
    }
    const raw = this.text.slice(this.start, this.end);
    const value = this.hasEscape ? decodeNginxEscapes(this.text, this.valueStart, this.valueEnd) : this.text.slice(this.valueStart, this.valueEnd);
    return this.makeToken(value, raw);
  }

  private makeToken(value: string, raw: string): NginxToken {
    return {
      file: this.file,
      line: this.line,
      column: this.column,
      endLine: this.endLine,
      endColumn: this.endColumn,
      start: this.start,
      end: this.end,
      value,
      raw,
      quote: this.quote,
    };
  }

  /** The value of the current word or comment without building a token. */
  value(): string {
    return this.hasEscape ? decodeNginxEscapes(this.text, this.valueStart, this.valueEnd) : this.text.slice(this.valueStart, this.valueEnd);
  }

  span(): Span {
    return {
      file: this.file,
      line: this.line,
      column: this.column,
      endLine: this.endLine,
      endColumn: this.endColumn,
      start: this.start,
      end: this.end,
    };
  }

  /** A zero-width span at the current scan position (used for end-of-file errors). */
  hereSpan(): Span {
    const column = this.pos - this.curLineStart + 1;
    return { file: this.file, line: this.curLine, column, endLine: this.curLine, endColumn: column, start: this.pos, end: this.pos };
  }

  /**
   * Reads the body of a Lua block right after its `{` the way lua-nginx-module does: braces
   * inside Lua strings, long brackets and comments do not count. On success the current token
   * becomes the closing `}` and the body range is in `lua*`; at end of file it returns false.
   */
  readLuaBlock(): boolean {
    const text = this.text;
    const len = text.length;
    const bodyStart = this.pos;
    this.luaStart = bodyStart;
    this.luaLine = this.curLine;
    this.luaColumn = bodyStart - this.curLineStart + 1;
    let state = LUA_CODE;
    let level = 0;
    let depth = 1;
    let i = bodyStart;
    while (i < len) {
      const c = text.charCodeAt(i);
      if (c === LF || c === CR) {
        this.newlineAt(i, c);
        if (state === LUA_LINE_COMMENT && c === LF) state = LUA_CODE;
        i++;
        continue;
      }
      switch (state) {
        case LUA_CODE:
          if (c === LEFT_BRACE) {
            depth++;
          } else if (c === RIGHT_BRACE) {
            depth--;
            if (depth === 0) {
              this.luaEnd = i;
              this.luaEndLine = this.curLine;
              this.luaEndColumn = i - this.curLineStart + 1;
              this.beginToken(i);
              this.kind = 'close';
              this.quote = null;
              this.finishToken(i + 1);
              return true;
            }
          } else if (c === SINGLE_QUOTE) {
            state = LUA_SINGLE;
          } else if (c === DOUBLE_QUOTE) {
            state = LUA_DOUBLE;
          } else if (c === MINUS && text.charCodeAt(i + 1) === MINUS) {
            const opened = this.longBracketLevel(i + 2);
            if (opened >= 0) {
              state = LUA_LONG_COMMENT;
              level = opened;
              i += 2 + opened + 2;
              continue;
            }
            state = LUA_LINE_COMMENT;
            i += 2;
            continue;
          } else if (c === LEFT_BRACKET) {
            const opened = this.longBracketLevel(i);
            if (opened >= 0) {
              state = LUA_LONG_STRING;
              level = opened;
              i += opened + 2;
              continue;
            }
          }
          i++;
          break;
        case LUA_SINGLE:
        case LUA_DOUBLE:
          if (c === BACKSLASH) {
            const n = text.charCodeAt(i + 1);
            if (n === LF || n === CR) this.newlineAt(i + 1, n);
            i += 2;
            continue;
          }
          if ((state === LUA_SINGLE && c === SINGLE_QUOTE) || (state === LUA_DOUBLE && c === DOUBLE_QUOTE)) state = LUA_CODE;
          i++;
          break;
        case LUA_LINE_COMMENT:
          i++;
          break;
        default:
          // LUA_LONG_STRING / LUA_LONG_COMMENT: wait for `]`, `level` times `=`, `]`.
          if (c === RIGHT_BRACKET) {
            let j = i + 1;
            let equals = 0;
            while (equals < level && text.charCodeAt(j) === EQUALS) {
              equals++;
              j++;
            }
            if (equals === level && text.charCodeAt(j) === RIGHT_BRACKET) {
              state = LUA_CODE;
              i = j + 1;
              continue;
            }
          }
          i++;
      }
    }
    if (i > len) i = len;
    this.luaEnd = len;
    this.pos = len;
    this.luaEndLine = this.curLine;
    this.luaEndColumn = len - this.curLineStart + 1;
    return false;
  }

  /** Level of a Lua long bracket `[`, `=`…, `[` opening at `at`, or -1 when there is none. */
  private longBracketLevel(at: number): number {
    const text = this.text;
    if (text.charCodeAt(at) !== LEFT_BRACKET) return -1;
    let j = at + 1;
    while (text.charCodeAt(j) === EQUALS) j++;
    return text.charCodeAt(j) === LEFT_BRACKET ? j - at - 1 : -1;
  }

  private beginToken(at: number): void {
    this.start = at;
    this.line = this.curLine;
    this.column = at - this.curLineStart + 1;
  }

  private finishToken(end: number): void {
    this.end = end;
    this.pos = end;
    this.endLine = this.curLine;
    this.endColumn = end - this.curLineStart + 1;
  }

  /** Counts a line break at `i`; CR LF is one break (counted at the LF), a lone CR is one too. */
  private newlineAt(i: number, c: number): void {
    if (c === LF || this.text.charCodeAt(i + 1) !== LF) {
      this.curLine++;
      this.curLineStart = i + 1;
    }
  }

  private scanComment(at: number): void {
    const text = this.text;
    const len = text.length;
    let i = at + 1;
    // nginx ends a comment only at LF; a lone CR is a line break for positions but not for nginx.
    while (i < len) {
      const c = text.charCodeAt(i);
      if (c === LF) break;
      if (c === CR) {
        if (text.charCodeAt(i + 1) === LF) break;
        this.newlineAt(i, c);
      }
      i++;
    }
    this.valueStart = at + 1;
    this.valueEnd = i;
    this.finishToken(i);
    // The comment ends at the LF; a CR before it still fills nginx's buffer.
    if (i - at >= SURELY_FITS) this.checkFitsBuffer(at, text.charCodeAt(i) === CR ? i + 1 : i, i < len);
  }

  private scanQuoted(at: number, quoteChar: number): void {
    const text = this.text;
    const len = text.length;
    this.quote = quoteChar === DOUBLE_QUOTE ? '"' : "'";
    let i = at + 1;
    let closed = false;
    while (i < len) {
      const c = text.charCodeAt(i);
      if (c === BACKSLASH) {
        this.hasEscape = true;
        const n = text.charCodeAt(i + 1);
        if (n === LF || n === CR) this.newlineAt(i + 1, n);
        i += 2;
        continue;
      }
      if (c === quoteChar) {
        closed = true;
        break;
      }
      if (c === LF || c === CR) this.newlineAt(i, c);
      i++;
    }
    if (i > len) i = len;
    this.valueStart = at + 1;
    this.valueEnd = i;
    this.finishToken(closed ? i + 1 : i);
    if (i - at >= SURELY_FITS) this.checkQuotedFitsBuffer(at + 1, i, closed);
    if (!closed) return;
    // nginx's need_space: after a closing quote only a space, `;`, `{` or `)` may follow.
    const after = i + 1;
    if (after >= len) return;
    const n = text.charCodeAt(after);
    if (isSpace(n) || n === SEMICOLON || n === LEFT_BRACE || n === RIGHT_PAREN) return;
    const ch = String.fromCodePoint(text.codePointAt(after) ?? n);
    const column = after - this.curLineStart + 1;
    this.errors.push({
      file: this.file,
      line: this.curLine,
      column,
      endLine: this.curLine,
      endColumn: column + ch.length,
      start: after,
      end: after + ch.length,
      code: 'syntax',
      message: `unexpected "${ch}"`,
    });
  }

  private scanWord(at: number): void {
    const text = this.text;
    const len = text.length;
    let i = at;
    let variable = false;
    while (i < len) {
      const c = text.charCodeAt(i);
      if (c === LEFT_BRACE) {
        // `${name}`: a `{` right after `$` belongs to the word (nginx keeps `variable` set).
        if (variable) {
          i++;
          continue;
        }
        break;
      }
      variable = false;
      if (c === BACKSLASH) {
        this.hasEscape = true;
        const n = text.charCodeAt(i + 1);
        if (n === LF || n === CR) this.newlineAt(i + 1, n);
        i += 2;
        continue;
      }
      if (c === DOLLAR) {
        variable = true;
        i++;
        continue;
      }
      if (c === SPACE || c === TAB || c === LF || c === CR || c === SEMICOLON) break;
      i++;
    }
    if (i > len) i = len;
    this.valueStart = at;
    this.valueEnd = i;
    this.finishToken(i);
    if (i - at >= SURELY_FITS) this.checkFitsBuffer(at, i, i < len);
  }

  /** UTF-8 length of `text[from, to)`, counted no further than `cap`. */
  private utf8Length(from: number, to: number, cap: number): number {
    const text = this.text;
    let bytes = 0;
    for (let i = from; i < to && bytes < cap; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) bytes += 1;
      else if (c < 0x800) bytes += 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
        bytes += 4;
        i++;
      } else bytes += 3;
    }
    return bytes;
  }

  /**
   * nginx fails on a token that does not fit its buffer: the character ending the token must
   * come within 4096 bytes of its start. At the end of the file a token of exactly 4096 bytes
   * gets the end-of-file error instead.
   */
  private checkFitsBuffer(from: number, to: number, terminated: boolean): void {
    const bytes = this.utf8Length(from, to, NGX_CONF_BUFFER + 1);
    if (bytes >= NGX_CONF_BUFFER && (terminated || bytes > NGX_CONF_BUFFER)) this.tooLong(`too long parameter "${this.head(from)}..." started`);
  }

  /** The same for a quoted word, whose buffer starts after the opening quote and must also hold the next character. */
  private checkQuotedFitsBuffer(from: number, closeAt: number, closed: boolean): void {
    const bytes = this.utf8Length(from, closeAt, NGX_CONF_BUFFER + 1);
    if (bytes >= NGX_CONF_BUFFER && (closed || bytes > NGX_CONF_BUFFER)) {
      this.tooLong(`too long parameter, probably missing terminating "${this.quote}" character`);
    } else if (closed && bytes === NGX_CONF_BUFFER - 1 && closeAt + 1 < this.text.length) {
      this.tooLong(`too long parameter "${this.head(from)}..." started`);
    }
  }

  /** The first 10 bytes of a token, as nginx quotes them. */
  private head(from: number): string {
    let end = from;
    while (end < this.text.length && this.utf8Length(from, end + 1, 11) <= 10) end++;
    return this.text.slice(from, end);
  }

  private tooLong(message: string): void {
    this.errors.push({ ...this.span(), code: 'limit', message });
  }
}

/** nginx's escape decoding of `text[from, to)`: `\"`, `\'`, `\\` lose the backslash; `\t`, `\r`, `\n` become controls. */
export function decodeNginxEscapes(text: string, from: number, to: number): string {
  let out = '';
  let last = from;
  for (let i = from; i < to - 1; i++) {
    if (text.charCodeAt(i) !== BACKSLASH) continue;
    const n = text.charCodeAt(i + 1);
    if (n === DOUBLE_QUOTE || n === SINGLE_QUOTE || n === BACKSLASH) {
      out += text.slice(last, i);
      last = i + 1;
      i++;
    } else if (n === 116 /* t */ || n === 114 /* r */ || n === 110 /* n */) {
      out += text.slice(last, i) + (n === 116 ? '\t' : n === 114 ? '\r' : '\n');
      last = i + 2;
      i++;
    } else {
      i++;
    }
  }
  return out + text.slice(last, to);
}

/** Tokenizes a whole text (comments included); handy for tools and tests. */
export function lexNginx(file: string, text: string): { tokens: NginxLexeme[]; errors: NginxParseError[] } {
  const lexer = new NginxLexer(file, text);
  const tokens: NginxLexeme[] = [];
  for (;;) {
    const kind = lexer.next();
    const span = lexer.span();
    tokens.push({ ...span, kind, value: kind === 'word' || kind === 'comment' ? lexer.value() : text.slice(lexer.start, lexer.end), raw: text.slice(lexer.start, lexer.end), quote: lexer.quote });
    if (kind === 'eof') break;
  }
  return { tokens, errors: lexer.errors };
}
