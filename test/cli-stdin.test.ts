import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { writeTree } from './support/temp-tree.js';

const trees: string[] = [];
afterEach(async () => {
  for (const tree of trees.splice(0)) await rm(tree, { recursive: true, force: true });
});

describe('--stdin --stdin-filename', () => {
  it('lints standard input as the named file, with includes read from disk beside it', async () => {
    const dir = await writeTree({ 'hoplint.config.yaml': '{}\n', 'conf.d/a.conf': 'server {\n    listn 80;\n}\n' });
    trees.push(dir);
    const run = await runCli(['--stdin', '--stdin-filename', 'nginx.conf', '-f', 'github'], {
      cwd: dir,
      stdin: 'events {}\nhttp {\n    gzipp on;\n    include conf.d/*.conf;\n}\n',
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      '::warning file=conf.d/a.conf,line=2,col=5,endLine=2,endColumn=10,title=hoplint nginx/unknown-directive::unknown directive "listn"; did you mean "listen"?\n' +
        '::warning file=nginx.conf,line=3,col=5,endLine=3,endColumn=10,title=hoplint nginx/unknown-directive::unknown directive "gzipp"; did you mean "gzip"?\n',
    );
  });

  it('the name decides the language', async () => {
    const dir = await writeTree({ 'hoplint.config.yaml': '{}\n' });
    trees.push(dir);
    const run = await runCli(['--stdin', '--stdin-filename', 'etc/sysctl.d/99-tune.conf', '-f', 'json'], { cwd: dir, stdin: 'net.core.somaxconn 1024\n' });
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as { findings: Array<{ file: string; ruleId: string; line: number }> };
    expect(json.findings.map(({ file, ruleId, line }) => [file, ruleId, line])).toEqual([['etc/sysctl.d/99-tune.conf', 'syntax', 1]]);
  });

  it('paths next to --stdin are a usage error', async () => {
    const run = await runCli(['--stdin', '--stdin-filename', 'nginx.conf', 'x'], { cwd: process.cwd(), stdin: '' });
    expect([run.code, run.stderr]).toEqual([2, 'hoplint: --stdin lints standard input; do not also give paths\n']);
  });
});
