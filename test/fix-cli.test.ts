import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { writeTree } from './support/temp-tree.js';

const trees: string[] = [];
afterEach(async () => {
  for (const tree of trees.splice(0)) await rm(tree, { recursive: true, force: true });
});

async function tree(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await writeTree({ 'hoplint.config.yaml': 'environment: {}\n', ...files });
  trees.push(dir);
  return dir;
}

const CRLF_NGINX = [
  '# gateway  (CRLF on purpose)',
  'events {}',
  'http {',
  '    upstream backend {',
  '        server 10.0.0.1:8080;',
  '        keepalive 16;',
  '    }',
  '    server {',
  '        location / {',
  '\t\t\tproxy_pass http://backend;   # keep this comment',
  '        }',
  '    }',
  '}',
  '',
].join('\r\n');

const VERSION_LINE = '\t\t\tproxy_http_version 1.1;\r\n';
const HEADER_LINE = '\t\t\tproxy_set_header Connection "";\r\n';
/** The two insertions collide (same offset) and land over two passes; which comes first is the rules' business. */
const FIXED_CRLF_NGINX = [VERSION_LINE + HEADER_LINE, HEADER_LINE + VERSION_LINE].map((lines) => CRLF_NGINX.replace('\t\t\tproxy_pass', `${lines}\t\t\tproxy_pass`));

const SYSCTL = '# tuned\nnet.ipv4.tcp_tw_recycle = 1\nnet.core.somaxconn = 4096\n';

describe('--fix', () => {
  it('applies the safe fixes in place, over several passes, keeping CRLF, tabs and comments', async () => {
    const dir = await tree({ 'nginx.conf': CRLF_NGINX });
    const run = await runCli(['--fix', '-f', 'json'], { cwd: dir });
    expect(FIXED_CRLF_NGINX).toContain(readFileSync(join(dir, 'nginx.conf'), 'utf8'));
    expect(run.stderr).toBe('hoplint: fixed 2 problems in 1 file\n');
    expect(JSON.parse(run.stdout).findings).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('leaves unsafe fixes to --fix-unsafe and says how many there are', async () => {
    const dir = await tree({ 'sysctl.conf': SYSCTL });
    const safe = await runCli(['--fix', '-f', 'json', '--rule', 'sysctl/tcp-tw-recycle=error'], { cwd: dir });
    expect(readFileSync(join(dir, 'sysctl.conf'), 'utf8')).toBe(SYSCTL);
    expect(safe.stderr).toContain('1 more problem can be fixed with --fix-unsafe');
    expect(safe.code).toBe(1);

    const unsafe = await runCli(['--fix-unsafe', '-f', 'json'], { cwd: dir });
    expect(readFileSync(join(dir, 'sysctl.conf'), 'utf8')).toBe('# tuned\nnet.core.somaxconn = 4096\n');
    expect(JSON.parse(unsafe.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('sysctl/tcp-tw-recycle');
  });

  it('keeps a byte order mark', async () => {
    const dir = await tree({ 'nginx.conf': `\uFEFF${CRLF_NGINX}` });
    await runCli(['--fix'], { cwd: dir });
    expect(FIXED_CRLF_NGINX.map((text) => `\uFEFF${text}`)).toContain(readFileSync(join(dir, 'nginx.conf'), 'utf8'));
  });

  it('never rewrites a file that is not valid UTF-8, and says so', async () => {
    const latin1 = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(`\n${CRLF_NGINX}`)]);
    const dir = await tree({ 'nginx.conf': latin1 });
    const run = await runCli(['--fix'], { cwd: dir });
    expect(readFileSync(join(dir, 'nginx.conf')).equals(latin1)).toBe(true);
    expect(run.stderr).toContain('hoplint: not fixing nginx.conf: it is not valid UTF-8');
    expect(run.code).toBe(1);
  });
});

describe('--fix-dry-run', () => {
  it('prints a unified diff that patch applies, writes nothing, and reports what would remain', async () => {
    const dir = await tree({ 'nginx.conf': CRLF_NGINX, 'sysctl.conf': SYSCTL });
    const run = await runCli(['--fix-dry-run', '--fix-unsafe', '--rule', 'sysctl/tcp-tw-recycle=error', '-o', 'report.json', '-f', 'json'], { cwd: dir });
    expect(readFileSync(join(dir, 'nginx.conf'), 'utf8')).toBe(CRLF_NGINX);
    expect(readFileSync(join(dir, 'sysctl.conf'), 'utf8')).toBe(SYSCTL);
    expect(run.stdout).toContain('--- a/nginx.conf\n+++ b/nginx.conf\n@@ -7,6 +7,8 @@\n');
    expect(run.stdout).toContain('--- a/sysctl.conf\n+++ b/sysctl.conf\n@@ -1,3 +1,2 @@\n # tuned\n-net.ipv4.tcp_tw_recycle = 1\n net.core.somaxconn = 4096\n');
    expect(run.stderr).toBe('hoplint: would fix 3 problems in 2 files\n');
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).findings).toEqual([]);
    expect(run.code).toBe(0);

    const patch = spawnSync('patch', ['--binary', '-s', '-p1', '-d', dir], { input: run.stdout, encoding: 'utf8' });
    expect(patch.status, patch.stderr).toBe(0);
    expect(FIXED_CRLF_NGINX).toContain(readFileSync(join(dir, 'nginx.conf'), 'utf8'));
  });

  it('shows the fixes of standard input as a diff; --fix with --stdin is a usage error', async () => {
    const dir = await tree({});
    const text = 'events {}\nhttp {\n    server {\n        location / {\n            proxy_http_version 1.0;\n            proxy_pass http://b;\n        }\n    }\n}\n';
    const dry = await runCli(['--stdin', '--stdin-filename', 'nginx.conf', '--fix-dry-run'], { cwd: dir, stdin: text });
    expect(dry.stdout).toBe(
      '--- a/nginx.conf\n+++ b/nginx.conf\n@@ -2,7 +2,7 @@\n http {\n     server {\n         location / {\n-            proxy_http_version 1.0;\n+            proxy_http_version 1.1;\n             proxy_pass http://b;\n         }\n     }\n',
    );
    const write = await runCli(['--stdin', '--stdin-filename', 'nginx.conf', '--fix'], { cwd: dir, stdin: text });
    expect([write.code, write.stderr]).toEqual([2, 'hoplint: --fix cannot write to standard input; use --fix-dry-run to see the diff\n']);
  });
});
