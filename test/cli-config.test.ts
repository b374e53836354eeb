import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { writeTree } from './support/temp-tree.js';

const trees: string[] = [];
afterEach(async () => {
  for (const tree of trees.splice(0)) await rm(tree, { recursive: true, force: true });
});

async function project(files: Record<string, string>): Promise<string> {
  const dir = await writeTree(files);
  trees.push(dir);
  return dir;
}

const TYPO = 'events {}\nhttp {\n    gzipp on;\n}\n';

type Json = { findings: Array<{ ruleId: string; severity: string; file: string }> };

describe('invalid config: exit 2 with file:line:column and what is wrong', () => {
  it.each([
    ['unknown top-level key with a suggestion', 'extends: recommended\nenviroment:\n  underlayMtu: 1500\n', 'hoplint.config.yaml:2:1: unknown key "enviroment"; did you mean "environment"?'],
    ['bad severity', 'rules:\n  nginx/unknown-directive: warn\n', 'hoplint.config.yaml:2:28: rules.nginx/unknown-directive: must be one of "off", "error", "warning", "info"; found "warn"'],
    ['unknown rule id', 'rules:\n  nginx/unknown-directiv: error\n', 'hoplint.config.yaml:2:3: unknown rule "nginx/unknown-directiv"; did you mean "nginx/unknown-directive"?'],
    ['wrong type in environment', 'environment:\n  underlayMtu: "1500"\n', 'hoplint.config.yaml:2:16: environment.underlayMtu: must be integer; found "1500"'],
    ['unknown environment key', 'environment:\n  lbIdleTimeout: 60\n', 'hoplint.config.yaml:2:3: environment: unknown key "lbIdleTimeout"; did you mean "lbIdleTimeoutSeconds"?'],
    ['out of range', 'environment:\n  underlayMtu: 100\n', 'hoplint.config.yaml:2:16: environment.underlayMtu: must be >= 576; found 100'],
    ['bad preset', 'extends: strictest\n', 'hoplint.config.yaml:1:10: extends: must be one of "recommended", "strict"; found "strictest"'],
    ['directive declaration without a name', 'nginx:\n  directives:\n    - { contexts: [http] }\n', 'hoplint.config.yaml:3:7: nginx.directives[0]: missing required key "name"'],
    ['options for a rule without options', 'rules:\n  nginx/unknown-directive: [warning, { max: 1 }]\n', 'hoplint.config.yaml:2:38: rules.nginx/unknown-directive: this rule takes no options'],
    ['YAML syntax error', 'rules:\n  a: [\n', 'hoplint.config.yaml:3:1: invalid YAML:'],
    ['duplicate key', 'extends: strict\nextends: recommended\n', 'hoplint.config.yaml:2:1: invalid YAML:'],
  ])('%s', async (_name, config, expected) => {
    const dir = await project({ 'hoplint.config.yaml': config, 'nginx.conf': TYPO });
    const run = await runCli([], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.startsWith(`hoplint: ${expected}`), run.stderr).toBe(true);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('positions errors in a JSON config too', async () => {
    const dir = await project({ 'hoplint.config.json': '{\n  "rules": {\n    "nginx/unknown-directive": "loud"\n  }\n}\n', 'nginx.conf': TYPO });
    const run = await runCli([], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^hoplint: hoplint\.config\.json:3:32: rules\.nginx\/unknown-directive: must be one of/);
  });
});

describe('valid config', () => {
  it('is found by walking up from the linted path', async () => {
    const dir = await project({ 'hoplint.config.yaml': 'rules:\n  nginx/unknown-directive: error\n', 'deploy/edge/nginx.conf': TYPO });
    const run = await runCli(['--format', 'json', 'edge'], { cwd: join(dir, 'deploy') });
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as Json).findings.map((finding) => [finding.file, finding.severity])).toEqual([['edge/nginx.conf', 'error']]);
  });

  it('--config points at another file; --no-config-lookup ignores them all', async () => {
    const dir = await project({ 'hoplint.config.yaml': 'rules:\n  nginx/unknown-directive: error\n', 'other.yml': 'rules:\n  nginx/unknown-directive: off\n', 'nginx.conf': TYPO });
    expect((await runCli([], { cwd: dir })).code).toBe(1);
    expect(await runCli(['--config', 'other.yml'], { cwd: dir })).toMatchObject({ code: 0, stdout: '' });
    const none = await runCli(['--no-config-lookup', '-f', 'json'], { cwd: dir });
    expect((JSON.parse(none.stdout) as Json).findings.map((finding) => finding.severity)).toEqual(['warning']);
  });

  it('extends: strict raises warnings to errors', async () => {
    const dir = await project({ 'hoplint.config.yaml': 'extends: strict\n', 'nginx.conf': TYPO });
    const run = await runCli(['-f', 'json'], { cwd: dir });
    expect((JSON.parse(run.stdout) as Json).findings.map((finding) => finding.severity)).toEqual(['error']);
  });

  it('files assigns a language to any name; ignores skips paths, globally and per language', async () => {
    const dir = await project({
      'hoplint.config.yaml': 'files:\n  nginx: ["templates/*.tmpl"]\nignores:\n  all: ["vendor/**"]\n  sysctl: ["legacy/**"]\n',
      'templates/edge.tmpl': TYPO,
      'vendor/nginx.conf': TYPO,
      'legacy/sysctl.conf': 'no equals sign\n',
      'sysctl.conf': 'also no equals sign\n',
    });
    const run = await runCli(['-f', 'json'], { cwd: dir });
    expect((JSON.parse(run.stdout) as Json).findings.map((finding) => [finding.file, finding.ruleId])).toEqual([
      ['sysctl.conf', 'syntax'],
      ['templates/edge.tmpl', 'nginx/unknown-directive'],
    ]);
  });

  it('hoplint init writes a starter config that validates, and refuses to overwrite it', async () => {
    const dir = await project({ 'nginx.conf': TYPO });
    const init = await runCli(['init'], { cwd: dir });
    expect([init.code, init.stdout]).toEqual([0, 'Wrote hoplint.config.yaml\n']);
    const lint = await runCli(['-f', 'json'], { cwd: dir });
    expect(lint.code).toBe(0);
    expect((JSON.parse(lint.stdout) as Json).findings).toHaveLength(1);
    const again = await runCli(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('hoplint: hoplint.config.yaml already exists; pass --force to overwrite it\n');
    expect((await runCli(['init', '--force'], { cwd: dir })).code).toBe(0);
  });

  it('accepts the environment facts and the $schema key', async () => {
    const dir = await project({
      'hoplint.config.yaml':
        '$schema: ./node_modules/hoplint/schemas/hoplint.config.schema.json\nenvironment:\n  lbIdleTimeoutSeconds: 60\n  underlayMtu: 1500\n  kernelVersion: "5.10"\n  clientsBehindSnat: true\n  nodePortRange: "30000-32767"\n',
      'nginx.conf': 'events {}\nhttp {}\n',
    });
    await mkdir(join(dir, 'empty'));
    await writeFile(join(dir, 'empty', '.keep'), '');
    expect(await runCli([], { cwd: dir })).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });
  it("nginx.directives declared by one unit's config leave another unit's same directive unknown", async () => {
    const site = 'events {}\nhttp {\n    server {\n        more_set_headers "X-Served-By: edge";\n    }\n}\n';
    const dir = await project({
      'a/hoplint.config.yaml': 'nginx:\n  directives: [more_set_headers]\n',
      'a/nginx.conf': site,
      'b/hoplint.config.yaml': 'extends: recommended\n',
      'b/nginx.conf': site,
    });
    const run = await runCli(['--format', 'json'], { cwd: dir });
    const findings = (JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; file: string; line: number; column: number; message: string }> }).findings;
    expect(findings.map(({ ruleId, file, line, column, message }) => ({ ruleId, file, line, column, message }))).toEqual([
      {
        ruleId: 'nginx/unknown-directive',
        file: 'b/nginx.conf',
        line: 4,
        column: 9,
        message: 'unknown directive "more_set_headers"; if a third-party module provides it, declare it under nginx.directives in hoplint.config.yaml',
      },
    ]);
  });
});
