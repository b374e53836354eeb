import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/cli.js';
import { copyWorkTree, linkDependencies } from './support/work-tree.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', NO_COLOR: '1' };
    delete env.FORCE_COLOR;
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
let tarball = '';
let packed: string[] = [];

describe('npm package', () => {
  beforeAll(async () => {
    // Pack a clean copy of the working tree as a release would (prepack empties dist/, prepare
    // builds it), not this checkout's dist/, which may hold output of since-deleted sources.
    const copy = await mkdtemp(join(tmpdir(), 'hoplint-pack-src-'));
    await copyWorkTree(copy);
    await linkDependencies(copy);
    const destination = await mkdtemp(join(tmpdir(), 'hoplint-pack-'));
    const pack = await run('npm', ['pack', '--json', '--pack-destination', destination], copy);
    expect(pack.code, pack.stderr).toBe(0);
    const [report] = JSON.parse(pack.stdout) as [{ filename: string; files: { path: string }[] }];
    tarball = join(destination, report.filename);
    packed = report.files.map((file) => file.path).sort();
  }, 600_000);

  it('holds what runs — built JS, declarations, rule docs, schemas, bin, README, CHANGELOG, LICENSE — and nothing else', () => {
    expect(existsSync(tarball)).toBe(true);
    for (const required of ['package.json', 'bin/hoplint.js', 'bin/load-cli.js', 'bin/package.json', 'dist/bundle/hoplint.cjs', 'dist/bundle/hoplint.cjs.v8-cache', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/cli/main.js', 'dist/rules/index.js', 'schemas/hoplint.config.schema.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'rules/sysctl/tcp-tw-recycle/README.md']) {
      expect(packed).toContain(required);
    }
    const leaks = packed.filter((path) =>
      /(^|\/)fixtures\//.test(path) ||
      /\.test\.[cm]?[jt]s$|\.test\.d\.ts$/.test(path) ||
      (/\.[cm]?ts$/.test(path) && !/\.d\.ts$/.test(path)) ||
      /^(test|src|examples|bench|scripts|action|node_modules|\.ci|docs)\//.test(path) ||
      path.endsWith('.map'),
    );
    expect(leaks).toEqual([]);
    const outside = packed.filter((path) => !/^(bin|dist\/src|dist\/rules|dist\/bundle|rules|schemas)\//.test(path) && !['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE'].includes(path));
    expect(outside).toEqual([]);
    // Every built module comes from a source file of this tree.
    const orphans = packed.filter((path) => /^dist\/.*\.(js|d\.ts)$/.test(path) && !existsSync(join(REPO_ROOT, path.replace(/^dist\//, '').replace(/\.(js|d\.ts)$/, '.ts'))));
    expect(orphans).toEqual([]);
  });

  it('ships every rule README that `hoplint explain` reads', async () => {
    const readmes: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(join(REPO_ROOT, dir), { withFileTypes: true })) {
        const path = `${dir}/${entry.name}`;
        if (entry.isDirectory() && entry.name !== 'fixtures') await walk(path);
        else if (entry.name === 'README.md') readmes.push(path);
      }
    };
    await walk('rules');
    expect(readmes.length).toBeGreaterThan(1);
    expect(packed).toEqual(expect.arrayContaining(readmes));
  });

  it('installs into an empty project and gives a working `npx hoplint`', async () => {
    const project = await mkdtemp(join(tmpdir(), 'hoplint-consumer-'));
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    const install = await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball], project);
    expect(install.code, install.stderr).toBe(0);
    expect(existsSync(join(project, 'node_modules', 'hoplint', 'dist', 'src', 'cli', 'main.js'))).toBe(true);

    const versionRun = await run('npx', ['hoplint', '--version'], project);
    expect(versionRun).toEqual({ code: 0, stdout: `hoplint ${version}\n`, stderr: '' });

    await mkdir(join(project, 'configs'));
    await writeFile(join(project, 'configs', 'sysctl.conf'), 'net.ipv4.tcp_tw_recycle = 1\n');
    const lintRun = await run('npx', ['hoplint', 'configs'], project);
    expect(lintRun.code).toBe(1);
    expect(lintRun.stdout).toMatch(/^configs\/sysctl\.conf\n +1:27 +error +.*sysctl\/tcp-tw-recycle\n/);

    // The config schema and a rule's README are read from the installed package at run time.
    await writeFile(join(project, 'configs', 'hoplint.config.yaml'), 'rules:\n  sysctl/tcp-tw-recycle: loud\n');
    const configRun = await run('npx', ['hoplint', 'configs'], project);
    expect(configRun.code).toBe(2);
    expect(configRun.stderr).toContain('must be one of "off", "error", "warning", "info"; found "loud"');
    const explainRun = await run('npx', ['hoplint', 'explain', 'sysctl/tcp-tw-recycle'], project);
    expect(explainRun.code).toBe(0);
    // The rule's README follows the header line, read from the package's rules/ folder.
    expect(explainRun.stdout).toContain('error, unsafe fix available)\n\n# sysctl/tcp-tw-recycle\n');

    // A plugin is written against hoplint/kit and tested with hoplint/testing, as the shipped rules are.
    await writeFile(
      join(project, 'swappiness.mjs'),
      "import { at, defineRule } from 'hoplint/kit';\n" +
        "export default defineRule({\n" +
        "  meta: { id: 'team/swappiness', layer: 'sysctl', severity: 'warning', summary: 'vm.swappiness is set', docsUrl: 'https://example.test/swappiness' },\n" +
        "  check({ sysctl, report }) {\n" +
        "    for (const a of sysctl.allAssignments()) if (a.key === 'vm.swappiness') report({ ...at(a.keySpan), message: 'vm.swappiness is set' });\n" +
        '  },\n' +
        '});\n',
    );
    await writeFile(
      join(project, 'check.mjs'),
      "import { checkInvalidCase } from 'hoplint/testing';\n" +
        "import rule from './swappiness.mjs';\n" +
        "await checkInvalidCase(rule, { files: { 'sysctl.conf': 'vm.swappiness = 10\\n' }, findings: [{ line: 1, column: 1, endLine: 1, endColumn: 14 }] });\n" +
        "console.log('ok');\n",
    );
    expect(await run('node', ['check.mjs'], project)).toMatchObject({ code: 0, stdout: 'ok\n' });
  }, 600_000);
});
