// Runs the built CLI on one input file, the way a user would, and says whether it crashed:
// an exit code other than 0/1, output that is not JSON, or a stack trace / internal error.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const STACK_FRAME = /^\s+at .+(?::\d+:\d+\)?|\(native\))$/m;

/** @returns {{ crashed: false } | { crashed: true, signature: string, detail: string }} */
export function runCliOnText(repoRoot, fileName, text, { timeoutMs = 60_000 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'hoplint-fuzz-'));
  try {
    const file = join(dir, fileName);
    writeFileSync(file, text);
    const run = spawnSync(process.execPath, [join(repoRoot, 'bin', 'hoplint.js'), '--format', 'json', file], {
      cwd: dir,
      encoding: 'utf8',
      timeout: timeoutMs,
      maxBuffer: 1 << 28,
      env: { ...process.env, NO_COLOR: '1' },
    });
    const stderr = run.stderr ?? '';
    const firstLine = stderr.split('\n').find((line) => line.trim() !== '') ?? '';
    const crash = (signature, detail) => ({ crashed: true, signature, detail: `${detail}\nstderr:\n${stderr.slice(0, 4000)}` });
    if (run.error?.code === 'ETIMEDOUT') return crash('cli-timeout', `no exit after ${timeoutMs} ms`);
    if (run.status !== 0 && run.status !== 1) return crash(`cli-exit-${run.status ?? run.signal}:${firstLine.replace(/\d+/g, 'N').slice(0, 120)}`, `exit ${run.status ?? run.signal}`);
    if (STACK_FRAME.test(stderr) || /internal error/i.test(stderr)) return crash(`cli-stack:${firstLine.replace(/\d+/g, 'N').slice(0, 120)}`, 'stack trace on stderr');
    try {
      JSON.parse(run.stdout);
    } catch (error) {
      return crash('cli-non-json', `stdout is not JSON (${error.message}): ${run.stdout.slice(0, 300)}`);
    }
    return { crashed: false };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
