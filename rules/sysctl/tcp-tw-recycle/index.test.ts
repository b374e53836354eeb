import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from './index.js';
import { lintAfterFixes, ruleFindings, testRule } from '../../../src/testing/index.js';

const positive = (name: string): string => join(import.meta.dirname, 'fixtures', 'positive', name);

describe('sysctl/tcp-tw-recycle NAT evidence and kernel version', () => {
  it('names kube-proxy in ipvs mode as a related location', async () => {
    const [finding] = await ruleFindings(rule, { dir: positive('kube-proxy-ipvs-node') });
    expect(finding?.message).toContain('kube-proxy in ipvs mode');
    expect(finding?.related).toEqual([
      { file: 'kube-proxy/config.yaml', line: 3, column: 7, endLine: 3, endColumn: 11, message: expect.stringContaining('kube-proxy runs in ipvs mode') },
    ]);
  });

  it('points at environment.clientsBehindSnat in hoplint.config.yaml and says sysctl -p fails on 4.19', async () => {
    const [finding] = await ruleFindings(rule, { dir: positive('snat-declared-kernel-4.19') });
    // Line 3 of the config is `  clientsBehindSnat: true`: the related location is the `true`.
    expect(finding?.related).toEqual([
      { file: 'hoplint.config.yaml', line: 3, column: 22, endLine: 3, endColumn: 26, message: expect.stringContaining('environment.clientsBehindSnat') },
    ]);
    expect(finding?.message).toContain('Linux 4.19 no longer has the key, so "sysctl -p" fails on this line');
    expect(finding?.message).toContain('"net.ipv4.tcp_tw_recycle=1"');
  });

  it('has no related locations without NAT evidence', async () => {
    const [finding] = await ruleFindings(rule, { dir: positive('enabled-without-nat-evidence') });
    expect(finding?.related).toBeUndefined();
    expect(finding?.message).toContain('Linux 4.12 removed the key.');
  });
});

describe('sysctl/tcp-tw-recycle fix', () => {
  it('deletes exactly the tcp_tw_recycle line', async () => {
    const dir = positive('enabled-without-nat-evidence');
    const original = readFileSync(join(dir, 'sysctl.conf'), 'utf8');
    const { before, after, texts } = await lintAfterFixes(rule, dir);
    expect(before).toHaveLength(1);
    expect(after).toEqual([]);
    expect(texts.get('sysctl.conf')).toBe(original.replace('net.ipv4.tcp_tw_recycle = 1\n', ''));
  });
});

testRule({
  rule,
  valid: [
    { files: { 'sysctl.conf': 'net.ipv4.tcp_tw_recycle = 0\n' } },
    { name: 'disabled, with SNAT declared', files: { 'sysctl.conf': 'net.ipv4.tcp_tw_recycle = 0\n' }, config: { environment: { clientsBehindSnat: true } } },
  ],
  invalid: [
    {
      name: 'a "-" line on a kernel without the key: skipped there, enabled on older kernels',
      files: { 'sysctl.conf': '-net.ipv4.tcp_tw_recycle = 1\n' },
      config: { environment: { kernelVersion: '5.10' } },
      findings: [
        {
          line: 1,
          column: 28,
          endLine: 1,
          endColumn: 29,
          message:
            '"-net.ipv4.tcp_tw_recycle = 1" drops SYNs whose TCP timestamp is older than the last one seen from the same source address (PAWS). ' +
            'Clients behind NAT or SNAT share a source address, so their connects time out. ' +
            'Linux 5.10 no longer has the key; the leading "-" makes sysctl skip the line there, but any older kernel still enables it. ' +
            'Delete the line; for TIME_WAIT use upstream keepalive and net.ipv4.tcp_tw_reuse = 1.',
        },
      ],
    },
    {
      name: 'a declared SNAT without a config file location still counts as evidence',
      files: { 'sysctl.conf': 'net.ipv4.tcp_tw_recycle = 1\n' },
      config: { environment: { clientsBehindSnat: true, kernelVersion: '3.10' } },
      findings: [{ line: 1, column: 27, endLine: 1, endColumn: 28, severity: 'error', message: expect.stringContaining('(environment.clientsBehindSnat in the hoplint config)') as unknown as string }],
    },
  ],
});
