import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORE_LAYER, RULE_LAYERS } from '../src/languages/registry.js';
import { copyWorkTree, linkDependencies } from './support/work-tree.js';

// CONTRIBUTING.md's "Add a rule" recipe starts with `npm run new:rule -- <layer>/<name>`. Here
// the scaffold runs in a copy of the working tree, once for every rule layer, and what it writes
// has to pass what a rule in this repository has to pass: the type check, eslint and the layer
// rules, its own tests, the README and fixture tests, the build and the CLI.

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    // The vitest run inside must not think it is a worker of this one.
    for (const name of Object.keys(env)) if (name.startsWith('VITEST') || name === 'NODE_OPTIONS') delete env[name];
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

const NAME = 'scaffold-example';
/** One new rule per layer that rules/ holds: every language's prefix and hop. */
const IDS = RULE_LAYERS.filter((layer) => layer !== CORE_LAYER).map((layer) => `${layer}/${NAME}`);

let copy = '';
const scaffolds = new Map<string, Run>();

beforeAll(async () => {
  copy = await mkdtemp(join(tmpdir(), 'hoplint-new-rule-'));
  await copyWorkTree(copy);
  await linkDependencies(copy);
  for (const id of IDS) scaffolds.set(id, await run('npm', ['run', '--silent', 'new:rule', '--', id], copy));
}, 120_000);

afterAll(async () => {
  if (copy) await rm(copy, { recursive: true, force: true });
});

describe('npm run new:rule', () => {
  it.each(IDS)('writes the folder of %s and lists it in rules/index.ts', (id) => {
    const scaffold = scaffolds.get(id)!;
    expect(scaffold.stderr).toBe('');
    expect(scaffold.code).toBe(0);
    const dir = join(copy, 'rules', id);
    for (const file of ['index.ts', 'README.md', 'index.test.ts']) expect(existsSync(join(dir, file)), file).toBe(true);
    expect(scaffold.stdout).toContain(`rules/${id}/fixtures/positive/`);
    expect(readFileSync(join(copy, 'rules', 'index.ts'), 'utf8')).toContain(`{ dir: '${id}', rule: `);
  });

  it('writes code that type-checks, passes eslint and keeps to the layer rules', async () => {
    const tsc = await run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'], copy);
    expect(tsc.stdout + tsc.stderr, 'tsc').toBe('');
    const eslint = await run('npx', ['eslint', ...IDS.map((id) => join('rules', id))], copy);
    expect(eslint.code, eslint.stdout + eslint.stderr).toBe(0);
    const layers = await run('node', ['scripts/check-layers.mjs'], copy);
    expect(layers.code, layers.stderr).toBe(0);
    const index = await run('node', ['scripts/gen-rule-index.mjs', '--check'], copy);
    expect(index.code, index.stderr).toBe(0);
  }, 300_000);

  it('writes rules whose own tests, README examples and fixtures pass', async () => {
    const tests = await run(
      'npx',
      ['vitest', 'run', ...IDS.map((id) => join('rules', id)), 'test/rule-docs.test.ts', 'test/engine-rule-fixtures.test.ts', '-t', NAME],
      copy,
    );
    expect(tests.code, tests.stderr).toBe(0);
    // The repository's vitest config writes this report (.ci/run counts from it too).
    const report = JSON.parse(readFileSync(join(copy, '.vitest-report.json'), 'utf8')) as { numPassedTests: number; numFailedTests: number; testResults: Array<{ name: string }> };
    expect(report.numFailedTests).toBe(0);
    // Per rule: its two index.test.ts cases, the README's four checks, the fixture count and six fixtures.
    expect(report.numPassedTests).toBeGreaterThanOrEqual(IDS.length * 13);
    for (const id of IDS) expect(report.testResults.map((result) => result.name)).toContain(join(copy, 'rules', id, 'index.test.ts'));
  }, 300_000);

  it('writes rules that build into the CLI, which then reports them', async () => {
    const build = await run('npm', ['run', 'build'], copy);
    expect(build.code, build.stderr).toBe(0);
    for (const id of IDS) {
      const positive = join('rules', id, 'fixtures', 'positive');
      const expected = JSON.parse(readFileSync(join(copy, positive, readdirSync(join(copy, positive)).sort()[0]!, 'expected.json'), 'utf8')) as Array<{ ruleId: string }>;
      const lint = await run('node', ['bin/hoplint.js', '--format', 'json', positive], copy);
      // Warnings exit 0, errors 1; anything else is a crash.
      expect([0, 1], lint.stderr).toContain(lint.code);
      const found = (JSON.parse(lint.stdout) as { findings: Array<{ ruleId: string }> }).findings.filter((finding) => finding.ruleId === id);
      expect(found.length).toBeGreaterThanOrEqual(expected.length);
    }
    const explain = await run('node', ['bin/hoplint.js', 'explain', IDS[0]!], copy);
    expect(explain.code, explain.stderr).toBe(0);
    expect(explain.stdout).toContain('## How to fix');
  }, 300_000);

  it('refuses an id that is not <layer>/<name> of a rules/ layer, and an existing folder', async () => {
    const refusals: Array<[string, string]> = [
      ['nginx', 'a rule id is <layer>/<name>'],
      ['tengine/foo', '"tengine" is not a rule layer; the layers are nginx, sysctl, k8s, cni, hop, core'],
      ['core/foo', 'the core layer is hoplint\'s own rules'],
      ['nginx/Foo_Bar', 'a rule name is lowercase words joined by "-"'],
      [IDS[0]!, `rules/${IDS[0]!} exists already`],
    ];
    for (const [id, message] of refusals) {
      const refused = await run('node', ['scripts/new-rule.mjs', id], copy);
      expect(refused.code, id).toBe(1);
      expect(refused.stderr, id).toContain(message);
    }
    expect((await run('node', ['scripts/new-rule.mjs'], copy)).code).toBe(2);
  });
});

