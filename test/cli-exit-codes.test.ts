import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { writeTree } from './support/temp-tree.js';

let clean: string;
let warnings: string;
let errors: string;

beforeAll(async () => {
  clean = await writeTree({ 'hoplint.config.yaml': '{}\n', 'nginx.conf': 'events {}\nhttp {}\n' });
  warnings = await writeTree({ 'hoplint.config.yaml': '{}\n', 'nginx.conf': 'events {}\nhttp {\n    gzipp on;\n    brotlii on;\n}\n' });
  errors = await writeTree({ 'hoplint.config.yaml': '{}\n', 'nginx.conf': 'events {}\nhttp {\n    gzip on\n}\n', 'sysctl.conf': 'vm.swappiness = 10\n' });
});
afterAll(async () => {
  for (const dir of [clean, warnings, errors]) await rm(dir, { recursive: true, force: true });
});

/** A usage error is one line on stderr, never a stack trace. */
function expectOneLineError(stderr: string, pattern: RegExp): void {
  expect(stderr).toMatch(pattern);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('exit codes', () => {
  it('0 when nothing is found', async () => {
    const run = await runCli([], { cwd: clean });
    expect([run.code, run.stdout, run.stderr]).toEqual([0, '', '']);
  });

  it('0 for warnings by default, 1 with --fail-on warning', async () => {
    expect((await runCli([], { cwd: warnings })).code).toBe(0);
    expect((await runCli(['--fail-on', 'warning'], { cwd: warnings })).code).toBe(1);
    expect((await runCli(['--fail-on', 'info'], { cwd: warnings })).code).toBe(1);
  });

  it('1 when warnings exceed --max-warnings, with the reason on stderr', async () => {
    expect((await runCli(['--max-warnings', '2'], { cwd: warnings })).code).toBe(0);
    const over = await runCli(['--max-warnings', '1'], { cwd: warnings });
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('hoplint: 2 warnings found; --max-warnings allows 1\n');
  });

  it('1 on an error finding; --fail-on never makes it 0', async () => {
    expect((await runCli([], { cwd: errors })).code).toBe(1);
    expect((await runCli(['--fail-on', 'never'], { cwd: errors })).code).toBe(0);
  });

  it('--quiet reports errors only and warnings no longer count', async () => {
    const run = await runCli(['--quiet', '--max-warnings', '0', '--format', 'json'], { cwd: warnings });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { findings: unknown[] }).findings).toEqual([]);
  });

  it('--rule changes a severity and turns a rule off', async () => {
    expect((await runCli(['--rule', 'nginx/unknown-directive=error'], { cwd: warnings })).code).toBe(1);
    const off = await runCli(['--rule', 'nginx/unknown-directive=off', '--max-warnings', '0'], { cwd: warnings });
    expect([off.code, off.stdout]).toEqual([0, '']);
  });

  it.each([
    [['--formt', 'json'], /^hoplint: unknown option "--formt"; did you mean "--format"\?/],
    [['--format', 'xml'], /^hoplint: unknown format "xml"; expected one of stylish, json, sarif, github, junit/],
    [['--rule', 'nginx/unknown-directiv=off'], /^hoplint: unknown rule "nginx\/unknown-directiv" in --rule; did you mean "nginx\/unknown-directive"\?/],
    [['--rule', 'nginx/unknown-directive=fatal'], /^hoplint: invalid severity "fatal" in --rule/],
    [['--rule', 'nginx/unknown-directive'], /^hoplint: --rule expects id=severity/],
    [['--max-warnings', 'many'], /^hoplint: --max-warnings expects a whole number/],
    [['--fail-on', 'warn'], /^hoplint: --fail-on expects one of error, warning, info, never, got "warn"; did you mean "warning"\?/],
    [['does-not-exist'], /^hoplint: no such file or directory: "does-not-exist"/],
    [['**/*.nothing'], /^hoplint: no files match "\*\*\/\*\.nothing"/],
    [['--config', 'missing.yaml'], /^hoplint: cannot read config file "missing.yaml": no such file/],
    [['--stdin'], /^hoplint: --stdin needs --stdin-filename NAME/],
    [["--format"], /^hoplint: option "--format" needs a value\n$/],
    [['explain'], /^hoplint: hoplint explain needs exactly one rule id/],
  ])('2 with a one-line message for %j', async (args, pattern) => {
    const run = await runCli(args, { cwd: clean });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expectOneLineError(run.stderr, pattern);
  });
});
