import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, type CliRun } from './support/cli.js';
import { writeTree } from './support/temp-tree.js';

const posix = process.platform !== 'win32';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, nodeArgs: string[] = []): Promise<CliRun> {
  return runCli(args, { cwd, env, nodeArgs });
}

type Finding = { ruleId: string; file: string; line: number; message: string };

function findings(stdout: string): Array<[string, string, string]> {
  return (JSON.parse(stdout) as { findings: Finding[] }).findings.map((f) => [f.ruleId, f.file, f.message]);
}

/** Every path under `root` with its size and modification time, to compare before and after a run. */
function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    const info = statSync(path, { throwIfNoEntry: false });
    out.set(relative(root, path), info ? `${info.size}:${info.mtimeMs}` : 'dangling');
  }
  return out;
}

describe.skipIf(!posix)('symlinks, directories and other paths that are not plain config files', () => {
  it('a loop of file links named like a config, a dangling one and a link back to an ancestor directory are reported; the rest is linted once', async () => {
    const dir = await writeTree({ 'hoplint.config.yaml': '{}\n', 'node/sysctl.conf': 'net.ipv4.tcp_tw_recycle = 1\n' });
    dirs.push(dir);
    mkdirSync(join(dir, 'loop'));
    symlinkSync('sysctl.d.conf', join(dir, 'loop', 'sysctl.conf'));
    symlinkSync('sysctl.conf', join(dir, 'loop', 'sysctl.d.conf'));
    symlinkSync('..', join(dir, 'node', 'parent'));
    symlinkSync('missing.conf', join(dir, 'nginx.conf'));
    const result = await run(['-f', 'json', '.'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(findings(result.stdout)).toEqual([
      ['syntax', 'loop/sysctl.conf', 'cannot read file: a loop of symlinks'],
      ['syntax', 'nginx.conf', 'cannot read file: no such file'],
      ['syntax', 'node/parent', `symlink loop: this link leads back to ${realpathSync(dir)}, which contains it; not walked`],
      ['sysctl/tcp-tw-recycle', 'node/sysctl.conf', expect.stringContaining('tcp_tw_recycle') as unknown as string],
    ]);
  });

  it('a directory named like a config file is walked, not read; an include of one is an error at the include', async () => {
    const dir = await writeTree({
      'hoplint.config.yaml': '{}\n',
      'nginx.conf/sysctl.conf': 'net.ipv4.tcp_tw_recycle = 1\n',
      'site/nginx.conf': 'events {}\nhttp {\n    include conf.d/default.conf;\n}\n',
      'site/conf.d/default.conf/README': 'a directory\n',
    });
    dirs.push(dir);
    const result = await run(['-f', 'json', '.'], dir);
    expect(result.stderr).toBe('');
    const found = findings(result.stdout);
    expect(found.map(([rule, file]) => [rule, file])).toEqual([
      ['sysctl/tcp-tw-recycle', 'nginx.conf/sysctl.conf'],
      ['syntax', 'site/nginx.conf'],
    ]);
    expect(found[1]![2]).toMatch(/conf\.d\/default\.conf.*(Is a directory|failed)/);
  });
});

describe.skipIf(!posix)('hoplint only reads: no writes, no processes, no network', () => {
  it('a lint in every format, parse, rules and explain leave the tree, HOME and TMPDIR untouched', async () => {
    const tree = await writeTree({
      'hoplint.config.yaml': '{}\n',
      'nginx.conf': 'events {}\nhttp {\n    upstream b { server 10.0.0.1:8080; keepalive 16; }\n    server {\n        listen 80;\n        location / { proxy_pass http://b; }\n    }\n}\n',
      'sysctl.conf': 'net.ipv4.tcp_tw_recycle = 1\n',
      'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  selector:\n    app: a\n  ports:\n    - port: 80\n      targetPort: 8080\n',
    });
    dirs.push(tree);
    const home = tempDir('hoplint-home-');
    const scratch = tempDir('hoplint-tmp-');
    const env = { HOME: home, TMPDIR: scratch, XDG_CACHE_HOME: join(home, '.cache'), XDG_CONFIG_HOME: join(home, '.config') };
    const before = snapshot(tree);
    for (const args of [['.'], ['-f', 'json', '.'], ['-f', 'sarif', '.'], ['-f', 'github', '.'], ['-f', 'junit', '.'], ['--fix-dry-run', '.'], ['parse', 'nginx.conf'], ['rules'], ['explain', 'nginx/proxy-http-version']]) {
      const result = await run(args, tree, env);
      expect(result.code === 0 || result.code === 1, `${args.join(' ')}: ${result.stderr}`).toBe(true);
    }
    expect(snapshot(tree)).toEqual(before);
    expect(readdirSync(home)).toEqual([]);
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('--output writes that file and --fix the files it fixes, nothing else', async () => {
    const tree = await writeTree({ 'hoplint.config.yaml': '{}\n', 'nginx.conf': 'events {}\nhttp {\n    gzip on;\n}\n', 'sysctl.conf': 'net.ipv4.tcp_tw_recycle = 1\n' });
    dirs.push(tree);
    const before = snapshot(tree);
    const output = await run(['-f', 'json', '--output', 'report.json', '.'], tree);
    expect(output.code).toBe(1);
    const afterOutput = snapshot(tree);
    expect([...afterOutput.keys()].filter((path) => !before.has(path))).toEqual(['report.json']);
    afterOutput.delete('report.json');
    expect(afterOutput).toEqual(before);

    const fix = await run(['--fix-unsafe', 'sysctl.conf', 'nginx.conf'], tree);
    expect(fix.stderr).toBe('hoplint: fixed 1 problem in 1 file\n');
    const afterFix = snapshot(tree);
    const changed = [...afterFix].filter(([path, stamp]) => path !== 'report.json' && before.get(path) !== stamp).map(([path]) => path);
    expect(changed).toEqual(['sysctl.conf']);
    expect(readFileSync(join(tree, 'sysctl.conf'), 'utf8')).toBe('');
  });

  it('linting every bundled example opens no socket, resolves no name and starts no process, whatever the files say', async () => {
    const log = join(tempDir('hoplint-guard-'), 'calls.log');
    const guard = join(tempDir('hoplint-guard-'), 'guard.cjs');
    writeFileSync(
      guard,
      [
        "const fs = require('node:fs');",
        'const record = (what) => () => { fs.appendFileSync(process.env.HOPLINT_GUARD_LOG, what + "\\n"); throw new Error("blocked: " + what); };',
        "const net = require('node:net');",
        "net.Socket.prototype.connect = record('net.Socket.connect');",
        "for (const [name, mod] of [['net', net], ['tls', require('node:tls')], ['dgram', require('node:dgram')], ['http', require('node:http')], ['https', require('node:https')], ['dns', require('node:dns')], ['child_process', require('node:child_process')]]) {",
        "  for (const key of ['connect', 'createConnection', 'createSocket', 'request', 'get', 'lookup', 'resolve', 'resolve4', 'spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {",
        "    if (typeof mod[key] === 'function') mod[key] = record(name + '.' + key);",
        '  }',
        '}',
        "globalThis.fetch = record('fetch');",
      ].join('\n'),
    );
    const extra = await writeTree({
      'hoplint.config.yaml': '{}\n',
      'nginx.conf': 'events {}\nhttp {\n    server {\n        listen 80;\n        location / { proxy_pass http://example.com:80; }\n        location /lua { content_by_lua_block { os.execute("touch /tmp/hoplint-pwned") } }\n    }\n}\n',
      'evil.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  annotations:\n    run: "$(touch /tmp/hoplint-pwned)"\ndata:\n  plugin: ./evil.mjs\n',
      'evil.mjs': "import { writeFileSync } from 'node:fs';\nwriteFileSync('/tmp/hoplint-pwned', 'x');\n",
    });
    dirs.push(extra);
    for (const [args, cwd] of [
      [['-f', 'json', 'examples'], REPO_ROOT],
      [['-f', 'sarif', '.'], extra],
      [['parse', 'nginx.conf'], extra],
    ] as const) {
      const result = await run([...args], cwd, { HOPLINT_GUARD_LOG: log }, ['--require', guard]);
      expect(result.stderr).toBe('');
      expect(result.code === 0 || result.code === 1).toBe(true);
    }
    expect(() => readFileSync(log, 'utf8')).toThrow();
    expect(() => statSync('/tmp/hoplint-pwned')).toThrow();
  });
});
