import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from './support/cli.js';
import { expectGolden, normalizeOutput } from './support/golden.js';

const PROJECT = join(REPO_ROOT, 'test', 'fixtures', 'cli', 'project');
const GOLDEN = join(REPO_ROOT, 'test', 'fixtures', 'cli', 'golden');
const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

// One project with a finding of every kind of input: an nginx tree with an include, a broken
// included file, sysctl.d, a Kubernetes manifest, a CNI conflist, plus files that must be
// skipped (node_modules, .gitignored, README.md).
describe('golden output of every format', () => {
  for (const format of ['stylish', 'json', 'sarif', 'github', 'junit']) {
    it(format, async () => {
      const run = await runCli(['--format', format], { cwd: PROJECT });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
      expectGolden(normalizeOutput(run.stdout, PROJECT, VERSION), join(GOLDEN, `project.${format}.out`));
    });
  }

  it('stylish with colour forced', async () => {
    const run = await runCli(['--color', 'nginx'], { cwd: PROJECT });
    expect(run.code).toBe(1);
    expectGolden(run.stdout, join(GOLDEN, 'project-nginx.color.out'));
    expect(run.stdout).toContain('\u001b[33mwarning\u001b[39m');
  });

  it('writes the report to --output and nothing to stdout', async () => {
    const run = await runCli(['--format', 'json', '--output', join('..', '..', '..', '..', 'dist', 'test-output', 'report.json')], { cwd: PROJECT });
    expect(run.stdout).toBe('');
    const written = JSON.parse(readFileSync(join(REPO_ROOT, 'dist', 'test-output', 'report.json'), 'utf8')) as { version: number; summary: { errors: number } };
    expect(written.version).toBe(1);
    expect(written.summary.errors).toBe(4);
  });
});
