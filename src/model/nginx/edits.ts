import type { TextEdit } from '../../core/finding.js';
import type { NginxConfig, NginxDirective } from '../../languages/nginx/ast.js';

function lineBounds(text: string, offset: number): { lineStart: number; indent: string; newline: string } {
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  let indentEnd = lineStart;
  while (text[indentEnd] === ' ' || text[indentEnd] === '\t') indentEnd++;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  return { lineStart, indent: text.slice(lineStart, indentEnd), newline };
}

/**
 * Inserts `statement` (e.g. `proxy_http_version 1.1;`) on its own line just before `anchor`,
 * with the anchor's indentation and the file's line endings. When the anchor does not start
 * its line, the statement goes right before it on the same line.
 */
export function insertBeforeDirective(config: NginxConfig, anchor: NginxDirective, statement: string | string[]): TextEdit | undefined {
  const text = config.files.get(anchor.span.file)?.text;
  if (text === undefined) return undefined;
  const statements = typeof statement === 'string' ? [statement] : statement;
  const { lineStart, indent, newline } = lineBounds(text, anchor.span.start);
  if (lineStart + indent.length === anchor.span.start) {
    return { file: anchor.span.file, start: lineStart, end: lineStart, text: statements.map((s) => `${indent}${s}${newline}`).join('') };
  }
  return { file: anchor.span.file, start: anchor.span.start, end: anchor.span.start, text: `${statements.join(' ')} ` };
}

/** Inserts `statement` as the first line inside `block`'s braces, one level deeper than the block. */
export function insertIntoBlock(config: NginxConfig, block: NginxDirective, statement: string): TextEdit | undefined {
  const text = config.files.get(block.span.file)?.text;
  if (text === undefined || !block.blockOpen) return undefined;
  const first = block.block?.find((s) => s.type === 'directive');
  if (first && first.type === 'directive' && first.span.file === block.span.file) return insertBeforeDirective(config, first, statement);
  const { indent, newline } = lineBounds(text, block.span.start);
  const inner = indent + (indent.includes('\t') ? '\t' : '    ');
  return { file: block.span.file, start: block.blockOpen.end, end: block.blockOpen.end, text: `${newline}${inner}${statement}` };
}

/** Replaces one token's source text. */
export function replaceToken(token: { file: string; start: number; end: number }, text: string): TextEdit {
  return { file: token.file, start: token.start, end: token.end, text };
}

/** Appends `statement` after the last directive of `block` (where order matters, e.g. `keepalive` after a balancing method). */
export function appendToBlock(config: NginxConfig, block: NginxDirective, statement: string): TextEdit | undefined {
  const text = config.files.get(block.span.file)?.text;
  if (text === undefined) return undefined;
  const last = [...(block.block ?? [])].reverse().find((s) => s.type === 'directive');
  if (!last || last.type !== 'directive' || last.span.file !== block.span.file) return insertIntoBlock(config, block, statement);
  const { lineStart, indent, newline } = lineBounds(text, last.span.start);
  if (lineStart + indent.length !== last.span.start) return { file: block.span.file, start: last.span.end, end: last.span.end, text: ` ${statement}` };
  return { file: block.span.file, start: last.span.end, end: last.span.end, text: `${newline}${indent}${statement}` };
}
