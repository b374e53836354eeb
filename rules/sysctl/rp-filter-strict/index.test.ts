import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from './index.js';
import { lintAfterFixes, ruleFindings, testRule } from '../../../src/testing/index.js';

const positive = (name: string): string => join(import.meta.dirname, 'fixtures', 'positive', name);
const KUBE_PROXY = 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ipvs\n';

describe('sysctl/rp-filter-strict severity', () => {
  it('is an error with the kube-proxy config as related location on an IPVS node', async () => {
    const [finding] = await ruleFindings(rule, { dir: positive('tunnel-interface-on-ipvs-node') });
    expect(finding?.severity).toBe('error');
    expect(finding?.related?.map(({ file, line, column }) => ({ file, line, column }))).toEqual([{ file: 'kube-proxy/config.yaml', line: 3, column: 7 }]);
  });

  it('stays a warning without IPVS, tunnel or Kubernetes evidence', async () => {
    const [finding] = await ruleFindings(rule, { dir: positive('centos-all-strict') });
    expect(finding?.severity).toBe('warning');
    expect(finding?.related).toBeUndefined();
  });
});

describe('sysctl/rp-filter-strict fix', () => {
  it('sets only the strict "all" value to 2, and then every interface is loose', async () => {
    const dir = positive('centos-all-strict');
    const original = readFileSync(join(dir, 'sysctl.conf'), 'utf8');
    const { before, after, texts } = await lintAfterFixes(rule, dir);
    expect(before).toHaveLength(1);
    expect(after).toEqual([]);
    expect(texts.get('sysctl.conf')).toBe(original.replace('net.ipv4.conf.all.rp_filter = 1', 'net.ipv4.conf.all.rp_filter = 2'));
  });

  it('loosens a glob in place', async () => {
    const { after, texts } = await lintAfterFixes(rule, positive('glob-strict'));
    expect(after).toEqual([]);
    expect(texts.get('etc/sysctl.d/80-rp.conf')).toBe('net.ipv4.conf.*.rp_filter = 2\n');
  });
});

testRule({
  rule,
  valid: [
    { name: 'loose everywhere', files: { 'sysctl.conf': 'net.ipv4.conf.all.rp_filter = 2\nnet.ipv4.conf.default.rp_filter = 2\n' } },
    { name: 'a glob excluded from "all" by a -pattern line', files: { 'sysctl.conf': 'net.ipv4.conf.all.rp_filter = 2\n-net.ipv4.conf.default.rp_filter\nnet.ipv4.conf.*.rp_filter = 1\n' } },
    { name: 'reverse-path filtering off', files: { 'sysctl.conf': 'net.ipv4.conf.all.rp_filter = 0\n' } },
  ],
  invalid: [
    {
      name: 'an nginx proxy in front does not raise it to error',
      files: {
        'sysctl.conf': 'net.ipv4.conf.all.rp_filter = 1\n',
        'nginx.conf': 'events {}\nhttp {\n    server {\n        location / {\n            proxy_pass http://127.0.0.1:8080;\n        }\n    }\n}\n',
      },
      findings: [{ file: 'sysctl.conf', line: 1, column: 31, endLine: 1, endColumn: 32, severity: 'warning' }],
    },
    {
      name: 'each strict interface when "all" is 0; one finding per assignment',
      files: { 'sysctl.conf': 'net.ipv4.conf.all.rp_filter = 0\nnet.ipv4.conf.eth0.rp_filter = 1\nnet.ipv4.conf.bond0.rp_filter = 1\n', 'kube-proxy.yaml': KUBE_PROXY },
      findings: [
        { file: 'sysctl.conf', line: 2, column: 32, endLine: 2, endColumn: 33, severity: 'error' },
        {
          file: 'sysctl.conf',
          line: 3,
          column: 33,
          endLine: 3,
          endColumn: 34,
          severity: 'error',
          message:
            '"net.ipv4.conf.bond0.rp_filter = 1" turns on strict reverse-path filtering for interface bond0: a packet is dropped when the route back to its source leaves through another interface, ' +
            'which IPVS/LVS, tunnels and Kubernetes nodes in this workspace do (see related locations); set it to 2 (loose)',
        },
      ],
    },
  ],
});
