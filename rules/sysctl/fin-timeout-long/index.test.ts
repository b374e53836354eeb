import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from './index.js';
import { lintAfterFixes } from '../../../src/testing/index.js';

const positive = (name: string): string => join(import.meta.dirname, 'fixtures', 'positive', name);

describe('sysctl/fin-timeout-long fix', () => {
  it('sets 30 in place, keeping the comment and the other lines', async () => {
    const { before, after, texts } = await lintAfterFixes(rule, positive('in-sysctl-d'));
    expect(before).toHaveLength(1);
    expect(after).toEqual([]);
    expect(texts.get('etc/sysctl.d/40-ipvs-node.conf')).toBe('# IPVS node\nnet.ipv4.tcp_fin_timeout = 30\nnet.ipv4.tcp_tw_reuse = 1\n');
  });

  it('never writes more than a configured maximum', async () => {
    const { after, texts } = await lintAfterFixes(rule, positive('maximum-option'));
    expect(after).toEqual([]);
    expect(texts.get('sysctl.conf')).toBe('net.ipv4.tcp_fin_timeout = 30\n');
  });
});
