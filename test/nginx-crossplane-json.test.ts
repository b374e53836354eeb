import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diskHost, type FileHost } from '../src/core/host.js';
import { toCrossplanePayload, type CrossplaneOptions } from '../src/languages/nginx/crossplane.js';
import { writeCrossplaneJson } from '../src/languages/nginx/crossplane-json.js';
import { loadNginxConfig } from '../src/languages/nginx/load.js';

/**
 * `hoplint parse` prints the payload with a streaming writer; `toCrossplanePayload` builds it as
 * objects. The two must agree byte for byte with what crossplane's Python prints:
 * `JSON.stringify` with every non-ASCII character escaped.
 */
const corpus = fileURLToPath(new URL('../../shared/corpus/crossplane/', import.meta.url));

const OPTIONS: (CrossplaneOptions & { indent?: number })[] = [
  {},
  { indent: 2 },
  { combine: true },
  { includeComments: true, indent: 4 },
  { strict: true, positions: true },
  { combine: true, includeComments: true, positions: true, indent: 1 },
  { combine: true, strict: true, indent: 10 },
];

function pythonJson(value: unknown, indent: number | undefined): string {
  return JSON.stringify(value, null, indent).replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function hostAt(dir: string): FileHost {
  return {
    readFile: (path) => diskHost.readFile(join(dir, path)),
    stat: (path) => diskHost.stat(join(dir, path)),
    readDir: (path) => diskHost.readDir(join(dir, path)),
  };
}

async function expectSameText(dir: string, root: string, options: CrossplaneOptions & { indent?: number }): Promise<number> {
  const config = await loadNginxConfig(root, { host: hostAt(dir) });
  const chunks: string[] = [];
  const status = writeCrossplaneJson(config, options, (chunk) => chunks.push(chunk));
  const payload = toCrossplanePayload(config, options);
  expect(chunks.join('')).toBe(pythonJson(payload, options.indent));
  expect(status).toBe(payload.status);
  return chunks.length;
}

describe('crossplane JSON writer: the same text as the payload stringified', () => {
  const roots = readdirSync(corpus)
    .filter((name) => existsSync(join(corpus, name, 'nginx.conf')))
    .sort();

  it('finds the corpus', () => {
    expect(roots.length).toBeGreaterThanOrEqual(15);
  });

  for (const name of roots) {
    it(`${name}/nginx.conf`, async () => {
      for (const options of OPTIONS) await expectSameText(corpus, `${name}/nginx.conf`, options);
    });
  }

  describe('text outside the corpus', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'hoplint-crossplane-json-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('escapes quotes, backslashes, control and non-ASCII characters, across chunks and files', async () => {
      const server = (i: number): string =>
        [
          `  server { # caf\u00e9 ${i} \u0001\\`,
          `    server_name "a\\"b${i}" 'c\\'d' e\\\\f \u20ac\u{1F600} \b\f\u000b x"y s${i}.example.test;`,
          `    location / { return 200 "tab\there\u007f\u001b"; }`,
          '    if ($x = "(y)") { return 404; }',
          '    if ( $a ) { return 403; }',
          `    set $z \u00ff\u00fe${i};`,
          '    content_by_lua_block { ngx.say("h\u00e9") }',
          '    proxy_pass;',
          '    unknown_directive on;',
          '  }',
        ].join('\n');
      const servers = Array.from({ length: 400 }, (_, i) => server(i)).join('\n');
      await mkdir(join(dir, 'many'), { recursive: true });
      await writeFile(join(dir, 'many', 'nginx.conf'), `events {}\n# caf\u00e9\nhttp {\n${servers}\n  include sub.conf;\n  include missing.conf;\n}\n`);
      await writeFile(join(dir, 'many', 'sub.conf'), 'map $a $b {\n  default 1; "\u00e9" 2;\n}\n');
      for (const options of OPTIONS) {
        const chunks = await expectSameText(dir, 'many/nginx.conf', options);
        expect(chunks).toBeGreaterThan(1);
      }
    });

    it('prints an unreadable root as a failed payload without config entries', async () => {
      for (const options of OPTIONS) await expectSameText(dir, 'no/such.conf', options);
    });
  });
});
