import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from './index.js';
import { lintAfterFixes, testRule } from '../../../src/testing/index.js';

const positive = (name: string): string => join(import.meta.dirname, 'fixtures', 'positive', name);

describe('cni/overlay-mtu fixes', () => {
  const cases: [string, string, string][] = [
    ['rke-canal-mtu-1500', 'cluster.yml', '  plugin: canal\n  mtu: 1450\n'],
    ['rke-canal-mtu-unset', 'cluster.yml', '  plugin: canal   # RKE leaves the pods at the Calico CNI default of 1500\n  mtu: 1450\n  options:\n'],
    ['calico-veth-mtu-and-ippool-in-two-files', 'calico/calico-config.yaml', '  veth_mtu: "1480"\n'],
    ['calico-veth-mtu-through-merge-key', 'calico/calico-config.yaml', '  veth_mtu: "1480"\n'],
    ['flannel-conflist-delegate-mtu', 'etc/cni/net.d/10-flannel.conflist', '"mtu": 1450\n'],
    ['rke2-canal-helmchartconfig', 'rke2/rke2-canal-config.yaml', '      vethuMTU: 1450\n'],
    ['jumbo-underlay-mtu-not-reduced', 'cluster.yml', '  mtu: 8951\n'],
  ];
  for (const [name, file, expected] of cases) {
    it(`${name}: the fix writes the fitting MTU and the rule is satisfied`, async () => {
      const result = await lintAfterFixes(rule, positive(name));
      expect(result.before.length).toBeGreaterThan(0);
      expect(result.before.every((finding) => finding.fix?.safety === 'unsafe')).toBe(true);
      expect(result.texts.get(file)).toContain(expected);
      expect(result.after).toEqual([]);
    });
  }
});

const CALICO_INLINE = 'kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: calico-config\ndata:\n  calico_backend: vxlan\n  veth_mtu: "1500"\n';
const CALICO_MERGED = 'kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: calico-config\nx-defaults: &defaults\n  calico_backend: vxlan\n  veth_mtu: "1500"\ndata:\n  <<: *defaults\n';
const CALICO_VXLAN_MESSAGE =
  "calico-config veth_mtu 1500 + 50 bytes of VXLAN encapsulation = 1550, above the underlay's 1500 (set environment.underlayMtu if the hosts use jumbo frames); full-size pod packets are lost between hosts — set it to 1450";

const NODES = 'nodes:\n  - address: 10.0.0.1\n    user: rancher\n    role: [worker]\n';

testRule({
  rule,
  valid: [
    { name: 'IPIP pool with the Calico CNI plugin at 1480', files: { 'calico.conflist': '{"name":"k8s-pod-network","cniVersion":"0.3.1","plugins":[{"type":"calico","mtu":1480}]}\n', 'pool.yaml': 'apiVersion: crd.projectcalico.org/v1\nkind: IPPool\nmetadata:\n  name: p\nspec:\n  cidr: 10.0.0.0/16\n  ipipMode: Always\n' } },
    { name: 'Calico CNI plugin at 1500 with no pool in the set: encapsulation unknown', files: { 'calico.conflist': '{"name":"k8s-pod-network","cniVersion":"0.3.1","plugins":[{"type":"calico","mtu":1500}]}\n' } },
    { name: 'RKE flannel with mtu is cni/rke-flannel-mtu\'s, not an overlay finding', files: { 'cluster.yml': `${NODES}network:\n  plugin: flannel\n  mtu: 1500\n` } },
    { name: 'a 1450 underlay with auto-detecting flannel', files: { 'net-conf.json': '{"Network":"10.244.0.0/16","Backend":{"Type":"vxlan"}}\n' }, config: { environment: { underlayMtu: 1450 } } },
  ],
  invalid: [
    {
      name: 'the message names the setting, the sum and the fitting value',
      files: { 'cluster.yml': `${NODES}network:\n  plugin: canal\n  mtu: 1500\n` },
      findings: [
        {
          line: 7,
          column: 8,
          endLine: 7,
          endColumn: 12,
          message:
            "RKE network.mtu 1500 + 50 bytes of VXLAN encapsulation = 1550, above the underlay's 1500 (set environment.underlayMtu if the hosts use jumbo frames); full-size pod packets are lost between hosts — set it to 1450",
        },
      ],
    },
    {
      name: 'a declared underlay below the pod MTU',
      files: { 'cluster.yml': `${NODES}network:\n  plugin: calico\n  mtu: 1450\n` },
      config: { environment: { underlayMtu: 1450 } },
      findings: [{ line: 7, column: 8, endLine: 7, endColumn: 12, message: 'RKE network.mtu 1450 + 20 bytes of IPIP encapsulation = 1470, above the declared underlay MTU 1450; full-size pod packets are lost between hosts — set it to 1430' }],
    },
    {
      name: 'RKE with no plugin written defaults to canal at 1500, anchored at network:',
      files: { 'cluster.yml': `${NODES}network:\n  options:\n    canal_iface: eth1\n` },
      findings: [{ line: 5, column: 1, endLine: 5, endColumn: 8 }],
    },
    {
      name: 'calico-config with veth_mtu and calico_backend written in data',
      files: { 'calico-config.yaml': CALICO_INLINE },
      findings: [{ line: 7, column: 13, endLine: 7, endColumn: 19, message: CALICO_VXLAN_MESSAGE }],
    },
    {
      name: 'calico-config with veth_mtu and calico_backend merged into data with <<: the same finding, at the merged value',
      files: { 'calico-config.yaml': CALICO_MERGED },
      findings: [{ line: 7, column: 13, endLine: 7, endColumn: 19, message: CALICO_VXLAN_MESSAGE }],
    },
    {
      name: 'Calico CNI template without mtu, pool in another file: implied 1500',
      files: {
        'calico-config.yaml': 'kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: calico-config\ndata:\n  calico_backend: "bird"\n  cni_network_config: |-\n    {"name": "k8s-pod-network", "cniVersion": "0.3.1", "plugins": [{"type": "calico"}]}\n',
        'pool.yaml': 'apiVersion: crd.projectcalico.org/v1\nkind: IPPool\nmetadata:\n  name: p\nspec:\n  cidr: 10.0.0.0/16\n  vxlanMode: Always\n',
      },
      findings: [{ file: 'calico-config.yaml', line: 7, column: 3, endLine: 7, endColumn: 21 }],
    },
  ],
});
