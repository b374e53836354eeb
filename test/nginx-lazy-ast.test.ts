import { describe, expect, it } from 'vitest';
import type { NginxDirective, NginxStatement, NginxToken } from '../src/languages/nginx/ast.js';
import { argCountOf, argQuoteOf, argRawOf, argValueOf, isTerminated, nameLineOf } from '../src/languages/nginx/directive-node.js';
import { lexNginx } from '../src/languages/nginx/lexer.js';
import { parseNginxText } from '../src/languages/nginx/parser.js';

function directives(statements: NginxStatement[]): NginxDirective[] {
  const out: NginxDirective[] = [];
  for (const statement of statements) {
    if (statement.type !== 'directive') continue;
    out.push(statement);
    if (statement.block) out.push(...directives(statement.block));
  }
  return out;
}

function only(text: string): NginxDirective {
  const [first] = directives(parseNginxText('t.conf', text).statements);
  if (!first) throw new Error(`no directive in ${JSON.stringify(text)}`);
  return first;
}

const TEXT = [
  'worker_processes 2;',
  'http {',
  '  log_format main \'$remote_addr "$request"\' "a\\"b" c\\;d;',
  '  server {',
  '    listen 80;',
  '    location / { return 200 "x\\ny"; }',
  '  }',
  '  server_tokens off',
  '}',
  'content_by_lua_block { ngx.say("}") }',
  'events {',
].join('\r\n');

describe('nginx parsed directives: tokens and spans built on first read', () => {
  it('gives every word the same token as the lexer, field for field', () => {
    const words = lexNginx('t.conf', TEXT).tokens.filter((t) => t.kind === 'word');
    const tokens: NginxToken[] = directives(parseNginxText('t.conf', TEXT).statements).flatMap((d) => [d.nameToken, ...d.args]);
    expect(tokens.map((t) => ({ ...t }))).toEqual(
      words
        .filter((w) => !w.raw.startsWith('ngx.'))
        .map((w) => ({ file: w.file, line: w.line, column: w.column, endLine: w.endLine, endColumn: w.endColumn, start: w.start, end: w.end, value: w.value, raw: w.raw, quote: w.quote })),
    );
  });

  it('returns the same token, argument list and span objects on every read', () => {
    const directive = only('proxy_set_header Host $host;');
    expect(directive.nameToken).toBe(directive.nameToken);
    expect(directive.args).toBe(directive.args);
    expect(directive.args[0]).toBe(directive.args[0]);
    expect(directive.span).toBe(directive.span);
    expect(directive.terminator).toBe(directive.terminator);
    expect(directive.terminator).toEqual({ file: 't.conf', line: 1, column: 28, endLine: 1, endColumn: 29, start: 27, end: 28 });
    expect(directive.blockOpen).toBeUndefined();
    expect(directive.blockClose).toBeUndefined();
  });

  it('lets every field be assigned like a plain object', () => {
    const directive = only('http { }');
    const span = { file: 'x', line: 9, column: 9, endLine: 9, endColumn: 10, start: 90, end: 91 };
    directive.blockClose = undefined;
    directive.terminator = span;
    directive.span = span;
    directive.args = [{ ...directive.nameToken, value: 'on', raw: '"on"', quote: '"' }];
    expect(directive.blockClose).toBeUndefined();
    expect(directive.terminator).toBe(span);
    expect(directive.span).toBe(span);
    expect(argCountOf(directive)).toBe(1);
    expect([argValueOf(directive, 0), argRawOf(directive, 0), argQuoteOf(directive, 0)]).toEqual(['on', '"on"', '"']);
    expect(isTerminated(directive)).toBe(true);
    directive.terminator = undefined;
    expect(isTerminated(directive)).toBe(false);
  });

  it('keeps its positions out of keys, spreads and deep equality: compare the tokens instead', () => {
    const a = only('listen 80;');
    const b = only('listen 80;');
    const c = only('listen 81;');
    expect(Object.keys(a)).toEqual(['type', 'name', 'block']);
    expect(a.args.length).toBe(1);
    // `a` has built its tokens, `b` has not: they are still deeply equal.
    expect(a).toEqual(b);
    // Deep equality of whole directives does not see their arguments...
    expect(a).toEqual(c);
    // ...so tests compare what they mean: the tokens and spans.
    expect(a.args).toEqual(b.args);
    expect(a.args).not.toEqual(c.args);
  });

  it('shares one name string between directives of the same name', () => {
    const names = directives(parseNginxText('t.conf', 'a 1;\nproxy_pass x;\nb 2;\nproxy_pass y;\n"proxy_pass" z;\n').statements).map((d) => d.name);
    expect(names).toEqual(['a', 'proxy_pass', 'b', 'proxy_pass', 'proxy_pass']);
  });

  it('answers the cheap reads exactly like the tokens, for parsed and for hand-built directives', () => {
    const parsed = directives(parseNginxText('t.conf', TEXT).statements);
    const handBuilt: NginxDirective[] = parsed.map((d) => ({
      type: 'directive',
      name: d.name,
      nameToken: d.nameToken,
      args: d.args,
      block: d.block,
      span: d.span,
      terminator: d.terminator,
    }));
    for (const list of [directives(parseNginxText('t.conf', TEXT).statements), handBuilt]) {
      expect(list.map((d) => nameLineOf(d))).toEqual(parsed.map((d) => d.nameToken.line));
      expect(list.map((d) => isTerminated(d))).toEqual(parsed.map((d) => d.terminator !== undefined));
      expect(list.map((d) => Array.from({ length: argCountOf(d) }, (_, i) => [argValueOf(d, i), argRawOf(d, i), argQuoteOf(d, i)]))).toEqual(
        parsed.map((d) => d.args.map((t) => [t.value, t.raw, t.quote])),
      );
    }
  });

  it('ends spans at the closing brace, the last word, the Lua body or the end of the file', () => {
    const all = directives(parseNginxText('t.conf', TEXT).statements);
    const byName = (name: string): NginxDirective => all.find((d) => d.name === name)!;
    expect(byName('http').span).toMatchObject({ line: 2, column: 1, endLine: 9, endColumn: 2 });
    expect(byName('http').blockOpen).toMatchObject({ line: 2, column: 6, endColumn: 7 });
    expect(byName('server_tokens').span).toMatchObject({ line: 8, column: 3, endLine: 8, endColumn: 20 });
    expect(byName('server_tokens').terminator).toBeUndefined();
    expect(byName('content_by_lua_block').blockClose).toMatchObject({ line: 10, column: 37 });
    expect(byName('events').span).toMatchObject({ line: 11, column: 1, end: TEXT.length });
    expect(byName('events').blockClose).toBeUndefined();
  });
});
