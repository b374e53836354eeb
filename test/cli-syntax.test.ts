import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { writeTree } from './support/temp-tree.js';

const posix = process.platform !== 'win32';

const trees: string[] = [];
afterEach(async () => {
  for (const tree of trees.splice(0)) await rm(tree, { recursive: true, force: true });
});

type Json = { findings: Array<{ ruleId: string; file: string; line: number; column: number; endLine: number; endColumn: number; message: string }> };

async function lintJson(files: Record<string, string | Uint8Array>, args: string[] = []): Promise<{ code: number | null; json: Json; dir: string }> {
  const dir = await writeTree({ 'hoplint.config.yaml': '{}\n', ...files });
  trees.push(dir);
  const run = await runCli(['-f', 'json', ...args], { cwd: dir });
  expect(run.stderr).toBe('');
  return { code: run.code, json: JSON.parse(run.stdout) as Json, dir };
}

const GOOD_TYPO = 'events {}\nhttp {\n    gzipp on;\n}\n';

describe('the syntax path: what cannot be read or parsed is a positioned finding and the rest is still linted', () => {
  it('malformed nginx in one tree, a finding in another', async () => {
    const { code, json } = await lintJson({ 'broken/nginx.conf': 'events {}\nhttp {\n    server {\n        listen 80\n    }\n', 'ok/nginx.conf': GOOD_TYPO });
    expect(code).toBe(1);
    expect(json.findings.map(({ ruleId, file, line }) => [ruleId, file, line])).toEqual([
      ['syntax', 'broken/nginx.conf', 5],
      ['syntax', 'broken/nginx.conf', 6],
      ['nginx/unknown-directive', 'ok/nginx.conf', 3],
    ]);
  });

  it.skipIf(!posix)('a FIFO met while walking is reported and never waited on; the other files are linted', async () => {
    const dir = await writeTree({ 'hoplint.config.yaml': '{}\n', 'ok/nginx.conf': GOOD_TYPO });
    trees.push(dir);
    execFileSync('mkfifo', [join(dir, 'nginx.conf')]);
    const run = await runCli(['-f', 'json', '.'], { cwd: dir });
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as Json;
    expect(json.findings.map(({ ruleId, file, line, message }) => [ruleId, file, line, message])).toEqual([
      ['syntax', 'nginx.conf', 1, 'not read: it is a FIFO (named pipe); name it on the command line to lint what is written to it'],
      ['nginx/unknown-directive', 'ok/nginx.conf', 3, 'unknown directive "gzipp"; did you mean "gzip"?'],
    ]);
  });

  it.skipIf(!posix)('a FIFO named on the command line is linted from its writer, and one without a writer is reported', async () => {
    const dir = await writeTree({ 'hoplint.config.yaml': '{}\n' });
    trees.push(dir);
    execFileSync('mkfifo', [join(dir, 'sysctl.conf'), join(dir, 'nginx.conf')]);
    const writer = spawn('sh', ['-c', 'printf "net.ipv4.tcp_tw_recycle = 1\\n" > sysctl.conf'], { cwd: dir });
    const run = await runCli(['-f', 'json', 'sysctl.conf', 'nginx.conf'], { cwd: dir });
    writer.kill();
    const json = JSON.parse(run.stdout) as Json;
    expect(json.findings.map(({ ruleId, file, line }) => [ruleId, file, line])).toEqual([
      ['syntax', 'nginx.conf', 1],
      ['sysctl/tcp-tw-recycle', 'sysctl.conf', 1],
    ]);
    expect(json.findings[0]!.message).toBe('cannot read file: it is a FIFO (named pipe) that no process writes to');
  });

  it.skipIf(!existsSync('/dev/zero'))('a device named on the command line is reported, not read forever', async () => {
    const dir = await writeTree({ 'hoplint.config.yaml': '{}\n' });
    trees.push(dir);
    const run = await runCli(['-f', 'json', '/dev/zero'], { cwd: dir });
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as Json;
    expect(json.findings.map(({ ruleId, file, message }) => [ruleId, file, message])).toEqual([['syntax', '/dev/zero', 'cannot read file: it is a device, not a config file']]);
  });

  it('an include graph that doubles at each of 31 levels stops at the inclusion limit with one finding', async () => {
    const levels: Record<string, string> = {};
    for (let i = 0; i < 31; i++) levels[`l${i}.conf`] = `include l${i + 1}.conf;\ninclude l${i + 1}.conf;\n`;
    levels['l31.conf'] = 'add_header X-A b;\n';
    const { code, json } = await lintJson({ 'nginx.conf': 'events {}\nhttp {\n    server {\n        listen 80;\n        include l0.conf;\n    }\n}\n', ...levels });
    expect(code).toBe(1);
    expect(json.findings).toHaveLength(1);
    expect(json.findings[0]).toMatchObject({ ruleId: 'syntax', line: 2, column: 1, endLine: 2, endColumn: 8, message: 'too many file inclusions to check (more than 20000)' });
    expect(json.findings[0]!.file).toMatch(/^l\d+\.conf$/);
  });

  it('a binary file, an oversized file and invalid UTF-8, each at 1:1 or at the bad byte', async () => {
    const { json, dir } = await lintJson({
      'bin/nginx.conf': new Uint8Array([0x65, 0x76, 0x00, 0x01, 0x02]),
      'big/sysctl.conf': '',
      'latin1/sysctl.conf': new Uint8Array([...Buffer.from('net.core.somaxconn = 1024\n# caf'), 0xe9, 0x0a]),
      'ok/nginx.conf': GOOD_TYPO,
    });
    expect(json.findings).toHaveLength(3);
    await truncate(join(dir, 'big', 'sysctl.conf'), 11 * 1024 * 1024);
    const run = await runCli(['-f', 'json'], { cwd: dir });
    const findings = (JSON.parse(run.stdout) as Json).findings.map(({ ruleId, file, line, column, message }) => ({ ruleId, file, line, column, message }));
    expect(findings).toEqual([
      { ruleId: 'syntax', file: 'big/sysctl.conf', line: 1, column: 1, message: 'file is 11.0 MiB; hoplint reads config files up to 10.0 MiB' },
      { ruleId: 'syntax', file: 'bin/nginx.conf', line: 1, column: 1, message: 'binary file (contains NUL bytes); hoplint reads text config files' },
      { ruleId: 'syntax', file: 'latin1/sysctl.conf', line: 2, column: 6, message: 'file is not valid UTF-8; save it as UTF-8' },
      { ruleId: 'nginx/unknown-directive', file: 'ok/nginx.conf', line: 3, column: 5, message: 'unknown directive "gzipp"; did you mean "gzip"?' },
    ]);
  });

  it("a missing include is an error at the include's argument", async () => {
    const { json } = await lintJson({ 'nginx.conf': 'events {}\nhttp {\n    include missing.conf;\n}\n' });
    expect(json.findings.map(({ ruleId, line, column }) => [ruleId, line, column])).toEqual([['syntax', 3, 13]]);
    expect(json.findings[0]!.message).toMatch(/missing\.conf/);
  });

  it('invalid YAML, invalid JSON and a malformed sysctl line, each positioned', async () => {
    const { json } = await lintJson({
      'k8s/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: "unterminated\n',
      'cni/10-net.conflist': '{\n  "cniVersion": "1.0.0",\n  "plugins": [\n}\n',
      'sysctl.d/10.conf': 'net.core.somaxconn = 4096\nkernel.panic\n',
    });
    expect(json.findings.map(({ ruleId, file, line }) => [ruleId, file, line])).toEqual([
      ['syntax', 'cni/10-net.conflist', 4],
      ['syntax', 'k8s/deploy.yaml', 5],
      ['syntax', 'sysctl.d/10.conf', 2],
    ]);
    expect(json.findings[0]!.message).toBe("invalid JSON: Unexpected token '}'");
    expect(json.findings[2]!.message).toBe('line is not an assignment: expected "key = value", got "kernel.panic"');
  });

  it('a file named on the command line whose language cannot be told is a finding, not a silent skip', async () => {
    const { code, json } = await lintJson({ 'notes.txt': 'hello\n' }, ['notes.txt']);
    expect(code).toBe(1);
    expect(json.findings.map(({ ruleId, file, message }) => [ruleId, file, message])).toEqual([
      ['syntax', 'notes.txt', 'hoplint cannot tell which config language this file is; list it under `files.<nginx|sysctl|kubernetes|network>` in hoplint.config.yaml'],
    ]);
  });
});
