import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/core/finding.js';
import { changedFilesSince } from '../src/cli/changed-files.js';
import { runCli } from './support/cli.js';
import { commitAll, git, GIT_ENV, initRepo } from './support/git.js';
import { writeTree } from './support/temp-tree.js';

const KUBE_PROXY = 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ipvs\n';
const NGINX = 'http {\n  upstream app { server 10.0.0.1:8080; }\n  server {\n    listen 80;\n    location / { proxy_pass http://app; }\n  }\n}\n';

/**
 * main: a clean sysctl.conf, kube-proxy in IPVS mode, an nginx.conf with a warning of its own.
 * feature (checked out), forked from main: turns tcp_tw_recycle on. main then moves on and
 * touches nginx.conf, which the feature branch did not change.
 */
async function pullRequestRepo(): Promise<string> {
  const root = await writeTree({
    'node/sysctl.conf': 'net.core.somaxconn = 4096\n',
    'cluster/kube-proxy.yaml': KUBE_PROXY,
    'edge/nginx.conf': NGINX,
  });
  initRepo(root);
  commitAll(root, 'base');
  git(root, 'checkout', '-q', '-b', 'feature');
  await writeFile(join(root, 'node/sysctl.conf'), 'net.core.somaxconn = 4096\nnet.ipv4.tcp_tw_recycle = 1\n');
  commitAll(root, 'feature: recycle TIME_WAIT');
  git(root, 'checkout', '-q', 'main');
  await writeFile(join(root, 'edge/nginx.conf'), `# moved on\n${NGINX}`);
  commitAll(root, 'main moves on');
  git(root, 'checkout', '-q', 'feature');
  return root;
}

function reported(stdout: string): string[] {
  const { findings } = JSON.parse(stdout) as { findings: Finding[] };
  return [...new Set(findings.map((finding) => `${finding.file} ${finding.ruleId}`))].sort();
}

describe('--changed-since <ref>', () => {
  it('reports only what the branch changed since it forked, with the whole tree as context', async () => {
    const root = await pullRequestRepo();
    const run = await runCli(['--changed-since', 'main', '--format', 'json'], { cwd: root, env: GIT_ENV });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    // edge/nginx.conf has a warning and changed on main after the fork: neither makes it the branch's.
    expect(reported(run.stdout)).toEqual(['node/sysctl.conf sysctl/tcp-tw-recycle']);
    const { findings } = JSON.parse(run.stdout) as { findings: Finding[] };
    expect(findings[0]!.related).toContainEqual(expect.objectContaining({ file: 'cluster/kube-proxy.yaml', line: 3, column: 7 }));
  });

  it('counts staged, unstaged and untracked files as changed, but not ignored ones', async () => {
    const root = await pullRequestRepo();
    await writeFile(join(root, 'edge/nginx.conf'), `${NGINX}# edited and staged, not committed\n`);
    git(root, 'add', 'edge/nginx.conf');
    await writeFile(join(root, 'cluster/kube-proxy.yaml'), `${KUBE_PROXY}# edited, not staged\n`);
    await mkdir(join(root, 'node/sysctl.d'), { recursive: true });
    await writeFile(join(root, 'node/sysctl.d/20-fin.conf'), 'net.ipv4.tcp_fin_timeout = 120\n');
    await mkdir(join(root, 'build'), { recursive: true });
    await writeFile(join(root, 'build/nginx.conf'), NGINX);
    await writeFile(join(root, '.gitignore'), 'build/\n');
    const run = await runCli(['--changed-since', 'main', '--no-gitignore', '--format', 'json'], { cwd: root, env: GIT_ENV });
    expect(reported(run.stdout)).toEqual([
      'edge/nginx.conf nginx/proxy-http-version',
      'node/sysctl.conf sysctl/tcp-tw-recycle',
      'node/sysctl.d/20-fin.conf sysctl/fin-timeout-long',
    ]);
    const changed = await changedFilesSince('main', root);
    expect([...changed].sort()).toEqual(['.gitignore', 'cluster/kube-proxy.yaml', 'edge/nginx.conf', 'node/sysctl.conf', 'node/sysctl.d/20-fin.conf'].map((path) => join(root, path)));
  });

  it('builds the paths from the working directory, so a run from a subdirectory matches them', async () => {
    const root = await pullRequestRepo();
    const run = await runCli(['--changed-since', 'main', '--format', 'json', '.'], { cwd: join(root, 'node'), env: GIT_ENV });
    expect(reported(run.stdout)).toEqual(['sysctl.conf sysctl/tcp-tw-recycle']);
    const changed = await changedFilesSince('main', join(root, 'node'));
    expect([...changed]).toEqual([join(root, 'node/sysctl.conf')]);
  });

  it('reports nothing, and passes, when nothing changed', async () => {
    const root = await pullRequestRepo();
    const run = await runCli(['--changed-since', 'HEAD'], { cwd: root, env: GIT_ENV });
    expect(run).toMatchObject({ code: 0, stderr: '' });
  });

  it('explains a ref git does not know, a missing repository and an option-like ref', async () => {
    const root = await pullRequestRepo();
    const unknown = await runCli(['--changed-since', 'origin/nope'], { cwd: root, env: GIT_ENV });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('hoplint: --changed-since: "origin/nope" is not a commit in this repository (in a CI checkout, fetch it first: actions/checkout with fetch-depth: 0)\n');

    const dashed = await runCli(['--changed-since=--output=x', '.'], { cwd: root, env: GIT_ENV });
    expect(dashed.code).toBe(2);
    expect(dashed.stderr).toContain('--changed-since expects a git ref');

    const plain = await writeTree({ 'sysctl.conf': 'net.core.somaxconn = 4096\n' });
    const outside = await runCli(['--changed-since', 'main'], { cwd: plain, env: { ...GIT_ENV, GIT_CEILING_DIRECTORIES: join(plain, '..') } });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/^hoplint: --changed-since needs a git repository: not a git repository/);

    const stdin = await runCli(['--changed-since', 'main', '--stdin', '--stdin-filename', 'sysctl.conf'], { cwd: root, env: GIT_ENV, stdin: '' });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toContain('--changed-since chooses files from git; it does not apply to --stdin');
  });

  it('explains a shallow clone without the merge base', async () => {
    const origin = await pullRequestRepo();
    const clone = await writeTree({});
    git(clone, 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${origin}`, 'repo');
    const repo = join(clone, 'repo');
    git(repo, 'fetch', '-q', '--depth', '1', 'origin', 'main:main');
    const run = await runCli(['--changed-since', 'main'], { cwd: repo, env: GIT_ENV });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^hoplint: --changed-since: git cannot diff "main\.\.\.HEAD": .*fetch-depth: 0\)\n$/);
  });
});
