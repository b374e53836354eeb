import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from './support/cli.js';

const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('commands', () => {
  it('--version and -v', async () => {
    expect(await runCli(['--version'], { cwd: REPO_ROOT })).toMatchObject({ code: 0, stdout: `hoplint ${VERSION}\n` });
    expect(await runCli(['-v'], { cwd: REPO_ROOT })).toMatchObject({ code: 0, stdout: `hoplint ${VERSION}\n` });
  });

  it('--help lists every lint option and the commands', async () => {
    const run = await runCli(['--help'], { cwd: REPO_ROOT });
    expect(run.code).toBe(0);
    for (const flag of ['--format', '--output', '--config', '--rule', '--max-warnings', '--fail-on', '--quiet', '--stdin', '--stdin-filename', '--no-color', '--version', '--help', 'parse', 'rules', 'explain', 'init']) {
      expect(run.stdout).toContain(flag);
    }
  });

  it('rules prints a table of every rule with layer, severity, fix safety and summary', async () => {
    const run = await runCli(['rules'], { cwd: REPO_ROOT });
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^ID\s+LAYER\s+SEVERITY\s+FIXABLE\s+SUMMARY$/);
    expect(lines[1]).toMatch(/^syntax\s+core\s+error\s+-\s+A file cannot be read or parsed$/);
    expect(lines[2]).toMatch(/^unused-disable\s+core\s+warning \(opt-in\)\s+-\s+/);
    expect(run.stdout).toMatch(/\nnginx\/unknown-directive\s+nginx\s+warning\s+-\s+A directive that/);
  });

  it('rules --format json', async () => {
    const run = await runCli(['rules', '--format', 'json'], { cwd: REPO_ROOT });
    const rows = JSON.parse(run.stdout) as Array<{ id: string; layer: string; severity: string; fixable: string | null }>;
    expect(rows.find((row) => row.id === 'nginx/unknown-directive')).toMatchObject({ layer: 'nginx', severity: 'warning', fixable: null });
  });

  it('explain renders the README beside the rule under a header, then the docs link', async () => {
    const run = await runCli(['explain', 'nginx/unknown-directive'], { cwd: REPO_ROOT });
    expect(run.code).toBe(0);
    const sections = ['nginx/unknown-directive  (layer: nginx, default severity: warning, no automatic fix)', '# nginx/unknown-directive', '\n## Why\n', '\n## Bad\n', '\nDocs: '];
    let at = -1;
    for (const section of sections) {
      const next = run.stdout.indexOf(section);
      expect(next, section).toBeGreaterThan(at);
      at = next;
    }
    expect(run.stdout).toContain('    proxy_passs http://backend;');
  });

  it('explain works for the built-in syntax rule and suggests ids for typos', async () => {
    expect((await runCli(['explain', 'syntax'], { cwd: REPO_ROOT })).stdout).toMatch(/^syntax {2}\(layer: core, default severity: error/);
    const typo = await runCli(['explain', 'nginx/unknown-directve'], { cwd: REPO_ROOT });
    expect([typo.code, typo.stderr]).toEqual([2, 'hoplint: unknown rule "nginx/unknown-directve"; did you mean "nginx/unknown-directive"?\n']);
  });

  it('parse is dispatched to the nginx parse command', async () => {
    const run = await runCli(['parse', join('test', 'fixtures', 'cli', 'project', 'nginx', 'nginx.conf')], { cwd: REPO_ROOT });
    const payload = JSON.parse(run.stdout) as { status: string; config: Array<{ file: string }> };
    expect(payload.config.map((entry) => entry.file.split('/').slice(-2).join('/'))).toEqual(['nginx/nginx.conf', 'conf.d/site.conf']);
  });
});
