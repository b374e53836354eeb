import type { Span } from '../../core/source.js';
import type { NginxComment, NginxErrorCode, NginxFile, NginxParseError, NginxStatement } from './ast.js';
import { ParsedDirective } from './directive-node.js';
import { DirectiveTable } from './directives/index.js';
import { LUA_EOF_MESSAGE, NginxLexer } from './lexer.js';
import { setReportedLine } from './nginx-lines.js';
import { NginxTokenTable, wordFlags } from './token-table.js';

export interface ParseNginxOptions {
  /** Deepest block nesting accepted before a `limit` error (default 1000). */
  maxDepth?: number;
  /** Whether a block directive's body is raw Lua (default: `*_by_lua_block` or `rawBlock` in the table). */
  isRawBlock?: (name: string) => boolean;
}

export const DEFAULT_MAX_DEPTH = 1000;

/** Raw bodies are a built-in property: a directive declared in a config never has one. */
export function isRawBlockDirective(name: string): boolean {
  if (name.endsWith('_by_lua_block')) return true;
  return DirectiveTable.builtin.lookup(name).some((spec) => spec.rawBlock === true);
}

/** A parse error at `span`, built with one fixed shape (a spread would make one shape per call site). */
function errorAt(span: Span, code: NginxErrorCode, message: string): NginxParseError {
  return {
    file: span.file,
    line: span.line,
    column: span.column,
    endLine: span.endLine,
    endColumn: span.endColumn,
    start: span.start,
    end: span.end,
    code,
    message,
  };
}

/**
 * Parses one nginx/Tengine config text into statements. Never throws: every grammar problem
 * becomes a positioned `syntax` error worded like nginx's, and parsing goes on so that one pass
 * reports them all. Nesting is tracked on an explicit stack, never by recursion.
 */
export function parseNginxText(file: string, text: string, options: ParseNginxOptions = {}): NginxFile {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const isRawBlock = options.isRawBlock ?? isRawBlockDirective;
  const lexer = new NginxLexer(file, text);
  const table = new NginxTokenTable(file, text);
  const errors: NginxParseError[] = [];
  /**
   * Statements are gathered on a scratch stack and copied out in exact-size arrays when their
   * block ends: fewer, smaller allocations on large files. A directive's words are consecutive
   * entries of the table, so its arguments need no list until they are read.
   */
  const pending: NginxStatement[] = [];
  let pendingCount = 0;
  /** Open blocks: the directive (null for a `{` without a name) and where its children start. */
  const openDirectives: (ParsedDirective | null)[] = [];
  const openBases: number[] = [];

  /** Table entry of the current directive's name, -1 between directives. */
  let nameAt = -1;
  let argComments: NginxComment[] | null = null;
  let lastCodeLine = 0;
  let depthLimitReported = false;

  for (;;) {
    const kind = lexer.next();
    if (kind === 'word') {
      const entry = addCurrent(wordFlags(lexer.quote, lexer.hasEscape), lexer.valueEnd);
      if (nameAt < 0) nameAt = entry;
      lastCodeLine = lexer.endLine;
      continue;
    }
    if (kind === 'comment') {
      const comment: NginxComment = {
        type: 'comment',
        text: lexer.value(),
        trailing: lastCodeLine === lexer.line,
        span: lexer.span(),
      };
      // A comment between a directive's words follows the directive in the statement list.
      if (nameAt >= 0) (argComments ??= []).push(comment);
      else pending[pendingCount++] = comment;
      continue;
    }
    if (kind === 'semicolon') {
      lastCodeLine = lexer.endLine;
      if (nameAt < 0) {
        errors.push(errorAt(lexer.span(), 'syntax', 'unexpected ";"'));
        continue;
      }
      const directive = takeDirective();
      directive.terminateAt(addCurrent(0, lexer.end));
      pending[pendingCount++] = directive;
      flushArgComments();
      continue;
    }
    if (kind === 'open') {
      lastCodeLine = lexer.endLine;
      if (nameAt < 0) {
        errors.push(errorAt(lexer.span(), 'syntax', 'unexpected "{"'));
        // Keep the children: they stay in the enclosing list.
        openDirectives.push(null);
        openBases.push(pendingCount);
        continue;
      }
      // The block and the span are completed when the block closes.
      const directive = takeDirective();
      directive.openBlockAt(addCurrent(0, lexer.end));
      pending[pendingCount++] = directive;
      flushArgComments();
      if (isRawBlock(directive.name)) {
        readLua(lexer, table, directive, errors);
        lastCodeLine = lexer.endLine;
        continue;
      }
      if (openDirectives.length >= maxDepth) {
        if (!depthLimitReported) {
          errors.push(errorAt(lexer.span(), 'limit', `too many nested blocks (more than ${maxDepth} levels)`));
          depthLimitReported = true;
        }
        if (!skipBlock(lexer, table, directive)) {
          errors.push(errorAt(lexer.hereSpan(), 'syntax', 'unexpected end of file, expecting "}"'));
          break;
        }
        lastCodeLine = lexer.endLine;
        continue;
      }
      openDirectives.push(directive);
      openBases.push(pendingCount);
      continue;
    }
    if (kind === 'close') {
      lastCodeLine = lexer.endLine;
      const unterminated = nameAt >= 0;
      if (unterminated) {
        // nginx: `unexpected "}"` on the line of the brace; the directive is kept, unterminated.
        errors.push(errorAt(lexer.span(), 'syntax', 'unexpected "}"'));
        finishUnterminated();
      }
      if (openDirectives.length === 0) {
        if (!unterminated) errors.push(errorAt(lexer.span(), 'syntax', 'unexpected "}"'));
        continue;
      }
      const base = openBases.pop()!;
      const closed = openDirectives.pop()!;
      if (closed !== null) {
        closed.block = pending.slice(base, pendingCount);
        pendingCount = base;
        closed.closeBlockAt(addCurrent(0, lexer.end));
      }
      continue;
    }
    // End of file.
    if (nameAt >= 0) {
      errors.push(errorAt(lexer.hereSpan(), 'syntax', 'unexpected end of file, expecting ";" or "}"'));
      finishUnterminated();
    } else if (openDirectives.length > 0) {
      errors.push(errorAt(lexer.hereSpan(), 'syntax', 'unexpected end of file, expecting "}"'));
    }
    break;
  }
  // Blocks still open at end of file keep their children and end where the text ends.
  if (openDirectives.length > 0) {
    const eof = lexer.hereSpan();
    const eofAt = table.add(eof.start, eof.end, eof.line, eof.column, eof.endLine, eof.endColumn, eof.end, 0);
    for (let i = openDirectives.length - 1; i >= 0; i--) {
      const open = openDirectives[i]!;
      if (open === null) continue;
      open.block = pending.slice(openBases[i]!, pendingCount);
      pendingCount = openBases[i]!;
      open.endAt(eofAt);
    }
  }
  const statements = pending.slice(0, pendingCount);
  const all = lexer.errors.length > 0 ? [...errors, ...lexer.errors].sort((a, b) => a.start - b.start) : errors;
  const parsed: NginxFile = { file, text, statements, errors: all };
  for (const error of all) setReportedLine(error, parsed, error.start, error.line);
  return parsed;

  /** Records the lexer's current token in the table. */
  function addCurrent(flags: number, valueEnd: number): number {
    return table.add(lexer.start, lexer.end, lexer.line, lexer.column, lexer.endLine, lexer.endColumn, valueEnd, flags);
  }

  /** The directive made of the words from `nameAt` to the last one read. */
  function takeDirective(): ParsedDirective {
    const directive = new ParsedDirective(table, nameAt, table.size - nameAt - 1);
    nameAt = -1;
    return directive;
  }

  function flushArgComments(): void {
    if (argComments === null) return;
    for (const comment of argComments) pending[pendingCount++] = comment;
    argComments = null;
  }

  /** A directive cut short by `}` or the end of the file is kept, without terminator. */
  function finishUnterminated(): void {
    pending[pendingCount++] = takeDirective();
    flushArgComments();
  }
}

/** Reads a Lua block body after its `{` into `directive.lua`; its `block` stays empty. */
function readLua(lexer: NginxLexer, table: NginxTokenTable, directive: ParsedDirective, errors: NginxParseError[]): void {
  const closed = lexer.readLuaBlock();
  const body: Span = {
    file: lexer.file,
    line: lexer.luaLine,
    column: lexer.luaColumn,
    endLine: lexer.luaEndLine,
    endColumn: lexer.luaEndColumn,
    start: lexer.luaStart,
    end: lexer.luaEnd,
  };
  directive.lua = { code: lexer.text.slice(lexer.luaStart, lexer.luaEnd), span: body };
  if (closed) {
    directive.closeBlockAt(table.add(lexer.start, lexer.end, lexer.line, lexer.column, lexer.endLine, lexer.endColumn, lexer.end, 0));
  } else {
    directive.endAt(table.add(body.start, body.end, body.line, body.column, body.endLine, body.endColumn, body.end, 0));
    errors.push(errorAt(lexer.hereSpan(), 'syntax', LUA_EOF_MESSAGE));
  }
}

/** Skips a block nested deeper than the limit, counting braces without building anything. */
function skipBlock(lexer: NginxLexer, table: NginxTokenTable, directive: ParsedDirective): boolean {
  let depth = 1;
  for (;;) {
    const kind = lexer.next();
    if (kind === 'open') {
      depth++;
    } else if (kind === 'close' && --depth === 0) {
      directive.closeBlockAt(table.add(lexer.start, lexer.end, lexer.line, lexer.column, lexer.endLine, lexer.endColumn, lexer.end, 0));
      return true;
    } else if (kind === 'eof') {
      const eof = lexer.hereSpan();
      directive.endAt(table.add(eof.start, eof.end, eof.line, eof.column, eof.endLine, eof.endColumn, eof.end, 0));
      return false;
    }
  }
}
