import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryHost } from '../bench/fuzz/memory-host.mjs';
import { checkPositions } from '../bench/fuzz/positions.mjs';
import { LineIndex } from '../src/core/source.js';
import { loadNginxConfig, parseNginxText } from '../src/languages/nginx/index.js';
import { DEFAULT_MAX_DEPTH } from '../src/languages/nginx/parser.js';
import { fuzzTarget } from './support/fuzz-api.js';
import { corpusFor, itHoldsParserProperties } from './support/parser-properties.js';

const NGINX_TOKENS = ['events', 'http', 'server', 'location', 'upstream', 'listen', 'return', ' ', '  ', 'a', '80', '/x', '"a b"', "'c'", '\\{', '$host', '${host}', 'error_page 404 /e;'];

describe('nginx parser and loader (properties)', () => {
  itHoldsParserProperties('nginx', { tokens: NGINX_TOKENS, numRuns: 80 });

  it('nests blocks thousands deep without recursion, reporting the depth limit inside the file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('a {', 'http {', 'location / {', 'if ($a) {'), fc.integer({ min: 900, max: 4000 }), fc.boolean(), async (opener, depth, closed) => {
        const text = `${opener}\n`.repeat(depth) + (closed ? '}\n'.repeat(depth) : '');
        const parsed = parseNginxText('/deep.conf', text);
        expect(parsed.errors.some((error) => error.code === 'limit')).toBe(depth > DEFAULT_MAX_DEPTH);
        if (!closed) expect(parsed.errors.some((error) => error.code === 'syntax')).toBe(true);
        expect((await fuzzTarget('nginx').run(text)).problems).toEqual([]);
      }),
      { numRuns: 8 },
    );
  });

  it('keeps positions of tokens that are very long, unterminated or escaped to the end of the file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('"', "'", '\\', '#', 'a', '$', '${', ' '), fc.integer({ min: 1, max: 60_000 }), fc.constantFrom('', 'x ', 'server { listen "'), async (unit, count, prefix) => {
        expect((await fuzzTarget('nginx').run(prefix + unit.repeat(count))).problems).toEqual([]);
      }),
      { numRuns: 12 },
    );
  });

  it('follows any include graph (cycles, self-includes, globs, missing files) without hanging, one parse per file', async () => {
    const names = ['a.conf', 'b.conf', 'c/d.conf', 'c/e.conf'];
    const line = fc.oneof(
      fc.constantFrom(...names, 'c/*.conf', '*.conf', 'missing.conf', '/fuzz/nginx.conf', 'c/[de].conf', 'c').map((target) => `include ${target};\n`),
      fc.constantFrom('events { }\n', 'http {\n', '}\n', 'server { listen 80; }\n', '"unterminated\n', '# comment\n'),
    );
    const fileText = fc.array(line, { maxLength: 6 }).map((lines) => lines.join(''));
    await fc.assert(
      fc.asyncProperty(fc.array(fileText, { minLength: names.length + 1, maxLength: names.length + 1 }), async ([root, ...others]) => {
        const files: Record<string, string> = { '/fuzz/nginx.conf': root! };
        names.forEach((name, i) => (files[`/fuzz/${name}`] = others[i]!));
        const config = await loadNginxConfig('/fuzz/nginx.conf', { host: memoryHost(files) });
        expect(config.files.size).toBeLessThanOrEqual(names.length + 1);
        const texts = new Map([...config.files].map(([file, parsed]) => [file, parsed.text]));
        expect(checkPositions(config, (file) => texts.get(file), LineIndex).problems).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('reads `nginx -T` dumps of mutated corpus files with every position inside its own file', async () => {
    const seeds = corpusFor('nginx').map((seed) => seed.text);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...seeds), { minLength: 1, maxLength: 3 }), fc.constantFrom('\n', '\r\n'), async (texts, eol) => {
        const dump = ['nginx: the configuration file /etc/nginx/nginx.conf syntax is ok', ...texts.map((text, i) => `# configuration file /etc/nginx/f${i}.conf:${eol}${text}`)].join(eol);
        const config = await loadNginxConfig('/dump.txt', { host: memoryHost({ '/dump.txt': dump }) });
        expect(config.root).toBe('/etc/nginx/f0.conf');
        const byFile = new Map([...config.files].map(([file, parsed]) => [file, parsed.text]));
        expect(checkPositions(config, (file) => byFile.get(file), LineIndex).problems).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
