import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from './index.js';
import { lintAfterFixes, testRule } from '../../../src/testing/index.js';

const positive = (name: string): string => join(import.meta.dirname, 'fixtures', 'positive', name);

describe('sysctl/unknown-key fix', () => {
  it('replaces only the misspelt key', async () => {
    const { before, after, texts } = await lintAfterFixes(rule, positive('typo'));
    expect(before).toHaveLength(1);
    expect(after).toEqual([]);
    expect(texts.get('sysctl.conf')).toBe('net.core.somaxconn = 4096\nnet.ipv4.tcp_tw_reuse = 1\n');
  });

  it('keeps the interface name in an interface key', async () => {
    const { after, texts } = await lintAfterFixes(rule, positive('typo-in-interface-key'));
    expect(after).toEqual([]);
    expect(texts.get('etc/sysctl.d/60-lvs.conf')).toBe('net.ipv4.conf.all.rp_filter = 0\nnet.ipv4.conf.eth0.rp_filter = 0\n');
  });

  it('offers no fix for a key the declared kernel removed', async () => {
    const { before } = await lintAfterFixes(rule, positive('removed-on-declared-kernel'));
    expect(before.map((finding) => finding.fix)).toEqual([undefined]);
  });
});

testRule({
  rule,
  valid: [
    {
      name: 'an enabled tcp_tw_recycle on a new kernel is left to sysctl/tcp-tw-recycle',
      files: { 'sysctl.conf': 'net.ipv4.tcp_tw_recycle = 1\n' },
      config: { environment: { kernelVersion: '5.4' } },
    },
    { name: 'a key far from every known key is not guessed at', files: { 'sysctl.conf': 'vendor.widget.frobnicate = 1\n' } },
  ],
  invalid: [
    {
      name: 'a "-" line keeps its dash when the key is corrected',
      files: { 'sysctl.conf': '-net.core.somaxcon = 4096\n' },
      findings: [{ line: 1, column: 2, endLine: 1, endColumn: 19 }],
    },
  ],
});
