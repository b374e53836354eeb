import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseCommand } from '../src/cli/commands/parse.js';
import type { CrossplanePayload } from '../src/languages/nginx/crossplane.js';

const corpus = fileURLToPath(new URL('../../shared/corpus/crossplane/', import.meta.url));

async function run(args: string[], options: { stdin?: string; cwd?: string } = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  stdin.end(options.stdin ?? '');
  const code = await parseCommand(args, { stdout, stderr, stdin, cwd: options.cwd ?? corpus, env: {} });
  return { code, stdout: out, stderr: err };
}

function payloadOf(stdout: string): CrossplanePayload {
  return JSON.parse(stdout) as CrossplanePayload;
}

describe('hoplint parse', () => {
  it('prints exactly what crossplane printed with --indent 2, non-ASCII escaped like Python', async () => {
    for (const name of ['russian-text', 'non-unicode', 'simple']) {
      const { code, stdout } = await run(['--indent', '2', `${name}/nginx.conf`]);
      expect(stdout).toBe(readFileSync(`${corpus}${name}/nginx.crossplane.json`, 'utf8'));
      expect(code).toBe(0);
    }
  });

  it('prints compact JSON by default and accepts -i', async () => {
    const compact = await run(['bad-args/nginx.conf']);
    expect(compact.stdout.startsWith('{"status":"failed","errors":[{"file":"bad-args/nginx.conf","error":')).toBe(true);
    expect(compact.stdout.endsWith('}\n')).toBe(true);
    expect(compact.code).toBe(1);
    const indented = await run(['-i', '4', 'bad-args/nginx.conf']);
    expect(indented.stdout.split('\n')[1]).toBe('    "status": "failed",');
  });

  it('exits 2 with a one-line usage message on bad arguments', async () => {
    for (const args of [[], ['--nope', 'x.conf'], ['a.conf', 'b.conf'], ['--indent', 'wide', 'x.conf']]) {
      const { code, stdout, stderr } = await run(args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.split('\n')[0]).toMatch(/^hoplint parse: /);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('reports a missing file in the payload and exits 1', async () => {
    const { code, stdout } = await run(['no/such.conf']);
    expect(payloadOf(stdout).errors).toEqual([
      { file: 'no/such.conf', error: "[Errno 2] No such file or directory: 'no/such.conf'", line: 1 },
    ]);
    expect(code).toBe(1);
  });

  it('reads stdin for `-`, with --context for a snippet', async () => {
    const snippet = 'listen 80;\nlocation / {\n    proxy_pass http://app;\n}\n';
    const inServer = await run(['--context', 'http,server', '-'], { stdin: snippet });
    expect(inServer.code).toBe(0);
    expect(payloadOf(inServer.stdout).config.map((c) => c.file)).toEqual(['<stdin>']);
    const atTop = await run(['-'], { stdin: snippet });
    expect(payloadOf(atTop.stdout).errors.map((e) => e.error)).toEqual([
      '"listen" directive is not allowed here in <stdin>:1',
      '"location" directive is not allowed here in <stdin>:2',
    ]);
    expect(atTop.code).toBe(1);
  });

  it('reads an `nginx -T` dump from stdin with the embedded file paths', async () => {
    const dump = [
      '# configuration file /etc/nginx/nginx.conf:',
      'events {}',
      'http {',
      '    include /etc/nginx/conf.d/*.conf;',
      '}',
      '',
      '# configuration file /etc/nginx/conf.d/app.conf:',
      'server {',
      '    listen 80;',
      '    proxy_passs http://app;',
      '}',
      '',
      '',
    ].join('\n');
    const { code, stdout } = await run(['--strict', '-'], { stdin: dump });
    const payload = payloadOf(stdout);
    expect(payload.config.map((c) => c.file)).toEqual(['/etc/nginx/nginx.conf', '/etc/nginx/conf.d/app.conf']);
    expect(payload.config[0]!.parsed[1]!.block![0]!.includes).toEqual([1]);
    expect(payload.errors).toEqual([
      {
        file: '/etc/nginx/conf.d/app.conf',
        error: 'unknown directive "proxy_passs" in /etc/nginx/conf.d/app.conf:3',
        line: 3,
      },
    ]);
    expect(code).toBe(1);
  });

  it('does not follow includes with --single-file', async () => {
    const { stdout } = await run(['--single-file', 'includes-regular/nginx.conf']);
    const payload = payloadOf(stdout);
    expect(payload.config.map((c) => c.file)).toEqual(['includes-regular/nginx.conf']);
    expect(payload.config[0]!.parsed[1]!.block![0]).toEqual({ directive: 'include', line: 3, args: ['conf.d/server.conf'] });
  });

  it('adds positions and decoded arguments with --positions', async () => {
    const { stdout } = await run(['--positions', 'simple/nginx.conf']);
    expect(payloadOf(stdout).config[0]!.parsed[0]).toEqual({
      directive: 'events',
      line: 1,
      column: 1,
      endLine: 3,
      endColumn: 2,
      args: [],
      argsDecoded: [],
      block: [
        { directive: 'worker_connections', line: 2, column: 5, endLine: 2, endColumn: 29, args: ['1024'], argsDecoded: ['1024'] },
      ],
    });
  });
});
