import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseCommand } from '../src/cli/commands/parse.js';
import type { CrossplanePayload } from '../src/languages/nginx/crossplane.js';

/**
 * Conformance with crossplane 0.5.8: every payload stored in the shared corpus must come out
 * the same, except where crossplane disagrees with nginx; each of those differences has its own
 * test below that shows crossplane's output next to hoplint's nginx-faithful one.
 */
const corpus = fileURLToPath(new URL('../../shared/corpus/crossplane/', import.meta.url));

const VARIANTS = [
  { suffix: '', flags: [] as string[] },
  { suffix: '.comments', flags: ['--include-comments'] },
  { suffix: '.combine', flags: ['--combine'] },
];

async function runParse(args: string[], cwd: string): Promise<{ code: number; payload: CrossplanePayload; stdout: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await parseCommand(args, { stdout, stderr, stdin: new PassThrough(), cwd, env: {} });
  return { code, payload: JSON.parse(out) as CrossplanePayload, stdout: out };
}

function stored(caseName: string, stem: string, suffix: string): CrossplanePayload {
  return JSON.parse(readFileSync(join(corpus, caseName, `${stem}.crossplane${suffix}.json`), 'utf8')) as CrossplanePayload;
}

interface CorpusRun {
  caseName: string;
  stem: string;
  suffix: string;
  flags: string[];
}

function corpusRuns(): CorpusRun[] {
  const runs: CorpusRun[] = [];
  for (const caseName of readdirSync(corpus).sort()) {
    if (!existsSync(join(corpus, caseName)) || caseName.endsWith('.md')) continue;
    for (const conf of readdirSync(join(corpus, caseName)).filter((f) => f.endsWith('.conf')).sort()) {
      const stem = conf.slice(0, -'.conf'.length);
      for (const variant of VARIANTS) {
        if (existsSync(join(corpus, caseName, `${stem}.crossplane${variant.suffix}.json`))) {
          runs.push({ caseName, stem, suffix: variant.suffix, flags: variant.flags });
        }
      }
    }
  }
  return runs;
}

/** Cases where crossplane is not nginx; each is asserted by name below. */
const DIFFERENCES = new Set([
  'messy/nginx', // `${var}` followed by a space
  'quote-behavior/nginx', // text glued after a closing quote
  'missing-semicolon/broken-above', // line of a missing `;`
  'missing-semicolon/broken-below',
  'lua-block-larger/nginx', // contexts of *_by_lua_block directives
  'lua-block-simple/nginx',
]);

const runs = corpusRuns();

describe('crossplane corpus: identical payloads', () => {
  it('finds the corpus', () => {
    expect(runs.length).toBeGreaterThanOrEqual(54);
  });

  for (const run of runs.filter((r) => !DIFFERENCES.has(`${r.caseName}/${r.stem}`))) {
    it(`${run.caseName}/${run.stem}.conf ${run.flags.join(' ') || '(plain)'}`, async () => {
      const { code, payload } = await runParse([...run.flags, `${run.caseName}/${run.stem}.conf`], corpus);
      const expected = stored(run.caseName, run.stem, run.suffix);
      expect(payload).toEqual(expected);
      expect(code).toBe(expected.status === 'ok' ? 0 : 1);
    });
  }
});

/** Adds errors to a stored payload the way crossplane would have printed them. */
function withErrors(payload: CrossplanePayload, errors: { file: string; error: string; line: number }[]): CrossplanePayload {
  const copy = structuredClone(payload);
  copy.status = 'failed';
  copy.errors = errors;
  const combined = copy.config.length === 1 && errors.some((e) => e.file !== copy.config[0]!.file);
  for (const config of copy.config) {
    const mine = errors.filter((e) => combined || e.file === config.file).map((e) => ({ error: e.error, line: e.line }));
    config.errors = mine;
    config.status = mine.length > 0 ? 'failed' : 'ok';
  }
  return copy;
}

/** Finds statements anywhere in a payload, in document order. */
function findAll(payload: CrossplanePayload, match: (s: { directive: string; args: string[] }) => boolean) {
  type Statement = CrossplanePayload['config'][number]['parsed'][number];
  const found: Statement[] = [];
  const visit = (list: Statement[]): void => {
    for (const statement of list) {
      if (match(statement)) found.push(statement);
      if (statement.block) visit(statement.block);
    }
  };
  for (const config of payload.config) visit(config.parsed);
  return found;
}

describe('crossplane differs from nginx: `${var}` followed by whitespace (messy)', () => {
  for (const variant of VARIANTS) {
    it(`keeps /abc/\${uri} and /abc/\${uri}.html as two arguments ${variant.flags.join(' ')}`, async () => {
      const crossplane = stored('messy', 'nginx', variant.suffix);
      const crossplaneTryFiles = findAll(crossplane, (s) => s.directive === 'try_files');
      expect(crossplaneTryFiles.map((s) => s.args)).toEqual([['/abc/${uri} /abc/${uri}.html', '=404']]);

      const { code, payload } = await runParse([...variant.flags, 'messy/nginx.conf'], corpus);
      expect(findAll(payload, (s) => s.directive === 'try_files').map((s) => s.args)).toEqual([['/abc/${uri}', '/abc/${uri}.html', '=404']]);
      for (const statement of crossplaneTryFiles) statement.args = ['/abc/${uri}', '/abc/${uri}.html', '=404'];
      expect(payload).toEqual(crossplane);
      expect(code).toBe(0);
    });
  }
});

describe('crossplane differs from nginx: text glued after a closing quote (quote-behavior)', () => {
  for (const variant of VARIANTS) {
    it(`reports unexpected "-" and unexpected "l" like nginx ${variant.flags.join(' ')}`, async () => {
      const crossplane = stored('quote-behavior', 'nginx', variant.suffix);
      expect(crossplane.status).toBe('ok');
      const { code, payload } = await runParse([...variant.flags, 'quote-behavior/nginx.conf'], corpus);
      const file = 'quote-behavior/nginx.conf';
      expect(payload).toEqual(
        withErrors(crossplane, [
          { file, error: `unexpected "-" in ${file}:1`, line: 1 },
          { file, error: `unexpected "l" in ${file}:2`, line: 2 },
        ]),
      );
      expect(code).toBe(1);
    });
  }
});

describe('crossplane differs from nginx: the line of a missing `;` (missing-semicolon)', () => {
  for (const [stem, crossplaneLine, nginxLine] of [
    ['broken-above', 4, 5],
    ['broken-below', 7, 8],
  ] as const) {
    for (const variant of VARIANTS) {
      it(`${stem}: unexpected "}" on line ${nginxLine}, not crossplane's line ${crossplaneLine} ${variant.flags.join(' ')}`, async () => {
        const file = `missing-semicolon/${stem}.conf`;
        const crossplane = stored('missing-semicolon', stem, variant.suffix);
        expect(crossplane.errors).toEqual([
          { file, error: `directive "proxy_pass" is not terminated by ";" in ${file}:${crossplaneLine}`, line: crossplaneLine },
        ]);
        const { code, payload } = await runParse([...variant.flags, file], corpus);
        expect(payload).toEqual(withErrors(crossplane, [{ file, error: `unexpected "}" in ${file}:${nginxLine}`, line: nginxLine }]));
        expect(code).toBe(1);
      });
    }
  }
});

describe('crossplane differs from nginx: contexts of Lua directives (lua-block-*)', () => {
  const cases = [
    { stem: 'lua-block-larger', directive: 'content_by_lua_block', line: 2 },
    { stem: 'lua-block-simple', directive: 'log_by_lua_block', line: 36 },
  ];
  for (const { stem, directive, line } of cases) {
    for (const variant of VARIANTS) {
      it(`${stem}: "${directive}" directive is not allowed here ${variant.flags.join(' ')}`, async () => {
        const file = `${stem}/nginx.conf`;
        const crossplane = stored(stem, 'nginx', variant.suffix);
        expect(crossplane.status).toBe('ok');
        const { code, payload } = await runParse([...variant.flags, file], corpus);
        // lua-nginx-module only allows these in other contexts; like any rejected directive, it leaves `parsed`.
        const expected = withErrors(crossplane, [{ file, error: `"${directive}" directive is not allowed here in ${file}:${line}`, line }]);
        const stack = expected.config.map((c) => c.parsed);
        while (stack.length > 0) {
          const list = stack.pop()!;
          const at = list.findIndex((s) => s.directive === directive && s.line === line);
          if (at >= 0) list.splice(at, 1);
          for (const s of list) if (s.block) stack.push(s.block);
        }
        expect(payload).toEqual(expected);
        expect(code).toBe(1);
      });
    }
  }
});

describe('crossplane differs from nginx: escape decoding', () => {
  it('prints arguments raw like crossplane and nginx-decoded in argsDecoded (--positions)', async () => {
    const crossplane = stored('messy', 'nginx', '');
    const [crossplaneReturn] = findAll(crossplane, (s) => s.directive === 'return' && s.args[0] === '200' && s.args[1]!.startsWith('Ser'));
    const raw = 'Ser" \' \' ver\\\\ \\ $server_addr:\\$server_port\\n\\nTime: $time_local\\n\\n';
    expect(crossplaneReturn!.args[1]).toBe(raw);
    const { payload } = await runParse(['--positions', 'messy/nginx.conf'], corpus);
    const [ours] = findAll(payload, (s) => s.directive === 'return' && s.args[0] === '200' && s.args[1]!.startsWith('Ser')) as {
      args: string[];
      argsDecoded?: string[];
      line: number;
      column?: number;
      endLine?: number;
      endColumn?: number;
    }[];
    expect(ours!.args[1]).toBe(raw);
    expect(ours!.argsDecoded![1]).toBe('Ser" \' \' ver\\ \\ $server_addr:\\$server_port\n\nTime: $time_local\n\n');
    expect([ours!.line, ours!.column, ours!.endLine, ours!.endColumn]).toEqual([10, 9, 10, 94]);
  });
});

describe('crossplane differs from nginx: cases outside the corpus', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hoplint-crossplane-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function parseCase(name: string, files: Record<string, string>, flags: string[] = []) {
    for (const [path, text] of Object.entries(files)) {
      await mkdir(join(dir, name, path, '..'), { recursive: true });
      await writeFile(join(dir, name, path), text);
    }
    return runParse([...flags, `${name}/nginx.conf`], dir);
  }

  it('`}` inside a word: nginx reads `a}b` as one argument', async () => {
    const { code, payload } = await parseCase('brace-in-word', {
      'nginx.conf': 'events {}\nhttp {\n    server {\n        location / { return 200 a}b; }\n    }\n}\n',
    });
    expect(findAll(payload, (s) => s.directive === 'return').map((s) => s.args)).toEqual([['200', 'a}b']]);
    expect(payload.status).toBe('ok');
    expect(code).toBe(0);
    // crossplane ends the word at `}`, which closes the location, then fails on `b`:
    const crossplaneHad = { returnArgs: ['200', 'a'], error: 'directive "return" is not terminated by ";"' };
    expect(findAll(payload, (s) => s.directive === 'return')[0]!.args).not.toEqual(crossplaneHad.returnArgs);
  });

  it('include inside if and limit_except: nginx accepts it (NGX_ANY_CONF)', async () => {
    const { code, payload } = await parseCase('include-in-if', {
      'nginx.conf':
        'events {}\nhttp {\n    server {\n        if ($bad) {\n            include forbid.conf;\n        }\n        location / {\n            limit_except GET {\n                include deny.conf;\n            }\n        }\n    }\n}\n',
      'forbid.conf': 'return 403;\n',
      'deny.conf': 'deny all;\n',
    });
    // crossplane: `"include" directive is not allowed here in include-in-if/nginx.conf:5` (and :9).
    const crossplaneErrors = [5, 9].map((line) => `"include" directive is not allowed here in include-in-if/nginx.conf:${line}`);
    expect(payload.errors.map((e) => e.error)).not.toEqual(crossplaneErrors);
    expect(payload.errors).toEqual([]);
    expect(findAll(payload, (s) => s.directive === 'include').map((s) => s.args)).toEqual([['forbid.conf'], ['deny.conf']]);
    expect(code).toBe(0);
  });

  it('Tengine directives: known to hoplint even with --strict', async () => {
    const conf = {
      'nginx.conf':
        'events {}\nhttp {\n    upstream backend {\n        server 10.0.0.1:80;\n        check interval=3000 rise=2 fall=5 timeout=1000 type=http;\n        check_http_send "HEAD / HTTP/1.0\\r\\n\\r\\n";\n        check_http_expect_alive http_2xx http_3xx;\n    }\n}\n',
    };
    const { code, payload } = await parseCase('tengine', conf, ['--strict']);
    // crossplane --strict: unknown directive "check" / "check_http_send" / "check_http_expect_alive".
    const crossplaneErrors = ['check', 'check_http_send', 'check_http_expect_alive'].map((d) => `unknown directive "${d}"`);
    expect(payload.errors.map((e) => e.error.replace(/ in .*$/, ''))).not.toEqual(crossplaneErrors);
    expect(payload.errors).toEqual([]);
    expect(findAll(payload, (s) => s.directive.startsWith('check')).map((s) => s.directive)).toEqual([
      'check',
      'check_http_send',
      'check_http_expect_alive',
    ]);
    expect(code).toBe(0);
  });

  it('--strict reports unknown directives the way crossplane does and drops them', async () => {
    const { code, payload } = await runParse(['--strict', 'spelling-mistake/nginx.conf'], corpus);
    expect(payload.errors).toEqual([
      {
        file: 'spelling-mistake/nginx.conf',
        error: 'unknown directive "proxy_passs" in spelling-mistake/nginx.conf:7',
        line: 7,
      },
    ]);
    expect(findAll(payload, (s) => s.directive === 'proxy_passs')).toEqual([]);
    expect(code).toBe(1);
  });
});
