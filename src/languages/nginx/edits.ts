import { lineEndingOf } from '../../core/source.js';
import type { TextEdit } from '../../core/finding.js';
import type { NginxDirective, NginxStatement } from './ast.js';

function lineBounds(text: string, offset: number): { lineStart: number; indent: string; newline: string } {
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  let indentEnd = lineStart;
  while (text[indentEnd] === ' ' || text[indentEnd] === '\t') indentEnd++;
  return { lineStart, indent: text.slice(lineStart, indentEnd), newline: lineEndingOf(text) };
}


/** One indentation step deeper than `indent`, in the same style (tab or four spaces). */
function deeper(indent: string): string {
  return indent + (indent.includes('\t') ? '\t' : '    ');
}

/*
 * Each edit takes `text`, the text of the file the anchor or block is written in (as the nginx
 * config holds it, a byte order mark included), and is undefined without it.
 */

/**
 * Inserts `statement` (e.g. `proxy_http_version 1.1;`) on its own line just before `anchor`,
 * with the anchor's indentation and the file's line endings. When the anchor does not start
 * its line, the statement goes right before it on the same line.
 */
export function insertBeforeDirective(text: string | undefined, anchor: NginxDirective, statement: string | string[]): TextEdit | undefined {
  if (text === undefined) return undefined;
  const statements = typeof statement === 'string' ? [statement] : statement;
  const { lineStart, indent, newline } = lineBounds(text, anchor.span.start);
  if (lineStart + indent.length === anchor.span.start) {
    return { file: anchor.span.file, start: lineStart, end: lineStart, text: statements.map((s) => `${indent}${s}${newline}`).join('') };
  }
  return { file: anchor.span.file, start: anchor.span.start, end: anchor.span.start, text: `${statements.join(' ')} ` };
}

/** Inserts `statement` as the first line inside `block`'s braces, one level deeper than the block. */
export function insertIntoBlock(text: string | undefined, block: NginxDirective, statement: string): TextEdit | undefined {
  if (text === undefined || !block.blockOpen) return undefined;
  const first = block.block?.find((s) => s.type === 'directive');
  if (first?.type === 'directive') return insertBeforeDirective(text, first, statement);
  const { indent, newline } = lineBounds(text, block.span.start);
  const inner = deeper(indent);
  const close = block.blockClose;
  if (close && text.slice(block.blockOpen.end, close.start).trim() === '') {
    // An empty block, `{}` or `{ }`: open it up so that the closing brace gets its own line.
    return { file: block.span.file, start: block.blockOpen.end, end: close.start, text: `${newline}${inner}${statement}${newline}${indent}` };
  }
  return { file: block.span.file, start: block.blockOpen.end, end: block.blockOpen.end, text: `${newline}${inner}${statement}` };
}

/** Replaces one token's source text. */
export function replaceToken(token: { file: string; start: number; end: number }, text: string): TextEdit {
  return { file: token.file, start: token.start, end: token.end, text };
}

/** Where a statement ends, including a comment that trails it on the same line. */
function endWithTrailingComment(statements: NginxStatement[], statement: NginxDirective): number {
  const next = statements[statements.indexOf(statement) + 1];
  return next?.type === 'comment' && next.trailing ? next.span.end : statement.span.end;
}

/** Appends `statement` after the last statement of `block` (where order matters, e.g. `keepalive` after a balancing method). */
export function appendToBlock(text: string | undefined, block: NginxDirective, statement: string): TextEdit | undefined {
  if (text === undefined) return undefined;
  const statements = block.block ?? [];
  const last = [...statements].reverse().find((s) => s.type === 'directive');
  if (last?.type !== 'directive') return insertIntoBlock(text, block, statement);
  const { lineStart, indent, newline } = lineBounds(text, last.span.start);
  if (lineStart + indent.length !== last.span.start) return { file: block.span.file, start: last.span.end, end: last.span.end, text: ` ${statement}` };
  const end = endWithTrailingComment(statements, last);
  return { file: block.span.file, start: end, end, text: `${newline}${indent}${statement}` };
}
