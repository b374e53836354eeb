import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT } from './support/cli.js';

const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function node(args: string[], cwd = REPO_ROOT): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the bundled CLI', () => {
  it('starts from the code cache the build wrote, which V8 accepts', () => {
    const probe = node(['-e', "const { loadCli } = require('./bin/load-cli.js'); const cli = loadCli(); console.log(cli.codeCache, typeof cli.main);"]);
    expect(probe).toEqual({ status: 0, stdout: 'accepted function\n', stderr: '' });
  });

  it('runs without the cache, compiling the bundle as usual', () => {
    const probe = node(['-e', "const { loadCli } = require('./bin/load-cli.js'); const cli = loadCli({ useCodeCache: false }); cli.main(['--version']).then((code) => console.log(cli.codeCache, code));"]);
    expect(probe).toEqual({ status: 0, stdout: `hoplint ${version}\nabsent 0\n`, stderr: '' });
  });

  it('a bin without a built bundle says what to run, without a stack trace', () => {
    const copy = mkdtempSync(join(tmpdir(), 'hoplint-bin-only-'));
    cpSync(join(REPO_ROOT, 'bin'), join(copy, 'bin'), { recursive: true });
    const run = node([join(copy, 'bin', 'hoplint.js'), '--version'], copy);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^hoplint: cannot load the built CLI \(ENOENT: .*hoplint\.cjs'\); run `npm run build`\n$/);
  });

  it('stops quietly, with its own exit code, when the reader closes the pipe early', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoplint-epipe-'));
    const servers = Array.from({ length: 20_000 }, (_, i) => `    server { listen ${1024 + i}; location / { return 204; } }`);
    writeFileSync(join(dir, 'nginx.conf'), `events {}\nhttp {\n${servers.join('\n')}\n}\n`);
    const child = spawn(process.execPath, [BIN, 'parse', 'nginx.conf'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('is what bin/hoplint.js runs', () => {
    expect(node([BIN, '--version'])).toEqual({ status: 0, stdout: `hoplint ${version}\n`, stderr: '' });
  });
});
