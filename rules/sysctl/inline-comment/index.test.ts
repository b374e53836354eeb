import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from './index.js';
import { lintAfterFixes, testRule } from '../../../src/testing/index.js';

const positive = (name: string): string => join(import.meta.dirname, 'fixtures', 'positive', name);

describe('sysctl/inline-comment fix', () => {
  it('moves the comment to its own line above and leaves the rest byte-identical', async () => {
    const { before, after, texts } = await lintAfterFixes(rule, positive('hash-after-value'));
    expect(before).toHaveLength(1);
    expect(after).toEqual([]);
    expect(texts.get('sysctl.conf')).toBe(
      '# accept queue\n# burst capacity for the SLB health checks\nnet.core.somaxconn = 4096\nnet.ipv4.tcp_tw_reuse = 1\n',
    );
  });

  it('keeps CRLF line ends and the indentation, and drops the tab before the comment', async () => {
    const { after, texts } = await lintAfterFixes(rule, positive('crlf-indented'));
    expect(after).toEqual([]);
    expect(texts.get('sysctl.conf')).toBe('net.ipv4.tcp_fin_timeout = 30\r\n    # wide range\r\n    net.ipv4.ip_local_port_range = 10000 65535\r\n');
  });

  it('keeps a ";" comment as written', async () => {
    const { texts } = await lintAfterFixes(rule, positive('semicolon-after-string-value'));
    expect(texts.get('etc/sysctl.d/20-host.conf')).toBe('; this one has a space which will be written to the sysctl!\nkernel.domainname = example.com\n');
  });
});

testRule({
  rule,
  valid: [{ name: 'a "#" glued to a word is part of the value', files: { 'sysctl.conf': 'kernel.core_pattern = core#%e\n' } }],
  invalid: [
    {
      files: { 'sysctl.conf': 'net.ipv4.tcp_tw_reuse = 1 ;on\n' },
      findings: [
        {
          line: 1,
          column: 27,
          endLine: 1,
          endColumn: 30,
          message: '";on" is not a comment after a value: the kernel receives "1 ;on" for net.ipv4.tcp_tw_reuse; move the comment to its own line above',
        },
      ],
    },
  ],
});
