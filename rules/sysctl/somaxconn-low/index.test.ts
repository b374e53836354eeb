import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from './index.js';
import { lintAfterFixes, testRule } from '../../../src/testing/index.js';

const positive = (name: string): string => join(import.meta.dirname, 'fixtures', 'positive', name);

describe('sysctl/somaxconn-low fix', () => {
  it('raises the value to 4096 and touches nothing else', async () => {
    const { before, after, texts } = await lintAfterFixes(rule, positive('set-to-128'));
    expect(before).toHaveLength(1);
    expect(after).toEqual([]);
    expect(texts.get('sysctl.conf')).toBe('net.core.somaxconn = 4096\nnet.ipv4.tcp_max_syn_backlog = 8192\n');
  });

  it('meets a configured minimum', async () => {
    const { after, texts } = await lintAfterFixes(rule, positive('minimum-option-4096'));
    expect(after).toEqual([]);
    expect(texts.get('sysctl.conf')).toBe('# gateway node\nnet.core.somaxconn = 4096\n');
  });

  it('offers no fix when the key is absent (it does not guess a file to add it to)', async () => {
    const { before, after } = await lintAfterFixes(rule, positive('unset-on-kernel-3.10'));
    expect(before.map((finding) => finding.fix)).toEqual([undefined]);
    expect(after).toHaveLength(1);
  });
});

testRule({
  rule,
  valid: [
    { files: { 'sysctl.conf': 'net.core.somaxconn = 65535\n' } },
    { name: 'a lower minimum accepts 512', files: { 'sysctl.conf': 'net.core.somaxconn = 512\n' }, options: { minimum: 512 } },
  ],
  invalid: [
    {
      files: { 'sysctl.conf': 'net.core.somaxconn=511\n' },
      findings: [
        {
          line: 1,
          column: 20,
          endLine: 1,
          endColumn: 23,
          message:
            '"net.core.somaxconn=511" caps the accept queue of every listening socket at 511, whatever backlog the server asks for; ' +
            'a burst overflows it and the kernel drops handshakes, which load balancers see as failed health checks and timeouts; set it to at least 1024',
        },
      ],
    },
    {
      name: 'a minimum above 4096 is what the fix writes',
      files: { 'sysctl.conf': 'net.core.somaxconn = 4096\n' },
      options: { minimum: 8192 },
      findings: [{ line: 1, column: 22, endLine: 1, endColumn: 26, message: expect.stringContaining('set it to at least 8192') as unknown as string }],
    },
  ],
});
