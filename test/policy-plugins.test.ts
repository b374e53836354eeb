import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { toPosix } from '../src/core/paths.js';
import { REPO_ROOT, runCli } from './support/cli.js';
import { writeTree } from './support/temp-tree.js';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'policy');
const PLUGIN = join(FIXTURES, 'plugin.mjs');
const MARKER_PLUGIN = join(FIXTURES, 'marker-plugin.mjs');

const trees: string[] = [];
afterEach(async () => {
  for (const tree of trees.splice(0)) await rm(tree, { recursive: true, force: true });
});

async function project(files: Record<string, string>): Promise<string> {
  const dir = await writeTree(files, 'hoplint-plugin-');
  trees.push(dir);
  return dir;
}

const NGINX = 'events {}\nhttp {\n    server {\n        listen 80;\n        location / { autoindex on; }\n    }\n}\n';

interface JsonReport {
  findings: Array<{ ruleId: string; severity: string; line: number; column: number; message: string }>;
}

function teamFindings(stdout: string): Array<[string, string, number, number, string]> {
  return (JSON.parse(stdout) as JsonReport).findings.filter((f) => f.ruleId.startsWith('team/')).map((f) => [f.ruleId, f.severity, f.line, f.column, f.message]);
}

describe('plugins: rule modules named by the config', () => {
  it('loads a plugin by path (relative to the config) built with defineRule from "hoplint"', async () => {
    const dir = await project({ 'nginx.conf': NGINX });
    await writeFile(join(dir, 'hoplint.config.yaml'), `plugins:\n  - ${JSON.stringify(toPosix(relative(dir, PLUGIN)))}\nrules:\n  team/no-autoindex: warning\n`);
    const run = await runCli(['--format', 'json', '.'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(teamFindings(run.stdout)).toEqual([['team/no-autoindex', 'warning', 5, 32, 'autoindex is on']]);
    const rules = await runCli(['rules'], { cwd: dir });
    expect(rules.stdout).toMatch(/^team\/no-autoindex +nginx +error +- +autoindex stays off$/m);
    const explain = await runCli(['explain', 'team/no-autoindex'], { cwd: dir });
    expect(explain.stdout).toContain('Directory listings leak file names.');
  });

  it('loads a plugin by package name from node_modules next to the config', async () => {
    const dir = await project({
      'hoplint.config.yaml': 'plugins: [hoplint-plugin-team]\n',
      'node_modules/hoplint-plugin-team/package.json': JSON.stringify({ name: 'hoplint-plugin-team', type: 'module', exports: { '.': { import: './index.js' } } }),
      'node_modules/hoplint-plugin-team/index.js': `export { default } from ${JSON.stringify(pathToFileURL(PLUGIN).href)};\n`,
      'nginx.conf': NGINX,
    });
    const run = await runCli(['--format', 'json', 'nginx.conf'], { cwd: dir });
    expect(teamFindings(run.stdout)).toEqual([['team/no-autoindex', 'error', 5, 32, 'autoindex is on']]);
  });

  it.each([
    ['a missing file', './nope.mjs', /^hoplint: hoplint\.config\.yaml:1:11: plugins\[0\]: plugin "\.\/nope\.mjs": no such file /],
    ['an unknown package', 'hoplint-plugin-missing', /^hoplint: hoplint\.config\.yaml:1:11: plugins\[0\]: cannot find package "hoplint-plugin-missing"/],
    ['a module that exports no valid rule', JSON.stringify(join(FIXTURES, 'bad-plugin.mjs')), /^hoplint: hoplint\.config\.yaml:1:11: plugins\[0\]: plugin ".*bad-plugin\.mjs": rule #1 has id "Not An Id"; a plugin rule id is "<namespace>\/<name>"/],
  ])('%s is exit 2 at the entry', async (_name, entry, expected) => {
    const dir = await project({ 'hoplint.config.yaml': `plugins: [${entry}]\n`, 'nginx.conf': NGINX });
    const run = await runCli(['.'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(expected);
  });
});

describe('nothing in a linted file loads code', () => {
  it('a linted YAML, JSON or nginx file naming a plugin or policy loads nothing; only a config does', async () => {
    const marker = join(await project({}), 'loaded');
    const env = { HOPLINT_MARKER: marker };
    const pluginPath = JSON.stringify(MARKER_PLUGIN);
    const dir = await project({
      // Every language hoplint reads, each naming the plugin the way a config would.
      'manifest.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hoplint\ndata:\n  hoplint.config.yaml: |\n    plugins: [${pluginPath}]\nplugins: [${pluginPath}]\npolicies: [${pluginPath}]\n`,
      'hoplint.yaml': `plugins: [${pluginPath}]\n`,
      'net/10-cni.conflist': JSON.stringify({ cniVersion: '0.3.1', name: 'x', plugins: [{ type: 'flannel', hoplint: { plugins: [MARKER_PLUGIN] } }] }),
      'nginx.conf': `# hoplint plugins: ${MARKER_PLUGIN}\nevents {}\nhttp {}\n`,
      'sysctl.conf': `# plugins = ${MARKER_PLUGIN}\nnet.core.somaxconn = 4096\n`,
    });
    const run = await runCli(['--format', 'json', '.'], { cwd: dir, env });
    expect(run.stderr).toBe('');
    expect(existsSync(marker)).toBe(false);

    // The control: the same plugin named by a config is loaded, so the check above can fail.
    const configured = await project({ 'hoplint.config.yaml': `plugins: [${pluginPath}]\n`, 'nginx.conf': 'events {}\nhttp {}\n' });
    const control = await runCli(['--format', 'json', '.'], { cwd: configured, env });
    expect(control.stderr).toBe('');
    expect(existsSync(marker)).toBe(true);
  });
});
