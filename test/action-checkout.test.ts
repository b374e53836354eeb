import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionOutputs, readAction, runStep } from './support/action-runner.js';
import { writeTree } from './support/temp-tree.js';
import { copyWorkTree } from './support/work-tree.js';

describe('GitHub Action from a clean checkout', () => {
  it('builds itself from the checkout (no dist/, no node_modules) and lints, then skips the build when used again', async () => {
    // What the runner downloads for `uses: owner/hoplint@<tag>`: the repository's files, no dist/.
    const actionPath = await mkdtemp(join(tmpdir(), 'hoplint-action-'));
    await copyWorkTree(actionPath);
    expect(existsSync(join(actionPath, 'dist'))).toBe(false);
    const action = await readAction(actionPath);
    const workspace = await writeTree({ 'sysctl.conf': 'net.ipv4.tcp_tw_recycle = 1\n' });
    const context = { action, inputs: {}, actionPath, steps: {}, workspace, env: { npm_config_prefer_offline: 'true' } };
    const [build, lint] = action.runs.steps;

    const built = await runStep(build!, context);
    expect(built.code, built.stderr).toBe(0);
    expect(existsSync(join(actionPath, 'dist', 'src', 'action', 'run.js'))).toBe(true);

    const linted = await runStep(lint!, context);
    expect(linted.code).toBe(1);
    expect(linted.stdout).toMatch(/^::error file=sysctl\.conf,line=1,col=27,endLine=1,endColumn=28,title=hoplint sysctl\/tcp-tw-recycle::/);
    expect(actionOutputs(context, linted.stepOutputs)).toEqual({ findings: '1', errors: '1', warnings: '0', 'sarif-file': join(linted.files.runnerTemp, 'hoplint.sarif') });

    const again = await runStep(build!, context);
    expect(again).toMatchObject({ code: 0, stdout: '', stderr: '' });
  }, 600_000);
});
