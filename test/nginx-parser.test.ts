import { describe, expect, it } from 'vitest';
import type { NginxComment, NginxDirective, NginxStatement } from '../src/languages/nginx/ast.js';
import { parseNginxText } from '../src/languages/nginx/parser.js';
import { decodeText } from '../src/core/source.js';

function directive(statement: NginxStatement | undefined): NginxDirective {
  if (statement?.type !== 'directive') throw new Error(`expected a directive, got ${JSON.stringify(statement)}`);
  return statement;
}

function comment(statement: NginxStatement | undefined): NginxComment {
  if (statement?.type !== 'comment') throw new Error(`expected a comment, got ${JSON.stringify(statement)}`);
  return statement;
}

/** `message@line:column` of every error, for compact assertions. */
function errorsOf(text: string): string[] {
  return parseNginxText('t.conf', text).errors.map((e) => `${e.code}:${e.message}@${e.line}:${e.column}`);
}

/** Directive names as a nested outline. */
function outline(statements: NginxStatement[]): unknown[] {
  return statements.map((s) =>
    s.type === 'comment' ? `#${s.text}` : s.block && !s.lua ? { [s.name]: outline(s.block) } : [s.name, ...s.args.map((a) => a.value)].join(' '),
  );
}

describe('nginx parser: statements and spans', () => {
  it('builds simple and block directives with name, args, terminator and braces', () => {
    const file = parseNginxText('t.conf', 'user nginx;\nhttp {\n  server { listen 80; }\n}\n');
    expect(file.errors).toEqual([]);
    expect(outline(file.statements)).toEqual(['user nginx', { http: [{ server: ['listen 80'] }] }]);
    const user = directive(file.statements[0]);
    expect(user.nameToken).toMatchObject({ value: 'user', line: 1, column: 1, endColumn: 5 });
    expect(user.args[0]).toMatchObject({ value: 'nginx', raw: 'nginx', quote: null, line: 1, column: 6, endColumn: 11 });
    expect(user.terminator).toMatchObject({ line: 1, column: 11, endColumn: 12, start: 10, end: 11 });
    expect(user.span).toEqual({ file: 't.conf', line: 1, column: 1, endLine: 1, endColumn: 12, start: 0, end: 11 });
    expect(user.block).toBeNull();
    const http = directive(file.statements[1]);
    expect(http.blockOpen).toMatchObject({ line: 2, column: 6 });
    expect(http.blockClose).toMatchObject({ line: 4, column: 1, endColumn: 2 });
    expect(http.span).toMatchObject({ line: 2, column: 1, endLine: 4, endColumn: 2 });
    expect(http.terminator).toBeUndefined();
  });

  it('keeps comments as statements, marks trailing ones and places comments between args after the directive', () => {
    const file = parseNginxText('t.conf', '# top\nlisten 80; # after\nlog_format #inside\n  main;\n');
    const [top, listen, after, logFormat, inside] = file.statements;
    expect(comment(top)).toMatchObject({ text: ' top', trailing: false, span: { line: 1, column: 1, endColumn: 6 } });
    expect(directive(listen).name).toBe('listen');
    expect(comment(after)).toMatchObject({ text: ' after', trailing: true, span: { line: 2, column: 12 } });
    expect(directive(logFormat).args.map((a) => a.value)).toEqual(['main']);
    expect(comment(inside)).toMatchObject({ text: 'inside', trailing: true, span: { line: 3, column: 12 } });
  });

  it('accepts a directive named by a quoted word, and an empty quoted name', () => {
    const file = parseNginxText('t.conf', '"events" { "worker_connections" "2048"; }\n"" x;');
    expect(outline(file.statements)).toEqual([{ events: ['worker_connections 2048'] }, ' x']);
    expect(directive(file.statements[0]).nameToken).toMatchObject({ raw: '"events"', quote: '"' });
  });
});

describe('nginx parser: errors and recovery', () => {
  it('reports every error of a file, worded and placed like nginx, and keeps what it can', () => {
    const text = ['events {', '  worker_connections 1024', '}', 'http {', '  ;', '  server { listen 80; }', '}', '}', ''].join('\n');
    expect(errorsOf(text)).toEqual(['syntax:unexpected "}"@3:1', 'syntax:unexpected ";"@5:3', 'syntax:unexpected "}"@8:1']);
    const file = parseNginxText('t.conf', text);
    expect(outline(file.statements)).toEqual([{ events: ['worker_connections 1024'] }, { http: [{ server: ['listen 80'] }] }]);
    // The directive cut short by `}` is kept without a terminator; its span ends at its last word.
    const workerConnections = directive(directive(file.statements[0]).block![0]);
    expect(workerConnections.terminator).toBeUndefined();
    expect(workerConnections.span).toMatchObject({ line: 2, column: 3, endLine: 2, endColumn: 26 });
  });

  it('reports a missing `;` before `}` on the line of the `}`, as nginx does', () => {
    const text = 'http {\n    server {\n        location /is-broken {\n            proxy_pass http://is.broken.example\n        }\n    }\n}\n';
    expect(errorsOf(text)).toEqual(['syntax:unexpected "}"@5:9']);
  });

  it('reports `{` and `;` without a directive name', () => {
    expect(errorsOf('{ listen 80; }\n;')).toEqual(['syntax:unexpected "{"@1:1', 'syntax:unexpected ";"@2:1']);
    // The children of a nameless block are kept in the enclosing list.
    expect(outline(parseNginxText('t.conf', '{ listen 80; }').statements)).toEqual(['listen 80']);
  });

  it('reports the end of file inside a block once and keeps the unterminated blocks with their children', () => {
    const file = parseNginxText('t.conf', 'http {\n  server {\n    listen 80;\n');
    expect(file.errors.map((e) => [e.message, e.line, e.column])).toEqual([['unexpected end of file, expecting "}"', 4, 1]]);
    expect(outline(file.statements)).toEqual([{ http: [{ server: ['listen 80'] }] }]);
    const http = directive(file.statements[0]);
    expect(http.blockClose).toBeUndefined();
    expect(http.span).toMatchObject({ endLine: 4, endColumn: 1, end: file.text.length });
  });

  it('reports the end of file inside a directive as expecting ";" or "}"', () => {
    expect(errorsOf('http {\n  listen 80')).toEqual(['syntax:unexpected end of file, expecting ";" or "}"@2:12']);
    expect(errorsOf('return 200 "unterminated\n')).toEqual(['syntax:unexpected end of file, expecting ";" or "}"@2:1']);
  });

  it('reports text glued after a quote through the lexer, in source order with the parser errors', () => {
    expect(errorsOf('"a"b;\n}')).toEqual(['syntax:unexpected "b"@1:4', 'syntax:unexpected "}"@2:1']);
  });

  it('caps block nesting with a `limit` error instead of overflowing the stack', () => {
    const depth = 3000;
    const text = 'a {'.repeat(depth) + 'x;' + '}'.repeat(depth);
    const file = parseNginxText('t.conf', text);
    expect(file.errors.map((e) => [e.code, e.message, e.column])).toEqual([['limit', 'too many nested blocks (more than 1000 levels)', 3003]]);
    let level = 0;
    let current: NginxStatement[] = file.statements;
    while (current.length > 0) {
      level++;
      const block = directive(current[0]);
      expect(block.blockClose).toBeDefined();
      current = block.block!;
    }
    expect(level).toBe(1001);
  });

  it('honours a smaller maxDepth', () => {
    expect(parseNginxText('t.conf', 'a { b { c { } } }', { maxDepth: 2 }).errors.map((e) => e.code)).toEqual(['limit']);
  });
});

describe('nginx parser: Lua blocks', () => {
  it('captures *_by_lua_block bodies raw, with braces in strings, long brackets and comments ignored', () => {
    const lua = [
      '',
      '    local s = "}" .. \'{\' .. "\\"}"',
      '    local l = [[ } ]] .. [==[ ]] } ]==]',
      '    -- a comment with }',
      '    --[[ a long } comment ]]',
      '    local t = { a = { 1 } }',
      '',
    ].join('\n');
    const file = parseNginxText('t.conf', `location / {\n  content_by_lua_block {${lua}}\n  return 200;\n}\n`);
    expect(file.errors).toEqual([]);
    const location = directive(file.statements[0]);
    const block = directive(location.block![0]);
    expect(block.lua?.code).toBe(lua);
    expect(block.block).toEqual([]);
    expect(block.lua?.span).toMatchObject({ line: 2, column: 25, endLine: 8 });
    expect(block.blockClose).toMatchObject({ line: 8, column: 1 });
    expect(outline(location.block!)).toEqual(['content_by_lua_block', 'return 200']);
  });

  it('handles arguments before the body, quoted directive names and lookalike words', () => {
    const file = parseNginxText(
      't.conf',
      'server_name content_by_lua_block ;\nset_by_lua_block $res { return 1 }\n"rewrite_by_lua_block" { a = { 1 } }\nupstream content_by_lua_block { server x; }\n',
    );
    expect(file.errors).toEqual([]);
    expect(outline(file.statements)).toEqual([
      'server_name content_by_lua_block',
      'set_by_lua_block $res',
      'rewrite_by_lua_block',
      { upstream: ['server x'] },
    ]);
    expect(directive(file.statements[1]).lua?.code).toBe(' return 1 ');
    expect(directive(file.statements[2]).lua?.code).toBe(' a = { 1 } ');
  });

  it('reports a Lua block that never closes with lua-nginx-module wording', () => {
    expect(errorsOf('init_by_lua_block {\n  print("x")\n')).toEqual([
      'syntax:unexpected end of file, expecting terminating characters for lua code block@3:1',
    ]);
  });
});

describe('nginx parser: text that is not clean UTF-8', () => {
  it('parses a decoded non-UTF-8 file with replacement characters', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('return 200 "M'), 0xfc, ...new TextEncoder().encode('lln";\n')]);
    const { text, validUtf8 } = decodeText(bytes);
    expect(validUtf8).toBe(false);
    const file = parseNginxText('t.conf', text);
    expect(file.errors).toEqual([]);
    expect(directive(file.statements[0]).args[1]!.value).toBe('M\uFFFDlln');
  });
});

describe('nginx parser: the line nginx prints', () => {
  it('adds reportedLine where nginx, counting LF only, disagrees about lines split by a lone CR', () => {
    const file = parseNginxText('t.conf', 'events {}\rhttp {\r  access_log off;\r}\r}\n');
    expect(file.errors.map((e) => [e.message, e.line, e.column, e.reportedLine])).toEqual([['unexpected "}"', 5, 1, 1]]);
    expect(parseNginxText('t.conf', 'events {}\r\n}\r\n').errors.map((e) => [e.line, e.reportedLine])).toEqual([[2, undefined]]);
  });
});
