import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SYSCTL_KEYS, locateSysctlFile, parseSysctl } from '../src/languages/sysctl/index.js';
import { computeEffectiveSysctls, type EffectiveOptions, type EffectiveValue } from '../src/link/index.js';

const roots: string[] = [];

afterEach(async () => {
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

/** Writes a tree of files under a fresh temp dir, then parses them back from disk. */
async function tree(files: Record<string, string>, options: Omit<EffectiveOptions, 'rootDir'> & { useRoot?: boolean } = {}) {
  const root = await mkdtemp(join(tmpdir(), 'hoplint-sysctl-'));
  roots.push(root);
  const parsed = [];
  for (const [relative, text] of Object.entries(files)) {
    const path = join(root, relative);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
    parsed.push(parseSysctl(path, await readFile(path, 'utf8')));
  }
  const effective = computeEffectiveSysctls(parsed, { ...options, ...(options.useRoot === false ? {} : { rootDir: root }) });
  return { root, effective, path: (relative: string) => join(root, relative) };
}

function trail(value: EffectiveValue | undefined): string[] {
  return (value?.history ?? []).map((h) => `${h.assignment.value ?? '-'}@${h.assignment.keySpan.file.split('/').slice(-2).join('/')}:${h.assignment.keySpan.line} ${h.outcome}/${h.reason}`);
}

describe('precedence across sysctl.d directories', () => {
  it('a file name in /etc/sysctl.d masks the same name in /usr/lib/sysctl.d, whole file', async () => {
    const { effective, path } = await tree({
      'usr/lib/sysctl.d/50-default.conf': 'net.ipv4.conf.all.rp_filter = 2\nkernel.sysrq = 16\n',
      'etc/sysctl.d/50-default.conf': 'net.ipv4.conf.all.rp_filter = 1\n',
    });
    const rp = effective.get('net.ipv4.conf.all.rp_filter')!;
    expect(rp.value).toBe('1');
    expect(rp.assignment.keySpan.file).toBe(path('etc/sysctl.d/50-default.conf'));
    expect(trail(rp)).toEqual(['2@sysctl.d/50-default.conf:1 masked/masked', '1@sysctl.d/50-default.conf:1 applied/last-assignment']);
    expect(rp.history[0]!.maskedBy).toBe(path('etc/sysctl.d/50-default.conf'));
    expect(effective.get('kernel.sysrq')).toBeUndefined();
    expect(effective.masked.map((m) => [m.assignment.key, m.maskedBy])).toEqual([
      ['net.ipv4.conf.all.rp_filter', path('etc/sysctl.d/50-default.conf')],
      ['kernel.sysrq', path('etc/sysctl.d/50-default.conf')],
    ]);
    expect(effective.files.map((f) => [f.file, f.status])).toEqual([
      [path('usr/lib/sysctl.d/50-default.conf'), 'masked'],
      [path('etc/sysctl.d/50-default.conf'), 'applied'],
    ]);
  });

  it('/run masks /usr/local/lib, which masks /usr/lib', async () => {
    const { effective, path } = await tree({
      'usr/lib/sysctl.d/10-x.conf': 'vm.swappiness = 1\n',
      'usr/local/lib/sysctl.d/10-x.conf': 'vm.swappiness = 2\n',
      'run/sysctl.d/10-x.conf': 'vm.swappiness = 3\n',
    });
    expect(effective.get('vm.swappiness')!.value).toBe('3');
    expect(effective.masked.map((m) => m.assignment.value)).toEqual(['1', '2']);
    expect(effective.masked.every((m) => m.maskedBy === path('run/sysctl.d/10-x.conf'))).toBe(true);
  });

  it('files apply in name order across directories, whatever directory they are in', async () => {
    const { effective } = await tree({
      'etc/sysctl.d/10-tuning.conf': 'net.core.somaxconn = 65535\n',
      'usr/lib/sysctl.d/99-vendor.conf': 'net.core.somaxconn = 128\n',
    });
    const value = effective.get('net.core.somaxconn')!;
    expect(value.value).toBe('128');
    expect(trail(value)).toEqual(['65535@sysctl.d/10-tuning.conf:1 overridden/order', '128@sysctl.d/99-vendor.conf:1 applied/last-assignment']);
    expect(value.history[0]!.by).toBe(value.assignment);
  });

  it('procps applies /etc/sysctl.conf after every sysctl.d file', async () => {
    const { effective } = await tree({
      'etc/sysctl.conf': 'net.ipv4.tcp_tw_reuse = 0\n',
      'etc/sysctl.d/99-zzz.conf': 'net.ipv4.tcp_tw_reuse = 1\n',
      'run/sysctl.d/00-first.conf': 'net.ipv4.tcp_tw_reuse = 2\n',
    });
    expect(effective.get('net.ipv4.tcp_tw_reuse')!.value).toBe('0');
    expect(trail(effective.get('net.ipv4.tcp_tw_reuse'))).toEqual([
      '2@sysctl.d/00-first.conf:1 overridden/order',
      '1@sysctl.d/99-zzz.conf:1 overridden/order',
      '0@etc/sysctl.conf:1 applied/last-assignment',
    ]);
  });

  it('within one file the last assignment wins', async () => {
    const { effective } = await tree({ 'etc/sysctl.d/a.conf': 'vm.swappiness = 10\nvm.swappiness=20\n' });
    expect(trail(effective.get('vm.swappiness'))).toEqual(['10@sysctl.d/a.conf:1 overridden/order', '20@sysctl.d/a.conf:2 applied/last-assignment']);
  });

  it('orders names by byte value, as strcmp does', async () => {
    const { effective } = await tree({
      'etc/sysctl.d/a.conf': 'vm.swappiness = 1\n',
      'etc/sysctl.d/B.conf': 'vm.swappiness = 2\n',
      'etc/sysctl.d/10.conf': 'vm.swappiness = 3\n',
    });
    expect(effective.get('vm.swappiness')!.history.map((h) => h.assignment.value)).toEqual(['3', '2', '1']);
  });

  it('never reads sysctl.d files without the .conf suffix', async () => {
    const { effective, path } = await tree({
      'etc/sysctl.d/99-tuning.conf.disabled': 'vm.swappiness = 1\n',
      'etc/sysctl.d/10-a.conf': 'vm.swappiness = 60\n',
    });
    expect(effective.get('vm.swappiness')!.value).toBe('60');
    expect(effective.files.find((f) => f.status === 'ignored')).toMatchObject({ file: path('etc/sysctl.d/99-tuning.conf.disabled') });
  });

  it('treats files outside the system directories as their /etc equivalents', async () => {
    const { effective } = await tree(
      {
        'deploy/node/sysctl.conf': 'net.ipv4.ip_forward = 0\n',
        'deploy/node/sysctl.d/90-k8s.conf': 'net.ipv4.ip_forward = 1\n',
        'deploy/other/50-net.conf': 'net.ipv4.ip_forward = 1\nvm.swappiness = 0\n',
      },
      { useRoot: false },
    );
    expect(effective.get('net.ipv4.ip_forward')!.value).toBe('0');
    expect(effective.files.map((f) => [f.file.split('/').slice(-2).join('/'), f.location.systemPath, f.location.recognised])).toEqual([
      ['other/50-net.conf', '/etc/sysctl.d', false],
      ['sysctl.d/90-k8s.conf', '/etc/sysctl.d', false],
      ['node/sysctl.conf', '/etc/sysctl.conf', false],
    ]);
  });
});

describe('globs and exclusions', () => {
  it('a key named anywhere beats a glob, in whatever order; "-pattern" keeps globs off', async () => {
    const { effective } = await tree(
      {
        'etc/sysctl.d/10-eth0.conf': 'net.ipv4.conf.eth0.rp_filter = 0\n',
        'etc/sysctl.d/20-all.conf': 'net.ipv4.conf.*.rp_filter = 1\n-net.ipv4.conf.lo.rp_filter\n',
      },
      { knownKeys: ['net.ipv4.conf.all.rp_filter', 'net.ipv4.conf.lo.rp_filter', 'net.ipv4.conf.<iface>.rp_filter'] },
    );
    expect(effective.get('net.ipv4.conf.eth0.rp_filter')!.value).toBe('0');
    expect(trail(effective.get('net.ipv4.conf.eth0.rp_filter'))).toEqual([
      '0@sysctl.d/10-eth0.conf:1 applied/last-assignment',
      '1@sysctl.d/20-all.conf:1 overridden/explicit-over-glob',
    ]);
    expect(effective.get('net.ipv4.conf.all.rp_filter')).toMatchObject({ value: '1', assignment: { key: 'net.ipv4.conf.*.rp_filter' } });
    expect(effective.get('net.ipv4.conf.lo.rp_filter')).toBeUndefined();
    expect(effective.globs).toHaveLength(1);
    expect(effective.globs[0]).toMatchObject({
      appliedTo: ['net.ipv4.conf.all.rp_filter'],
      overriddenFor: ['net.ipv4.conf.eth0.rp_filter'],
      excludedFrom: ['net.ipv4.conf.lo.rp_filter'],
    });
  });

  it('runs the procps glob test file against the key table', async () => {
    const text = await readFile('/work/shared/corpus/real/sysctl/procps-glob-test.conf', 'utf8');
    const effective = computeEffectiveSysctls([parseSysctl('/etc/sysctl.d/glob.conf', text)], { knownKeys: SYSCTL_KEYS.map((k) => k.key) });
    expect(effective.keys()).toEqual(['fs.protected_fifos', 'fs.protected_hardlinks', 'fs.protected_symlinks']);
    expect(effective.get('fs.protected_hardlinks')!.value).toBe('1');
    expect(effective.get('fs.protected_fifos')!.value).toBe('2');
    expect(effective.globs[0]!.excludedFrom).toEqual(['fs.protected_regular']);
  });

  it('a glob "*" stays within one key component, an exclusion "*" crosses them', async () => {
    const { effective } = await tree(
      {
        'etc/sysctl.d/a.conf': 'net.ipv4.conf.eth0.rp_filter = 2\n',
        'etc/sysctl.d/b.conf': 'net.*.rp_filter = 1\nnet.ipv6* = 1\nnet.ipv6.conf.*.forwarding = 1\n-net.ipv6*\n',
      },
      { knownKeys: ['net.ipv6.conf.all.forwarding', 'net.ipv4.conf.all.rp_filter'] },
    );
    expect(effective.get('net.ipv4.conf.eth0.rp_filter')!.history.map((h) => h.outcome)).toEqual(['applied']);
    expect(effective.get('net.ipv4.conf.all.rp_filter')).toBeUndefined();
    expect(effective.get('net.ipv6.conf.all.forwarding')).toBeUndefined();
    expect(effective.globs.map((g) => [g.assignment.key, g.appliedTo, g.excludedFrom])).toEqual([
      ['net.*.rp_filter', [], []],
      ['net.ipv6*', [], []],
      ['net.ipv6.conf.*.forwarding', [], ['net.ipv6.conf.all.forwarding']],
    ]);
  });

  it('the last matching glob wins when no key is named', async () => {
    const { effective } = await tree({ 'etc/sysctl.d/a.conf': 'net.ipv4.conf.*.rp_filter = 1\nnet.ipv4.conf.a?l.rp_filter = 2\n' }, { knownKeys: ['net.ipv4.conf.all.rp_filter'] });
    expect(trail(effective.get('net.ipv4.conf.all.rp_filter'))).toEqual(['1@sysctl.d/a.conf:1 overridden/order', '2@sysctl.d/a.conf:2 applied/last-assignment']);
  });
});

describe('effectiveForInterface', () => {
  it('reads all and the interface, falls back to default, and gives the max', async () => {
    const { effective } = await tree({
      'etc/sysctl.d/a.conf': 'net.ipv4.conf.all.rp_filter = 1\nnet.ipv4.conf.default.rp_filter = 2\nnet/ipv4/conf/eth0.100/rp_filter = 0\n',
    });
    const vlan = effective.effectiveForInterface('net.ipv4.conf.<iface>.rp_filter', 'eth0.100');
    expect(vlan).toMatchObject({ key: 'net.ipv4.conf.eth0/100.rp_filter', ownFrom: 'interface', max: 1 });
    expect(vlan.all!.value).toBe('1');
    expect(vlan.own!.value).toBe('0');
    const bond = effective.effectiveForInterface('net.ipv4.conf.<iface>.rp_filter', 'bond0');
    expect(bond).toMatchObject({ key: 'net.ipv4.conf.bond0.rp_filter', ownFrom: 'default', max: 2 });
    const unset = effective.effectiveForInterface('net.ipv4.conf.<iface>.log_martians', 'eth0');
    expect(unset).toEqual({ key: 'net.ipv4.conf.eth0.log_martians' });
  });
});

describe('locateSysctlFile', () => {
  it.each([
    ['/etc/sysctl.d/99-x.conf', undefined, '/etc/sysctl.d', 0, true],
    ['/srv/img/usr/lib/sysctl.d/50-default.conf', undefined, '/usr/lib/sysctl.d', 3, true],
    ['/srv/img/usr/local/lib/sysctl.d/50.conf', undefined, '/usr/local/lib/sysctl.d', 2, true],
    ['/srv/img/lib/sysctl.d/50.conf', undefined, '/lib/sysctl.d', 4, true],
    ['img/etc/sysctl.conf', undefined, '/etc/sysctl.conf', 5, true],
    ['/srv/img/opt/etc/sysctl.d/a.conf', '/srv/img', '/etc/sysctl.d', 0, false],
    ['/srv/img/run/sysctl.d/a.conf', '/srv/img', '/run/sysctl.d', 1, true],
    ['C:\\repo\\etc\\sysctl.d\\a.conf', undefined, '/etc/sysctl.d', 0, true],
  ] as const)('%s (root %s)', (path, root, systemPath, priority, recognised) => {
    expect(locateSysctlFile(path, root)).toMatchObject({ systemPath, priority, recognised });
  });
});
