import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { distIsBuilt } from '../bench/fuzz/dist-api.mjs';
import { failureOf } from '../bench/fuzz/failure.mjs';
import { TargetRunner } from '../bench/fuzz/runner.mjs';
import type { FuzzTargetName } from '../bench/fuzz/targets.mjs';
import { REPO_ROOT, runCli } from './support/cli.js';

/*
 * Replays every reproducer `npm run fuzz` kept (and the hand-made seeds) through its parser.
 * Each runs in a fresh child process over the build in dist/ (`npm test` builds first), twice
 * in a row, with a time limit: a hang fails this test instead of blocking the suite, and a
 * fatal V8 abort, which no try/catch sees, fails it instead of killing the test worker.
 */

const DIR = join(REPO_ROOT, 'test', 'fuzz-regressions');
const TARGETS: FuzzTargetName[] = ['network-yaml', 'kubernetes', 'flannel', 'sysctl', 'nginx', 'yaml', 'cni'];
const FILE_NAMES: Record<FuzzTargetName, string> = {
  nginx: 'nginx.conf',
  sysctl: 'sysctl.conf',
  yaml: 'manifest.yaml',
  kubernetes: 'manifest.yaml',
  'network-yaml': 'cluster.yml',
  cni: '10-net.conflist',
  flannel: 'net-conf.json',
};
/** Generous: the suite may share a loaded machine; a real hang never ends. */
const TIME_LIMIT_MS = 40_000;

/** `<parser>-<hash>.txt`, or `cli-<parser>-<hash>.txt` for a crash only the whole CLI showed. */
function parseName(name: string): { target: FuzzTargetName; viaCli: boolean } | undefined {
  const viaCli = name.startsWith('cli-');
  const rest = viaCli ? name.slice(4) : name;
  const target = TARGETS.find((candidate) => rest.startsWith(`${candidate}-`));
  return target && { target, viaCli };
}

const reproducers = readdirSync(DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort();

describe('fuzz regressions', () => {
  const runner = new TargetRunner(REPO_ROOT);
  afterAll(() => runner.stop());

  it('holds at least one reproducer per parser, each named after its parser', () => {
    expect(reproducers.filter((name) => parseName(name) === undefined)).toEqual([]);
    const covered = new Set(reproducers.map((name) => parseName(name)!.target));
    expect([...covered].sort()).toEqual([...TARGETS].sort());
  });

  it('replays over a build of the current sources', () => {
    expect(distIsBuilt(REPO_ROOT), 'dist/ is missing: run `npm run build`').toBe(true);
  });

  it.each(reproducers)('%s: no exception, hang or abort, and every position inside the file', { timeout: 150_000 }, async (name) => {
    const { target, viaCli } = parseName(name)!;
    const text = readFileSync(join(DIR, name), 'utf8');
    const failure = failureOf(await runner.run(target, text, TIME_LIMIT_MS, { fresh: true, times: 2 }));
    expect(failure && `${failure.kind}: ${failure.detail}`).toBeNull();
    if (!viaCli) return;
    const dir = mkdtempSync(join(tmpdir(), 'hoplint-fuzz-regression-'));
    try {
      writeFileSync(join(dir, FILE_NAMES[target]), text);
      const run = await runCli(['--format', 'json', FILE_NAMES[target]], { cwd: dir });
      expect([0, 1]).toContain(run.code);
      expect(run.stderr).not.toMatch(/internal error|^\s+at /m);
      expect(() => JSON.parse(run.stdout)).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
