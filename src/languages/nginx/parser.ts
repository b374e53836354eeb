import type { Span } from '../../core/source.js';
import type { NginxComment, NginxDirective, NginxFile, NginxParseError, NginxStatement, NginxToken } from './ast.js';
import { lookupDirective } from './directives/index.js';
import { LUA_EOF_MESSAGE, NginxLexer } from './lexer.js';
import { setReportedLine } from './nginx-lines.js';

export interface ParseNginxOptions {
  /** Deepest block nesting accepted before a `limit` error (default 1000). */
  maxDepth?: number;
  /** Whether a block directive's body is raw Lua (default: `*_by_lua_block` or `rawBlock` in the table). */
  isRawBlock?: (name: string) => boolean;
}

export const DEFAULT_MAX_DEPTH = 1000;

export function isRawBlockDirective(name: string): boolean {
  if (name.endsWith('_by_lua_block')) return true;
  return lookupDirective(name).some((spec) => spec.rawBlock === true);
}

function spanFrom(first: Span, last: Span): Span {
  return {
    file: first.file,
    line: first.line,
    column: first.column,
    endLine: last.endLine,
    endColumn: last.endColumn,
    start: first.start,
    end: last.end,
  };
}

/** Every directive is built with the same keys in the same order, so they all share one shape. */
function makeDirective(
  nameToken: NginxToken,
  args: NginxToken[],
  block: NginxStatement[] | null,
  span: Span,
  terminator: Span | undefined,
  blockOpen: Span | undefined,
): NginxDirective {
  return {
    type: 'directive',
    name: nameToken.value,
    nameToken,
    args,
    block,
    span,
    blockOpen,
    blockClose: undefined,
    terminator,
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
  const errors: NginxParseError[] = [];
  /**
   * Statements and arguments are gathered on scratch stacks and copied out in exact-size arrays
   * when their block or directive ends: fewer, smaller allocations on large files.
   */
  const pending: NginxStatement[] = [];
  let pendingCount = 0;
  const argScratch: NginxToken[] = [];
  let argCount = 0;
  /** Open blocks: the directive (null for a `{` without a name) and where its children start. */
  const openDirectives: (NginxDirective | null)[] = [];
  const openBases: number[] = [];

  let name: NginxToken | null = null;
  let argComments: NginxComment[] | null = null;
  let lastCodeLine = 0;
  let depthLimitReported = false;

  for (;;) {
    const kind = lexer.next();
    if (kind === 'word') {
      const token = lexer.token();
      if (name === null) name = token;
      else argScratch[argCount++] = token;
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
      if (name !== null) (argComments ??= []).push(comment);
      else pending[pendingCount++] = comment;
      continue;
    }
    if (kind === 'semicolon') {
      const semicolon = lexer.span();
      lastCodeLine = lexer.endLine;
      if (name === null) {
        errors.push({ ...semicolon, code: 'syntax', message: 'unexpected ";"' });
        continue;
      }
      pending[pendingCount++] = makeDirective(name, takeArgs(), null, spanFrom(name, semicolon), semicolon, undefined);
      flushArgComments();
      continue;
    }
    if (kind === 'open') {
      const open = lexer.span();
      lastCodeLine = lexer.endLine;
      if (name === null) {
        errors.push({ ...open, code: 'syntax', message: 'unexpected "{"' });
        // Keep the children: they stay in the enclosing list.
        openDirectives.push(null);
        openBases.push(pendingCount);
        continue;
      }
      // The block and the span are completed when the block closes.
      const directive = makeDirective(name, takeArgs(), [], open, undefined, open);
      pending[pendingCount++] = directive;
      flushArgComments();
      if (isRawBlock(directive.name)) {
        readLua(lexer, directive, errors);
        lastCodeLine = lexer.endLine;
        continue;
      }
      if (openDirectives.length >= maxDepth) {
        if (!depthLimitReported) {
          errors.push({ ...open, code: 'limit', message: `too many nested blocks (more than ${maxDepth} levels)` });
          depthLimitReported = true;
        }
        if (!skipBlock(lexer, directive)) {
          errors.push({ ...lexer.hereSpan(), code: 'syntax', message: 'unexpected end of file, expecting "}"' });
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
      const close = lexer.span();
      lastCodeLine = lexer.endLine;
      const unterminated = name !== null;
      if (name !== null) {
        // nginx: `unexpected "}"` on the line of the brace; the directive is kept, unterminated.
        errors.push({ ...close, code: 'syntax', message: 'unexpected "}"' });
        finishUnterminated();
      }
      if (openDirectives.length === 0) {
        if (!unterminated) errors.push({ ...close, code: 'syntax', message: 'unexpected "}"' });
        continue;
      }
      const base = openBases.pop()!;
      const closed = openDirectives.pop()!;
      if (closed !== null) {
        closed.block = pending.slice(base, pendingCount);
        pendingCount = base;
        closed.blockClose = close;
        closed.span = spanFrom(closed.nameToken, close);
      }
      continue;
    }
    // End of file.
    if (name !== null) {
      errors.push({ ...lexer.hereSpan(), code: 'syntax', message: 'unexpected end of file, expecting ";" or "}"' });
      finishUnterminated();
    } else if (openDirectives.length > 0) {
      errors.push({ ...lexer.hereSpan(), code: 'syntax', message: 'unexpected end of file, expecting "}"' });
    }
    break;
  }
  // Blocks still open at end of file keep their children and end where the text ends.
  const eof = lexer.hereSpan();
  for (let i = openDirectives.length - 1; i >= 0; i--) {
    const open = openDirectives[i]!;
    if (open === null) continue;
    open.block = pending.slice(openBases[i]!, pendingCount);
    pendingCount = openBases[i]!;
    open.span = spanFrom(open.nameToken, eof);
  }
  const statements = pending.slice(0, pendingCount);
  const all = lexer.errors.length > 0 ? [...errors, ...lexer.errors].sort((a, b) => a.start - b.start) : errors;
  const parsed: NginxFile = { file, text, statements, errors: all };
  for (const error of all) setReportedLine(error, parsed, error.start, error.line);
  return parsed;

  function takeArgs(): NginxToken[] {
    if (argCount === 0) return [];
    const args = argScratch.slice(0, argCount);
    argCount = 0;
    return args;
  }

  function flushArgComments(): void {
    name = null;
    if (argComments === null) return;
    for (const comment of argComments) pending[pendingCount++] = comment;
    argComments = null;
  }

  /** A directive cut short by `}` or the end of the file is kept, without terminator. */
  function finishUnterminated(): void {
    const nameToken = name!;
    const last = argCount > 0 ? argScratch[argCount - 1]! : nameToken;
    pending[pendingCount++] = makeDirective(nameToken, takeArgs(), null, spanFrom(nameToken, last), undefined, undefined);
    flushArgComments();
  }
}

/** Reads a Lua block body after its `{` into `directive.lua`; its `block` stays empty. */
function readLua(lexer: NginxLexer, directive: NginxDirective, errors: NginxParseError[]): void {
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
    const close = lexer.span();
    directive.blockClose = close;
    directive.span = spanFrom(directive.nameToken, close);
  } else {
    directive.span = spanFrom(directive.nameToken, body);
    errors.push({ ...lexer.hereSpan(), code: 'syntax', message: LUA_EOF_MESSAGE });
  }
}

/** Skips a block nested deeper than the limit, counting braces without building anything. */
function skipBlock(lexer: NginxLexer, directive: NginxDirective): boolean {
  let depth = 1;
  for (;;) {
    const kind = lexer.next();
    if (kind === 'open') {
      depth++;
    } else if (kind === 'close' && --depth === 0) {
      const close = lexer.span();
      directive.blockClose = close;
      directive.span = spanFrom(directive.nameToken, close);
      return true;
    } else if (kind === 'eof') {
      directive.span = spanFrom(directive.nameToken, lexer.hereSpan());
      return false;
    }
  }
}
