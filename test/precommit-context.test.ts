import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Finding } from '../src/core/finding.js';
import { lint } from '../src/project/lint.js';
import { classifyByPath, isContentCandidate } from '../src/languages/detect.js';
import { REPO_ROOT, runCli } from './support/cli.js';
import { writeTree } from './support/temp-tree.js';

const KUBE_PROXY = 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ipvs\n';
const RECYCLE = 'net.ipv4.tcp_tw_recycle = 1\n';
/** proxy_pass without proxy_http_version 1.1: a warning of its own in nginx.conf. */
const NGINX = 'http {\n  upstream app { server 10.0.0.1:8080; }\n  server {\n    listen 80;\n    location / { proxy_pass http://app; }\n  }\n}\n';

function findingsOf(stdout: string): Finding[] {
  return (JSON.parse(stdout) as { findings: Finding[] }).findings;
}

describe('--context: lint the files given, read the rest as context', () => {
  it('a commit touching only sysctl.conf learns about NAT from the kube-proxy config beside it', async () => {
    const root = await writeTree({ 'node/sysctl.conf': RECYCLE, 'cluster/kube-proxy.yaml': KUBE_PROXY, 'cluster/nginx.conf': NGINX });

    const alone = await runCli(['--format', 'json', 'node/sysctl.conf'], { cwd: root });
    const aloneRecycle = findingsOf(alone.stdout).find((finding) => finding.ruleId === 'sysctl/tcp-tw-recycle');
    expect(aloneRecycle?.related ?? []).toEqual([]);

    const run = await runCli(['--context', '.', '--format', 'json', 'node/sysctl.conf'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const findings = findingsOf(run.stdout);
    // nginx.conf is read (it is NAT evidence too) but its own warning is not reported.
    expect(findings.map((finding) => finding.file)).toEqual(['node/sysctl.conf']);
    const recycle = findings.find((finding) => finding.ruleId === 'sysctl/tcp-tw-recycle');
    expect(recycle).toMatchObject({ file: 'node/sysctl.conf', line: 1, column: 27, endLine: 1, endColumn: 28, severity: 'error' });
    expect(recycle?.related).toContainEqual(expect.objectContaining({ file: 'cluster/kube-proxy.yaml', line: 3, column: 7 }));
  });

  it('reports findings of every file given, and of none read only as context', async () => {
    const root = await writeTree({ 'sysctl.conf': RECYCLE, 'kube-proxy.yaml': KUBE_PROXY, 'nginx.conf': NGINX });
    const both = await runCli(['--context', '.', '--format', 'json', 'sysctl.conf', 'nginx.conf'], { cwd: root });
    expect([...new Set(findingsOf(both.stdout).map((finding) => `${finding.file} ${finding.ruleId}`))].sort()).toEqual([
      'nginx.conf nginx/proxy-http-version',
      'sysctl.conf sysctl/tcp-tw-recycle',
    ]);
    const clean = await runCli(['--context', '.', 'kube-proxy.yaml'], { cwd: root });
    expect(clean.code).toBe(0);
    expect(clean.stdout).not.toContain('sysctl.conf');
  });

  it('skips a passed file that is not a config, which a hook passes as a matter of course', async () => {
    const root = await writeTree({ '.pre-commit-config.yaml': 'repos: []\n', 'sysctl.conf': 'net.core.somaxconn = 4096\n' });
    const hooked = await runCli(['--context', '.', '.pre-commit-config.yaml'], { cwd: root });
    expect(hooked).toMatchObject({ code: 0, stderr: '' });
    // Named on its own without --context, the same file is an error: the user asked for it.
    const named = await runCli(['.pre-commit-config.yaml'], { cwd: root });
    expect(named.code).toBe(1);
    expect(named.stdout).toContain('cannot tell which config language');
  });

  it('reads the stdin text as the reported file, with the tree on disk as context', async () => {
    const root = await writeTree({ 'sysctl.conf': 'net.ipv4.tcp_tw_reuse = 1\n', 'kube-proxy.yaml': KUBE_PROXY });
    const run = await runCli(['--stdin', '--stdin-filename', 'sysctl.conf', '--context', '.', '--format', 'json'], { cwd: root, stdin: RECYCLE });
    const recycle = findingsOf(run.stdout).find((finding) => finding.ruleId === 'sysctl/tcp-tw-recycle');
    expect(recycle?.related).toContainEqual(expect.objectContaining({ file: 'kube-proxy.yaml', line: 3 }));
  });

  it('lint() with contextPaths keeps context files out of the result and in the cross-file model', async () => {
    const root = await writeTree({ 'sysctl.conf': RECYCLE, 'kube-proxy.yaml': KUBE_PROXY, 'nginx.conf': NGINX });
    const result = await lint({ cwd: root, paths: ['sysctl.conf'], contextPaths: ['.'] });
    expect(result.files.map((file) => file.path)).toEqual(['sysctl.conf']);
    expect(result.findings.every((finding) => finding.file === 'sysctl.conf')).toBe(true);
    expect(result.findings.find((finding) => finding.ruleId === 'sysctl/tcp-tw-recycle')?.related?.map((related) => related.file)).toEqual(
      expect.arrayContaining(['kube-proxy.yaml', 'nginx.conf']),
    );
  });

  it('is a usage error without files to report on, or together with --changed-since', async () => {
    const root = await writeTree({ 'sysctl.conf': RECYCLE });
    const bare = await runCli(['--context', '.'], { cwd: root });
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/^hoplint: --context reads its paths only as context; also give the files to report on/);
    const both = await runCli(['--context', '.', '--changed-since', 'HEAD', 'sysctl.conf'], { cwd: root });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--context and --changed-since contradict each other');
  });
});

interface HookDefinition {
  id: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames: boolean;
  require_serial: boolean;
}

function hookDefinition(): HookDefinition {
  const hooks = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as HookDefinition[];
  expect(hooks.map((hook) => hook.id)).toEqual(['hoplint']);
  return hooks[0]!;
}

/** pre-commit matches `files` with Python's re.search; the pattern's only Python-ism is a leading (?i). */
function hookFilesPattern(): RegExp {
  const { files } = hookDefinition();
  expect(files.startsWith('(?i)')).toBe(true);
  return new RegExp(files.slice('(?i)'.length), 'i');
}

describe('.pre-commit-hooks.yaml', () => {
  it('publishes the hoplint hook: node, filenames passed, one serial run with the repository as context', () => {
    expect(hookDefinition()).toMatchObject({ language: 'node', pass_filenames: true, require_serial: true, entry: 'hoplint --context .' });
  });

  it('matches every file name hoplint recognises, and no other', () => {
    const pattern = hookFilesPattern();
    const recognised = [
      'nginx.conf', 'etc/nginx/conf.d/app.conf', 'etc/nginx/sites-enabled/default', 'etc/nginx/snippets/ssl',
      'etc/nginx/mime.types', 'tengine/fastcgi_params', 'site.nginx', 'SYSCTL.CONF', 'etc/sysctl.d/99-net.conf',
      'node.sysctl', 'deploy/app.yaml', 'k8s/svc.YML', 'etc/cni/net.d/10-flannel.conflist', 'net-conf.json',
      'rancher/cluster.yml', 'etc/rancher/rke2/config.yaml', 'etc/cni/net.d/10-calico.json', 'vhosts.d/shop.vhost',
    ];
    const others = ['README.md', 'src/main.ts', 'Dockerfile', 'etc/nginx/conf.d/app.conf.bak', 'scripts/deploy.sh', 'sites-enabled/a/b'];
    for (const path of recognised) {
      expect({ path, hookRuns: pattern.test(path) }).toEqual({ path, hookRuns: true });
      expect({ path, hoplintReads: classifyByPath(path) !== undefined || isContentCandidate(path) }).toEqual({ path, hoplintReads: true });
    }
    for (const path of others) {
      expect({ path, hookRuns: pattern.test(path) }).toEqual({ path, hookRuns: false });
      expect({ path, hoplintReads: classifyByPath(path) !== undefined || isContentCandidate(path) }).toEqual({ path, hoplintReads: false });
    }
  });
});
