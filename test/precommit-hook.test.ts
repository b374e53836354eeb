import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, git, GIT_ENV, initRepo } from './support/git.js';
import { writeTree } from './support/temp-tree.js';
import { copyWorkTree } from './support/work-tree.js';

const inCi = Boolean(process.env.CI);

function findPreCommit(): string | undefined {
  for (const dir of [...(process.env.PATH ?? '').split(delimiter), '/usr/bin']) {
    const candidate = join(dir, 'pre-commit');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

const KUBE_PROXY = 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ipvs\n';

describe('pre-commit hook (Debian\'s pre-commit, language: node, this checkout as the hook repository)', () => {
  it('refuses a commit that breaks sysctl.conf, with the kube-proxy config beside it as NAT evidence, and accepts the fix', async (context) => {
    const preCommit = findPreCommit();
    if (!preCommit) {
      if (!inCi) context.skip('pre-commit is not installed (apt-get install pre-commit); the hook test needs the real client');
      expect(preCommit, 'CI is set, so pre-commit must be installed (.ci/run installs it with apt-get)').toBeDefined();
      return;
    }

    // pre-commit clones the hook repository at `rev`: commit this working tree (without dist/ and
    // node_modules/, as a clone has them) so the test runs the hook as a consumer would get it.
    const hookRepo = await mkdtemp(join(tmpdir(), 'hoplint-hook-repo-'));
    await copyWorkTree(hookRepo);
    initRepo(hookRepo);
    const rev = commitAll(hookRepo, 'hoplint under test');

    const consumer = await writeTree({
      '.pre-commit-config.yaml': `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: hoplint\n`,
      'cluster/kube-proxy.yaml': KUBE_PROXY,
      'node/sysctl.conf': 'net.core.somaxconn = 4096\n',
      'README.md': 'configs\n',
    });
    initRepo(consumer);
    const env = { ...GIT_ENV, PRE_COMMIT_HOME: await mkdtemp(join(tmpdir(), 'hoplint-pre-commit-home-')), npm_config_prefer_offline: 'true', NO_COLOR: '1' };
    const install = spawnSync(preCommit, ['install'], { cwd: consumer, env, encoding: 'utf8' });
    expect(install.stderr + install.stdout).toContain('pre-commit installed');
    const commit = (message: string) => {
      git(consumer, 'add', '-A');
      const run = spawnSync('git', ['commit', '-m', message], { cwd: consumer, env, encoding: 'utf8' });
      return { code: run.status, output: `${run.stdout}${run.stderr}` };
    };
    const commits = () => Number(git(consumer, 'rev-list', '--count', 'HEAD').trim());

    // The first commit passes every file, .pre-commit-config.yaml too, which hoplint skips as no config.
    const first = commit('base');
    expect(first.output).toMatch(/hoplint\.+Passed/);
    expect(first.code).toBe(0);
    expect(commits()).toBe(1);

    await writeFile(join(consumer, 'node/sysctl.conf'), 'net.core.somaxconn = 4096\nnet.ipv4.tcp_tw_recycle = 1\n');
    const broken = commit('recycle TIME_WAIT');
    expect(broken.code).not.toBe(0);
    expect(broken.output).toMatch(/hoplint\.+Failed/);
    expect(broken.output).toContain('node/sysctl.conf');
    expect(broken.output).toMatch(/2:27 +error +.*tcp_tw_recycle.* +sysctl\/tcp-tw-recycle/);
    // Only sysctl.conf was staged; the NAT evidence comes from the file hoplint read as context.
    expect(broken.output).toMatch(/↳ cluster\/kube-proxy\.yaml:3:7 +kube-proxy runs in ipvs mode/);
    expect(broken.output).not.toMatch(/^cluster\/kube-proxy\.yaml$/m);
    expect(commits()).toBe(1);

    await writeFile(join(consumer, 'node/sysctl.conf'), 'net.core.somaxconn = 4096\nnet.ipv4.tcp_tw_reuse = 1\n');
    const fixed = commit('reuse TIME_WAIT sockets instead');
    expect(fixed.output).toMatch(/hoplint\.+Passed/);
    expect(fixed.code).toBe(0);
    expect(commits()).toBe(2);
  }, 600_000);
});
