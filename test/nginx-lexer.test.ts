import { describe, expect, it } from 'vitest';
import { lexNginx, type NginxLexeme } from '../src/languages/nginx/lexer.js';

function lex(text: string): NginxLexeme[] {
  return lexNginx('t.conf', text).tokens;
}

function words(text: string): string[] {
  return lex(text)
    .filter((token) => token.kind === 'word')
    .map((token) => token.value);
}

/** [kind, value, line, column, endLine, endColumn] of every token but the end of file. */
function shape(text: string): [string, string, number, number, number, number][] {
  return lex(text)
    .filter((token) => token.kind !== 'eof')
    .map((token) => [token.kind, token.value, token.line, token.column, token.endLine, token.endColumn]);
}

describe('nginx lexer: words and punctuation', () => {
  it('splits a directive into words, `;`, `{` and `}` with exact positions and offsets', () => {
    const tokens = lex('listen 80;\nhttp {\n}\n');
    expect(tokens.map((t) => [t.kind, t.raw, t.line, t.column, t.endLine, t.endColumn, t.start, t.end])).toEqual([
      ['word', 'listen', 1, 1, 1, 7, 0, 6],
      ['word', '80', 1, 8, 1, 10, 7, 9],
      ['semicolon', ';', 1, 10, 1, 11, 9, 10],
      ['word', 'http', 2, 1, 2, 5, 11, 15],
      ['open', '{', 2, 6, 2, 7, 16, 17],
      ['close', '}', 3, 1, 3, 2, 18, 19],
      ['eof', '', 4, 1, 4, 1, 20, 20],
    ]);
    expect(tokens.every((t) => t.file === 't.conf')).toBe(true);
  });

  it('ends a word at whitespace, `;` and `{` but not at `}` (nginx keeps `a}b` as one word)', () => {
    expect(shape('return 200 a}b;')).toEqual([
      ['word', 'return', 1, 1, 1, 7],
      ['word', '200', 1, 8, 1, 11],
      ['word', 'a}b', 1, 12, 1, 15],
      ['semicolon', ';', 1, 15, 1, 16],
    ]);
    expect(words('location /foo{}')).toEqual(['location', '/foo']);
  });

  it('keeps `${var}` inside one word: the `{` after `$` opens no block', () => {
    expect(shape('set $a ${b}c;')).toEqual([
      ['word', 'set', 1, 1, 1, 4],
      ['word', '$a', 1, 5, 1, 7],
      ['word', '${b}c', 1, 8, 1, 13],
      ['semicolon', ';', 1, 13, 1, 14],
    ]);
    // A space after `${uri}` ends the word, unlike crossplane which glues the next one on.
    expect(words('try_files /abc/${uri} /abc/${uri}.html =404;')).toEqual(['try_files', '/abc/${uri}', '/abc/${uri}.html', '=404']);
    // A `{` that does not follow `$` still opens a block.
    expect(shape('if ($a){')).toEqual([
      ['word', 'if', 1, 1, 1, 3],
      ['word', '($a)', 1, 4, 1, 8],
      ['open', '{', 1, 8, 1, 9],
    ]);
  });

  it('starts a comment only at the start of a token', () => {
    expect(shape('a#b #c d\n;')).toEqual([
      ['word', 'a#b', 1, 1, 1, 4],
      ['comment', 'c d', 1, 5, 1, 9],
      ['semicolon', ';', 2, 1, 2, 2],
    ]);
    expect(shape('http {#x\n}')).toEqual([
      ['word', 'http', 1, 1, 1, 5],
      ['open', '{', 1, 6, 1, 7],
      ['comment', 'x', 1, 7, 1, 9],
      ['close', '}', 2, 1, 2, 2],
    ]);
  });

  it('keeps comments free of a CRLF line end', () => {
    const [comment] = lex('# note\r\nx;');
    expect(comment).toMatchObject({ kind: 'comment', value: ' note', raw: '# note', line: 1, column: 1, endLine: 1, endColumn: 7 });
  });
});

describe('nginx lexer: quotes and escapes', () => {
  it('reads single and double quoted words: raw keeps the quotes, value drops them', () => {
    const tokens = lex(`"a b" 'c;d'`);
    expect(tokens[0]).toMatchObject({ kind: 'word', value: 'a b', raw: '"a b"', quote: '"', line: 1, column: 1, endColumn: 6 });
    expect(tokens[1]).toMatchObject({ kind: 'word', value: 'c;d', raw: "'c;d'", quote: "'", column: 7, endColumn: 12 });
  });

  it('decodes \\" \\\' \\\\ \\t \\r \\n in every token and keeps other escapes as written', () => {
    const [quoted] = lex(String.raw`"a\"b\tc\\d\$e\nf\rg\'h"`);
    expect(quoted!.value).toBe('a"b\tc\\d\\$e\nf\rg\'h');
    expect(quoted!.raw).toBe(String.raw`"a\"b\tc\\d\$e\nf\rg\'h"`);
    const [unquoted] = lex(String.raw`x\ny\"z\;w`);
    expect(unquoted!.value).toBe('x\ny"z\\;w');
    expect(unquoted!.raw).toBe(String.raw`x\ny\"z\;w`);
  });

  it('lets a backslash hide a space, `;`, `{` or quote from the tokenizer', () => {
    expect(words(String.raw`location /\{\;\}\ #\ ab {}`)).toEqual(['location', String.raw`/\{\;\}\ #\ ab`]);
    expect(words(String.raw`return 200 "Ser\" ' ' ver";`)).toEqual(['return', '200', `Ser" ' ' ver`]);
  });

  it('treats a quote in the middle of a word as an ordinary character', () => {
    expect(words(`right-"quote" inner"-"quote;`)).toEqual(['right-"quote"', 'inner"-"quote']);
  });

  it('reads multi-line quoted strings and keeps counting lines', () => {
    expect(shape('"/sta;\n    tus" {')).toEqual([
      ['word', '/sta;\n    tus', 1, 1, 2, 9],
      ['open', '{', 2, 10, 2, 11],
    ]);
  });

  it('accepts `;`, `{` and `)` right after a closing quote', () => {
    const result = lexNginx('t.conf', `a "b"; c "d"{ if ($x = "y")`);
    expect(result.errors).toEqual([]);
    expect(result.tokens.filter((t) => t.kind === 'word').map((t) => t.value)).toEqual(['a', 'b', 'c', 'd', 'if', '($x', '=', 'y', ')']);
  });

  it('reports text glued after a closing quote like nginx (`unexpected "-"`) and goes on', () => {
    const result = lexNginx('t.conf', `"outer-quote" "left"-quote;\n"" ""left-empty;`);
    expect(result.errors).toEqual([
      { file: 't.conf', line: 1, column: 21, endLine: 1, endColumn: 22, start: 20, end: 21, code: 'syntax', message: 'unexpected "-"' },
      { file: 't.conf', line: 2, column: 6, endLine: 2, endColumn: 7, start: 33, end: 34, code: 'syntax', message: 'unexpected "l"' },
    ]);
    expect(result.tokens.filter((t) => t.kind === 'word').map((t) => t.value)).toEqual(['outer-quote', 'left', '-quote', '', '', 'left-empty']);
  });

  it('ends an unterminated quoted string at the end of the text without an error of its own', () => {
    const result = lexNginx('t.conf', 'a "bc');
    expect(result.errors).toEqual([]);
    expect(result.tokens[1]).toMatchObject({ kind: 'word', value: 'bc', raw: '"bc', endColumn: 6 });
  });
});

describe('nginx lexer: positions in unusual text', () => {
  it('counts columns in UTF-16 units and never fails on replacement characters or lone surrogates', () => {
    expect(shape('a 😀 \uFFFD \uD800 b;')).toEqual([
      ['word', 'a', 1, 1, 1, 2],
      ['word', '😀', 1, 3, 1, 5],
      ['word', '\uFFFD', 1, 6, 1, 7],
      ['word', '\uD800', 1, 8, 1, 9],
      ['word', 'b', 1, 10, 1, 11],
      ['semicolon', ';', 1, 11, 1, 12],
    ]);
  });

  it('counts CRLF as one line break and a lone CR as one too', () => {
    expect(shape('a;\r\nb;\rc;')).toEqual([
      ['word', 'a', 1, 1, 1, 2],
      ['semicolon', ';', 1, 2, 1, 3],
      ['word', 'b', 2, 1, 2, 2],
      ['semicolon', ';', 2, 2, 2, 3],
      ['word', 'c', 3, 1, 3, 2],
      ['semicolon', ';', 3, 2, 3, 3],
    ]);
  });

  it('continues a word over an escaped line break and keeps the line count right', () => {
    expect(shape('a\\\nb c;')).toEqual([
      ['word', 'a\\\nb', 1, 1, 2, 2],
      ['word', 'c', 2, 3, 2, 4],
      ['semicolon', ';', 2, 4, 2, 5],
    ]);
  });

  it('handles long runs of special characters in one pass', () => {
    const size = 200_000;
    expect(words('$'.repeat(size) + '{'.repeat(size) + ';')).toEqual(['$'.repeat(size) + '{'.repeat(size)]);
    expect(lex('\\'.repeat(size)).filter((t) => t.kind === 'word').map((t) => t.raw.length)).toEqual([size]);
    expect(lex(`"${'\\"'.repeat(size)}"`)[0]!.value).toBe('"'.repeat(size));
    expect(lex('#'.repeat(size)).map((t) => t.kind)).toEqual(['comment', 'eof']);
  });
});

describe("nginx lexer: nginx's 4 KB token buffer", () => {
  function limitErrors(text: string): string[] {
    return lexNginx('t.conf', text)
      .errors.filter((e) => e.code === 'limit')
      .map((e) => `${e.line}:${e.column} ${e.message}`);
  }

  it('fails an unquoted word of 4096 bytes or more, quoting its first 10 bytes', () => {
    expect(limitErrors(`x ${'a'.repeat(4095)} y;`)).toEqual([]);
    expect(limitErrors(`x\n  ${'a'.repeat(4096)} y;`)).toEqual(['2:3 too long parameter "aaaaaaaaaa..." started']);
    // Counted in UTF-8 bytes: 2048 two-byte characters fill the buffer.
    expect(limitErrors(`${'é'.repeat(2047)} y;`)).toEqual([]);
    expect(limitErrors(`${'é'.repeat(2048)} y;`)).toEqual([`1:1 too long parameter "${'é'.repeat(5)}..." started`]);
  });

  it('leaves a word of exactly 4096 bytes at the end of the file to the end-of-file error, as nginx does', () => {
    expect(limitErrors('a'.repeat(4096))).toEqual([]);
    expect(limitErrors('a'.repeat(4097))).toEqual(['1:1 too long parameter "aaaaaaaaaa..." started']);
  });

  it("fails a quoted word that cannot close within the buffer, with nginx's two wordings", () => {
    expect(limitErrors(`"${'a'.repeat(4094)}" y;`)).toEqual([]);
    expect(limitErrors(`"${'a'.repeat(4095)}" y;`)).toEqual(['1:1 too long parameter "aaaaaaaaaa..." started']);
    expect(limitErrors(`'${'a'.repeat(4096)}' y;`)).toEqual([`1:1 too long parameter, probably missing terminating "'" character`]);
    expect(limitErrors(`return 200 "${'lorem '.repeat(1000)}`)).toEqual([
      '1:12 too long parameter, probably missing terminating """ character',
    ]);
  });

  it('fails a comment line of 4096 bytes or more', () => {
    expect(limitErrors(`#${'x'.repeat(4094)}\ny;`)).toEqual([]);
    expect(limitErrors(`#${'x'.repeat(4095)}\ny;`)).toEqual(['1:1 too long parameter "#xxxxxxxxx..." started']);
  });
});
