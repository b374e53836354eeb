import { describe, expect, it } from 'vitest';
import {
  SYSCTL_KEYS,
  defaultFor,
  keyAvailability,
  lookupKey,
  parseKernelInteger,
  parseKernelVersion,
  suggestKey,
  validateValue,
  type SysctlKeySpec,
} from '../src/languages/sysctl/index.js';

function spec(key: string): SysctlKeySpec {
  const found = lookupKey(key);
  if (!found) throw new Error(`${key} is not in the table`);
  return found;
}

describe('the key table', () => {
  it('has every key the incident rules use, and the common tuning keys', () => {
    for (const key of [
      'net.ipv4.tcp_tw_recycle',
      'net.ipv4.tcp_tw_reuse',
      'net.ipv4.tcp_timestamps',
      'net.ipv4.conf.all.rp_filter',
      'net.core.somaxconn',
      'net.ipv4.ip_local_port_range',
      'net.ipv4.tcp_max_tw_buckets',
      'net.ipv4.tcp_fin_timeout',
      'net.ipv4.tcp_max_syn_backlog',
      'net.ipv4.ip_forward',
      'net.netfilter.nf_conntrack_max',
      'net.bridge.bridge-nf-call-iptables',
      'vm.swappiness',
      'fs.file-max',
      'kernel.pid_max',
    ]) {
      expect(lookupKey(key)?.description, key).toBeTruthy();
    }
    expect(SYSCTL_KEYS.length).toBeGreaterThanOrEqual(150);
  });

  it('lists each key once, with a description and a source', () => {
    const keys = SYSCTL_KEYS.map((k) => k.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const entry of SYSCTL_KEYS) {
      expect(entry.description.length, entry.key).toBeGreaterThan(10);
      expect(entry.source, entry.key).toMatch(/Documentation\/|\.c\b|removed in/);
    }
  });

  it('has defaults its own validation accepts on the kernels they apply to', () => {
    for (const entry of SYSCTL_KEYS) {
      for (const d of entry.defaults) {
        const kernel = d.since ?? (d.before ? `${parseKernelVersion(d.before)![0]}.0` : undefined);
        const problem = entry.readOnly || entry.value.kind === 'string' ? undefined : validateValue(entry, d.value, kernel);
        expect(problem, `${entry.key} default ${d.value}`).toBeUndefined();
      }
    }
  });

  it('records removal, versions and defaults of the incident keys', () => {
    expect(spec('net.ipv4.tcp_tw_recycle')).toMatchObject({ removedIn: '4.12', netns: true, value: { kind: 'bool' } });
    expect(defaultFor(spec('net.core.somaxconn'), '4.19.0-20-amd64')).toBe('128');
    expect(defaultFor(spec('net.core.somaxconn'), '5.4')).toBe('4096');
    expect(defaultFor(spec('net.core.somaxconn'))).toBe('4096');
    expect(defaultFor(spec('net.ipv4.tcp_tw_reuse'), '4.9')).toBe('0');
    expect(defaultFor(spec('net.ipv4.tcp_tw_reuse'), '5.10')).toBe('2');
    expect(defaultFor(spec('net.ipv4.tcp_max_tw_buckets'))).toBeUndefined();
    expect(spec('net.ipv4.ip_local_port_range').value).toMatchObject({ kind: 'ints', count: 2 });
    expect(defaultFor(spec('net.ipv4.ip_local_port_range'))).toBe('32768 60999');
  });

  it('marks which keys are per network namespace', () => {
    expect(spec('net.core.somaxconn').netns).toBe(true);
    expect(spec('net.ipv4.tcp_fin_timeout').netns).toBe(true);
    expect(spec('net.ipv4.conf.eth0.rp_filter').netns).toBe(true);
    expect(spec('net.core.rmem_max').netns).toBe(false);
    expect(spec('net.netfilter.nf_conntrack_max').netns).toBe(false);
    expect(spec('vm.swappiness')).toMatchObject({ netns: false, namespace: 'global' });
    expect(spec('kernel.shmmax')).toMatchObject({ netns: false, namespace: 'ipc' });
    expect(spec('kernel.hostname').namespace).toBe('uts');
  });
});

describe('lookupKey', () => {
  it('matches interface templates, including VLAN components and all/default', () => {
    expect(lookupKey('net.ipv4.conf.eth0/100.rp_filter')?.key).toBe('net.ipv4.conf.<iface>.rp_filter');
    expect(lookupKey('net.ipv4.conf.default.rp_filter')?.key).toBe('net.ipv4.conf.<iface>.rp_filter');
    expect(lookupKey('net.ipv4.neigh.eth0.gc_stale_time')?.key).toBe('net.ipv4.neigh.<iface>.gc_stale_time');
    expect(lookupKey('net.ipv4.neigh.default.gc_thresh3')?.key).toBe('net.ipv4.neigh.default.gc_thresh3');
    expect(lookupKey('net.ipv4.neigh.eth0.gc_thresh3')).toBeUndefined();
    expect(lookupKey('net.ipv4.conf.eth0.100.rp_filter')).toBeUndefined();
    expect(lookupKey('net.ipv4.conf..rp_filter')).toBeUndefined();
  });
});

describe('keyAvailability', () => {
  it('says when a key is gone or not there yet on the declared kernel', () => {
    expect(keyAvailability(spec('net.ipv4.tcp_tw_recycle'), '4.19')?.message).toBe(
      'net.ipv4.tcp_tw_recycle was removed in Linux 4.12: on Linux 4.19 "sysctl -p" fails with "unknown key"',
    );
    expect(keyAvailability(spec('net.ipv4.tcp_tw_recycle'), '4.11.12')).toBeUndefined();
    expect(keyAvailability(spec('net.ipv4.tcp_tw_recycle'))).toBeUndefined();
    expect(keyAvailability(spec('fs.protected_regular'), '3.10.0-1160.el7.x86_64')).toEqual({
      kind: 'not-yet',
      message: 'fs.protected_regular exists since Linux 4.19; Linux 3.10 does not have it',
    });
  });
});

describe('validateValue', () => {
  it.each([
    ['net.core.somaxconn', '65536', '4.0', 'range', '"65536" is out of range for net.core.somaxconn (0..65535 on Linux < 4.1): the listen backlog was a 16-bit field, larger values wrap'],
    ['net.core.somaxconn', '-1', undefined, 'range', '"-1" is out of range for net.core.somaxconn (0..2147483647)'],
    ['net.core.somaxconn', '1k', undefined, 'type', '"1k" is not an integer: net.core.somaxconn takes an integer'],
    ['net.core.somaxconn', '', undefined, 'empty', 'empty value for net.core.somaxconn: expected an integer'],
    ['net.ipv4.tcp_tw_reuse', '2', '4.9', 'enum', '"2" is not valid for net.ipv4.tcp_tw_reuse on Linux 4.9: 2 (enable for loopback traffic only) exists since 4.19; expected 0 (disabled) or 1 (global enable)'],
    ['net.ipv4.conf.all.rp_filter', '3', undefined, 'enum', '"3" is not valid for net.ipv4.conf.all.rp_filter: expected 0 (no source validation), 1 (strict reverse path) or 2 (loose reverse path)'],
    ['net.ipv4.ip_forward', 'yes', undefined, 'type', '"yes" is not valid for net.ipv4.ip_forward: expected 0 (off) or 1 (on)'],
    ['net.ipv4.tcp_tw_recycle', '1 # off', undefined, 'type', '"1 # off" is not valid for net.ipv4.tcp_tw_recycle: expected 0 (off) or 1 (on)'],
    ['net.ipv4.ip_local_port_range', '1024', undefined, 'count', '"1024" has 1 value: net.ipv4.ip_local_port_range takes 2 integers separated by spaces'],
    ['net.ipv4.ip_local_port_range', '1024 70000', undefined, 'range', '"70000" in "1024 70000" is out of range for net.ipv4.ip_local_port_range (1..65535)'],
    ['net.ipv4.ip_local_port_range', '61000 32768', undefined, 'range', '"61000 32768" is rejected for net.ipv4.ip_local_port_range: the second number (32768) is below the first (61000)'],
    ['vm.swappiness', '150', '5.4', 'range', '"150" is out of range for vm.swappiness (0..100 on Linux < 5.8)'],
    ['net.core.default_qdisc', 'fq_codell', undefined, 'enum', '"fq_codell" is not valid for net.core.default_qdisc: expected one of pfifo_fast, pfifo, bfifo, fq, fq_codel, fq_pie, sfq, cake, codel, pie, noqueue, mq, tbf, red, choke, hhf'],
    ['net.netfilter.nf_conntrack_count', '1', undefined, 'read-only', 'net.netfilter.nf_conntrack_count is read-only: writing "1" fails'],
    ['kernel.hostname', 'x'.repeat(65), undefined, 'length', `"${'x'.repeat(65)}" is 65 characters long: kernel.hostname holds at most 64`],
  ])('%s = %s (Linux %s)', (key, value, kernel, kind, message) => {
    expect(validateValue(spec(key), value, kernel, key)).toEqual({ kind, message });
  });

  it.each([
    ['net.core.somaxconn', '65536', undefined],
    ['net.core.somaxconn', '65536', '4.1'],
    ['net.ipv4.tcp_tw_reuse', '2', '4.19'],
    ['net.ipv4.tcp_tw_reuse', '2', undefined],
    ['net.ipv4.ip_local_port_range', '1024\t65000', undefined],
    ['net.ipv4.ping_group_range', '0 2147483647', undefined],
    ['vm.swappiness', '150', '5.8'],
    ['kernel.sysrq', '0x10', undefined],
    ['kernel.core_pattern', '|/usr/lib/systemd/systemd-coredump %P %u %g %s %t %c %h', undefined],
  ])('accepts %s = %s (Linux %s)', (key, value, kernel) => {
    expect(validateValue(spec(key), value, kernel)).toBeUndefined();
  });

  it('reads integers with base 0, like the kernel', () => {
    expect(parseKernelInteger('0x10')).toBe(16);
    expect(parseKernelInteger('010')).toBe(8);
    expect(parseKernelInteger('-5')).toBe(-5);
    expect(parseKernelInteger('08')).toBeUndefined();
    expect(parseKernelInteger('+5')).toBeUndefined();
    expect(parseKernelInteger('1.5')).toBeUndefined();
  });
});

describe('suggestKey', () => {
  it.each([
    ['net.ipv4.tcp_tw_recyle', 'net.ipv4.tcp_tw_recycle'],
    ['net.core.somaxcon', 'net.core.somaxconn'],
    ['net.ipv4.somaxconn', 'net.core.somaxconn'],
    ['vm.swapiness', 'vm.swappiness'],
    ['net.ipv4.conf.eth0.rp_filer', 'net.ipv4.conf.eth0.rp_filter'],
    ['net.ipv4.conf.all.rpfilter', 'net.ipv4.conf.all.rp_filter'],
    ['net.ipv4.tcp_fin_timout', 'net.ipv4.tcp_fin_timeout'],
    ['fs.inotify.max_user_watch', 'fs.inotify.max_user_watches'],
  ])('%s -> %s', (typo, expected) => {
    expect(suggestKey(typo)).toBe(expected);
  });

  it.each(['foo.bar', 'net.ipv4.something_else_entirely', 'kernel.x'])('has nothing close for %s', (key) => {
    expect(suggestKey(key)).toBeUndefined();
  });
});
