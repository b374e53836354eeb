import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Span } from '../src/core/source.js';
import { extractNetworksFromYaml } from '../src/languages/network/index.js';
import { loadYaml } from '../src/languages/yaml/loader.js';

const corpus = (name: string): string => readFileSync(new URL(`../../shared/corpus/real/network/${name}`, import.meta.url), 'utf8');

function extract(file: string, text: string) {
  const loaded = loadYaml(file, text);
  expect(loaded.issues).toEqual([]);
  return extractNetworksFromYaml(loaded);
}

/** The source text a span covers, so tests pin positions and what is there at once. */
function at(text: string, span: Span | undefined): string {
  expect(span).toBeDefined();
  return text.slice(span!.start, span!.end);
}

const flannelConfigMap = (netConf: string): string => `kind: ConfigMap
apiVersion: v1
metadata:
  name: kube-flannel-cfg
data:
${netConf}`;

describe('flannel kube-flannel-cfg', () => {
  it('reads the real kube-flannel.yml: VXLAN, MTU left to flannel (no mtu, auto-detected)', () => {
    const text = corpus('kube-flannel.yml');
    const result = extract('kube-flannel.yml', text);
    expect(result.issues).toEqual([]);
    expect(result.rancher).toBeUndefined();
    expect(result.networks).toHaveLength(1);
    const network = result.networks[0]!;
    expect(network).toMatchObject({ source: 'flannel', encapsulation: 'vxlan', backend: 'vxlan', overheadBytes: 50, mtuAutoDetected: true, name: 'kube-flannel-cfg' });
    expect(network.mtu).toBeUndefined();
    expect(network.impliedMtu).toBeUndefined();
    expect(network.mtuNote).toMatch(/host interface/);
    // `        "Type": "vxlan"` on line 96: the embedded JSON maps back into the YAML file.
    expect(network.encapsulationSpan).toMatchObject({ file: 'kube-flannel.yml', line: 96, column: 17, endLine: 96, endColumn: 24 });
    expect(at(text, network.encapsulationSpan)).toBe('"vxlan"');
    expect(network.span).toMatchObject({ line: 92, column: 5, endLine: 98, endColumn: 6 });
    expect(network.options?.['Network']).toMatchObject({ value: '10.244.0.0/16', span: { line: 93, column: 18 } });
  });

  it('maps positions through |-, explicit indentation, folded and quoted scalars and CRLF', () => {
    const variants: Record<string, string> = {
      literalStrip: '  net-conf.json: |-\n    {\n      "Backend": {"Type": "host-gw"}\n    }\n',
      indentIndicator: '  net-conf.json: |4\n      {\n        "Backend": {"Type": "host-gw"}\n      }\n',
      folded: '  net-conf.json: >\n    {\n      "Backend": {"Type": "host-gw"}\n    }\n',
      doubleQuoted: '  net-conf.json: "{\\n  \\"Backend\\": {\\"Type\\": \\"host-gw\\"}\\n}\\n"\n',
      singleQuoted: "  net-conf.json: '{\"Backend\": {\"Type\": \"host-gw\"}, \"Note\": \"it''s\"}'\n",
    };
    for (const [name, block] of Object.entries(variants)) {
      for (const newline of ['\n', '\r\n']) {
        const text = flannelConfigMap(block).replace(/\n/g, newline);
        const result = extract(`${name}.yaml`, text);
        expect(result.issues, name).toEqual([]);
        expect(result.networks, `${name} ${JSON.stringify(newline)}`).toHaveLength(1);
        const network = result.networks[0]!;
        expect(network.encapsulation, name).toBe('host-gw');
        expect(network.overheadBytes).toBe(0);
        const quote = name === 'doubleQuoted' ? '\\"' : '"';
        expect(at(text, network.encapsulationSpan), `${name} ${JSON.stringify(newline)}`).toBe(`${quote}host-gw${quote}`);
      }
    }
  });

  it('reports JSON written as a YAML mapping instead of a string', () => {
    const text = flannelConfigMap('  net-conf.json: {"Backend": {"Type": "host-gw"}}\n');
    const result = extract('m.yaml', text);
    expect(result.networks).toEqual([]);
    expect(result.issues).toEqual([expect.objectContaining({ line: 6, column: 18, message: 'ConfigMap data "net-conf.json" must be a string (write the JSON in a block scalar: `net-conf.json: |`)' })]);
  });

  it('defaults to the udp backend when net-conf.json names none', () => {
    const result = extract('f.yaml', flannelConfigMap('  net-conf.json: |\n    {"Network": "10.244.0.0/16"}\n'));
    expect(result.networks[0]).toMatchObject({ backend: 'udp', encapsulation: 'unknown', overheadBytes: 28 });
    expect(result.networks[0]!.encapsulationSpan).toBeUndefined();
  });

  it("takes cni-conf.json's delegate.mtu as the MTU", () => {
    const text = flannelConfigMap(
      '  cni-conf.json: |\n    {"name": "cbr0", "cniVersion": "0.3.1", "plugins": [\n      {"type": "flannel", "delegate": {"mtu": 1500}}]}\n  net-conf.json: |\n    {"Backend": {"Type": "vxlan"}}\n',
    );
    const network = extract('f.yaml', text).networks[0]!;
    expect(network.mtu).toMatchObject({ value: 1500, setBy: 'CNI delegate.mtu', span: { line: 8, column: 47 } });
    expect(at(text, network.mtu?.span)).toBe('1500');
    expect(network.mtuAutoDetected).toBe(false);
  });

  it('reports malformed embedded JSON at its position in the YAML file', () => {
    const text = flannelConfigMap('  net-conf.json: |\n    {\n      "Backend": {"Type": "vxlan",}\n    }\n');
    const result = extract('bad.yaml', text);
    expect(result.networks).toEqual([]);
    expect(result.issues).toHaveLength(1);
    // The stray `}` after the trailing comma is line 8, column 35.
    expect(result.issues[0]).toMatchObject({ file: 'bad.yaml', line: 8, column: 35, endColumn: 36 });
    expect(at(text, result.issues[0])).toBe('}');
    expect(result.issues[0]!.message).toMatch(/^invalid JSON: /);
    const quoted = flannelConfigMap('  net-conf.json: "{\\"Backend\\": {\\"Type\\" \\"vxlan\\"}}"\n');
    const issue = extract('q.yaml', quoted).issues[0]!;
    expect(at(quoted, issue)).toBe('\\"');
    expect(issue).toMatchObject({ line: 6, column: 43 });
  });
});

describe('Rancher RKE1 cluster.yml (incident 2)', () => {
  const cluster = (network: string): string => `nodes:
  - address: 10.0.0.1
    user: rancher
    role: [controlplane, etcd, worker]
services:
  kube-api:
    service_node_port_range: 30000-32767
  kube-proxy:
    extra_args:
      proxy-mode: ipvs
${network}`;

  it('canal without mtu: VXLAN with pods at 1500 (the outage)', () => {
    const text = cluster('network:\n  plugin: canal\n');
    const result = extract('cluster.yml', text);
    expect(result.issues).toEqual([]);
    const network = result.networks[0]!;
    expect(network).toMatchObject({ source: 'rke1', plugin: 'canal', encapsulation: 'vxlan', backend: 'vxlan', overheadBytes: 50, impliedMtu: 1500, mtuAutoDetected: false });
    expect(network.mtu).toBeUndefined();
    expect(network.encapsulationSpan).toBeUndefined();
    expect(network.span).toMatchObject({ line: 11, column: 1, endColumn: 8 });
    expect(network.mtuNote).toMatch(/canal\.go/);
    const rancher = result.rancher!;
    expect(rancher.plugin).toMatchObject({ value: 'canal', span: { line: 12, column: 11 } });
    expect(rancher.nodePortRange).toMatchObject({ min: 30000, max: 32767, raw: '30000-32767', span: { line: 7, column: 30, endColumn: 41 } });
    expect(rancher.proxyMode).toMatchObject({ value: 'ipvs', span: { line: 10, column: 19, endColumn: 23 } });
  });

  it('canal with mtu: 1450 carries the value and where it was set', () => {
    const text = cluster('network:\n  plugin: canal\n  mtu: 1450\n  options:\n    canal_flannel_backend_type: vxlan\n');
    const result = extract('cluster.yml', text);
    const network = result.networks[0]!;
    expect(network.mtu).toMatchObject({ value: 1450, setBy: 'RKE network.mtu', span: { line: 13, column: 8, endColumn: 12 } });
    expect(at(text, network.encapsulationSpan)).toBe('vxlan');
    expect(network.options?.['canal_flannel_backend_type']?.value).toBe('vxlan');
    expect(result.rancher?.mtu?.value).toBe(1450);
  });

  it('no network section means RKE defaults: canal over VXLAN', () => {
    const text = 'nodes:\n  - address: 10.0.0.1\n    role: [worker]\n';
    const result = extract('cluster.yml', text);
    expect(result.networks[0]).toMatchObject({ plugin: 'canal', encapsulation: 'vxlan', impliedMtu: 1500 });
    expect(result.networks[0]!.span).toMatchObject({ line: 1, column: 1 });
    expect(result.rancher?.plugin).toBeUndefined();
    expect(result.rancher?.nodePortRange).toBeUndefined();
  });

  it('flannel with host-gw: no encapsulation; flannel with an mtu keeps it for cni/rke-flannel-mtu', () => {
    const hostGw = extract('cluster.yml', 'network:\n  plugin: flannel\n  options:\n    flannel_backend_type: host-gw\n').networks[0]!;
    expect(hostGw).toMatchObject({ plugin: 'flannel', encapsulation: 'host-gw', overheadBytes: 0, mtuAutoDetected: true, encapsulationSpan: { line: 4, column: 27 } });
    const withMtu = extract('cluster.yml', 'network:\n  plugin: flannel\n  mtu: 1450\n');
    expect(withMtu.rancher?.mtu).toMatchObject({ value: 1450, span: { line: 3, column: 8 } });
    expect(withMtu.networks[0]?.mtu?.value).toBe(1450);
  });

  it('calico is IPIP with the template MTU of 1500; weave is VXLAN at 1376; none has no overlay', () => {
    expect(extract('cluster.yml', 'network:\n  plugin: calico\n').networks[0]).toMatchObject({ encapsulation: 'ipip', overheadBytes: 20, impliedMtu: 1500 });
    expect(extract('cluster.yml', 'network:\n  plugin: weave\n').networks[0]).toMatchObject({ encapsulation: 'vxlan', impliedMtu: 1376 });
    const none = extract('cluster.yml', 'network:\n  plugin: none\n');
    expect(none.networks).toEqual([]);
    expect(none.rancher?.plugin?.value).toBe('none');
  });

  it('reads the config nested in a Rancher cluster and the CNI in its addons', () => {
    const text = `rancher_kubernetes_engine_config:
  network:
    plugin: none
  addons: |-
    ---
    kind: ConfigMap
    apiVersion: v1
    metadata:
      name: kube-flannel-cfg
    data:
      net-conf.json: |
        {
          "Backend": {"Type": "vxlan"}
        }
`;
    const result = extract('cluster.yml', text);
    expect(result.rancher?.plugin?.value).toBe('none');
    expect(result.networks).toHaveLength(1);
    expect(result.networks[0]).toMatchObject({ source: 'flannel', encapsulation: 'vxlan', encapsulationSpan: { line: 13, column: 31, endColumn: 38 } });
    expect(at(text, result.networks[0]!.encapsulationSpan)).toBe('"vxlan"');
  });

  it('reports malformed mtu and port range values at the value', () => {
    const text = 'services:\n  kube-api:\n    service_node_port_range: "32767-30000"\nnetwork:\n  plugin: canal\n  mtu: fourteen-fifty\n';
    const result = extract('cluster.yml', text);
    expect(result.issues.map((i) => [i.line, i.column, at(text, i)])).toEqual([
      [6, 8, 'fourteen-fifty'],
      [3, 30, '"32767-30000"'],
    ]);
    expect(result.issues[0]!.message).toBe('RKE network.mtu must be a whole number of bytes, not "fourteen-fifty"');
    expect(result.rancher?.nodePortRange).toBeUndefined();
    expect(result.networks[0]?.mtu).toBeUndefined();
  });
});

describe('Calico', () => {
  const calicoConfig = `kind: ConfigMap
apiVersion: v1
metadata:
  name: calico-config
  namespace: kube-system
data:
  calico_backend: "bird"
  veth_mtu: "1500"
  cni_network_config: |-
    {
      "name": "k8s-pod-network",
      "cniVersion": "0.3.1",
      "plugins": [
        {
          "type": "calico",
          "nodename": "__KUBERNETES_NODE_NAME__",
          "mtu": __CNI_MTU__,
          "ipam": {"type": "calico-ipam"}
        }
      ]
    }
`;
  const ipPool = `apiVersion: crd.projectcalico.org/v1
kind: IPPool
metadata:
  name: default-ipv4-ippool
spec:
  cidr: 192.168.0.0/16
  ipipMode: Always
  vxlanMode: Never
  natOutgoing: true
`;

  it('joins calico-config veth_mtu 1500 with the IPPool ipipMode Always', () => {
    const text = `${calicoConfig}---\n${ipPool}`;
    const result = extract('calico.yaml', text);
    expect(result.issues).toEqual([]);
    expect(result.networks).toHaveLength(1);
    const network = result.networks[0]!;
    expect(network).toMatchObject({ source: 'calico', encapsulation: 'ipip', backend: 'Always', overheadBytes: 20, name: 'calico-config' });
    expect(network.mtu).toMatchObject({ value: 1500, setBy: 'calico-config veth_mtu', span: { line: 8, column: 13, endColumn: 19 } });
    expect(at(text, network.mtu?.span)).toBe('"1500"');
    expect(network.encapsulationSpan).toMatchObject({ line: 29, column: 13, endColumn: 19 });
    expect(at(text, network.encapsulationSpan)).toBe('Always');
  });

  it('an IPPool alone leaves the MTU to Calico auto-detection; Never/Never is unencapsulated', () => {
    expect(extract('pool.yaml', ipPool).networks[0]).toMatchObject({ encapsulation: 'ipip', mtuAutoDetected: true, name: 'default-ipv4-ippool' });
    const plain = extract('pool.yaml', ipPool.replace('ipipMode: Always', 'ipipMode: Never')).networks[0]!;
    expect(plain).toMatchObject({ encapsulation: 'none', overheadBytes: 0 });
    const vxlan = extract('pool.yaml', ipPool.replace('vxlanMode: Never', 'vxlanMode: CrossSubnet').replace('ipipMode: Always', 'ipipMode: Never')).networks[0]!;
    expect(vxlan).toMatchObject({ encapsulation: 'vxlan', backend: 'CrossSubnet', encapsulationSpan: { line: 8, column: 14 } });
  });

  it('takes the encapsulation from the calico-node environment when there is no IPPool', () => {
    const daemonSet = `kind: DaemonSet
apiVersion: apps/v1
metadata:
  name: calico-node
spec:
  template:
    spec:
      containers:
        - name: calico-node
          env:
            - name: CALICO_IPV4POOL_IPIP
              value: "Always"
            - name: FELIX_IPINIPMTU
              value: "1480"
`;
    const text = `${calicoConfig}---\n${daemonSet}`;
    const result = extract('calico.yaml', text);
    expect(result.issues).toEqual([]);
    const veth = result.networks.find((n) => n.mtu?.setBy === 'calico-config veth_mtu')!;
    expect(veth).toMatchObject({ encapsulation: 'ipip', backend: 'Always' });
    expect(at(text, veth.encapsulationSpan)).toBe('"Always"');
    const tunnel = result.networks.find((n) => n.mtu?.setBy === 'calico-node env FELIX_IPINIPMTU')!;
    expect(tunnel).toMatchObject({ encapsulation: 'ipip', mtu: { value: 1480 } });
    expect(at(text, tunnel.mtu?.span)).toBe('"1480"');
  });

  it('veth_mtu "0" asks Calico to auto-detect; a literal template mtu wins over veth_mtu', () => {
    const auto = extract('c.yaml', calicoConfig.replace('veth_mtu: "1500"', 'veth_mtu: "0"')).networks[0]!;
    expect(auto.mtu).toBeUndefined();
    expect(auto.mtuAutoDetected).toBe(true);
    const text = calicoConfig.replace('"mtu": __CNI_MTU__', '"mtu": 1440');
    const literal = extract('c.yaml', text).networks[0]!;
    expect(literal.mtu).toMatchObject({ value: 1440, setBy: 'CNI calico mtu', span: { line: 17, column: 18 } });
    expect(at(text, literal.mtu?.span)).toBe('1440');
  });

  it('reads FelixConfiguration tunnel MTUs and enabled encapsulations', () => {
    const text = `apiVersion: crd.projectcalico.org/v1
kind: FelixConfiguration
metadata:
  name: default
spec:
  vxlanMTU: 1500
  wireguardEnabled: true
  mtuIfacePattern: "^(en|eth).*"
`;
    const networks = extract('felix.yaml', text).networks;
    expect(networks.map((n) => [n.encapsulation, n.mtu?.value, n.mtuAutoDetected])).toEqual([
      ['vxlan', 1500, false],
      ['wireguard', undefined, true],
    ]);
    expect(networks[0]!.mtu).toMatchObject({ setBy: 'FelixConfiguration vxlanMTU', span: { line: 6, column: 13, endColumn: 17 } });
    expect(networks[1]!.overheadBytes).toBe(60);
    expect(networks[0]!.options?.['mtuIfacePattern']?.value).toBe('^(en|eth).*');
  });

  it('reports a veth_mtu that is not a number at the value', () => {
    const text = calicoConfig.replace('veth_mtu: "1500"', 'veth_mtu: "{{ .MTU }}"');
    const result = extract('c.yaml', text);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ line: 8, column: 13, message: 'calico-config veth_mtu must be a whole number of bytes, not "{{ .MTU }}"' });
  });
});

describe('Canal', () => {
  it("reads RKE1's canal-config: flannel VXLAN, Calico CNI template without mtu -> pods at 1500", () => {
    const text = `kind: ConfigMap
apiVersion: v1
metadata:
  name: canal-config
  namespace: kube-system
data:
  canal_iface: ""
  masquerade: "true"
  cni_network_config: |-
    {
      "name": "k8s-pod-network",
      "cniVersion": "0.3.0",
      "plugins": [
        {"type": "calico", "nodename": "__KUBERNETES_NODE_NAME__", "ipam": {"type": "host-local", "subnet": "usePodCidr"}},
        {"type": "portmap", "snat": true, "capabilities": {"portMappings": true}}
      ]
    }
  net-conf.json: |
    {
      "Network": "10.42.0.0/16",
      "Backend": {
        "Type": "vxlan"
      }
    }
`;
    const result = extract('canal.yaml', text);
    expect(result.issues).toEqual([]);
    const network = result.networks[0]!;
    expect(network).toMatchObject({ source: 'canal', plugin: 'canal', encapsulation: 'vxlan', impliedMtu: 1500, mtuAutoDetected: false, name: 'canal-config' });
    expect(network.mtu).toBeUndefined();
    expect(at(text, network.encapsulationSpan)).toBe('"vxlan"');
    expect(network.options?.['masquerade']?.value).toBe('true');
  });

  it('takes veth_mtu when the template uses __CNI_MTU__', () => {
    const text = 'kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: canal-config\ndata:\n  veth_mtu: "1450"\n  cni_network_config: |-\n    {"plugins": [{"type": "calico", "mtu": __CNI_MTU__}]}\n  net-conf.json: |\n    {"Backend": {"Type": "vxlan"}}\n';
    const network = extract('canal.yaml', text).networks[0]!;
    expect(network.mtu).toMatchObject({ value: 1450, setBy: 'canal-config veth_mtu', span: { line: 6, column: 13 } });
  });
});

describe('RKE2 and K3s', () => {
  it('RKE2 config.yaml: canal by default at the chart\'s 1450; multus is skipped for the primary CNI', () => {
    const canal = extract('/etc/rancher/rke2/config.yaml', 'token: secret\ncni: canal\n').networks[0]!;
    expect(canal).toMatchObject({ source: 'rke2', plugin: 'canal', encapsulation: 'vxlan', impliedMtu: 1450, span: { line: 2, column: 1 } });
    const text = 'cni: multus,calico\n';
    const calico = extract('config.yaml', text).networks[0]!;
    expect(calico).toMatchObject({ plugin: 'calico', encapsulation: 'vxlan', mtuAutoDetected: true });
    expect(at(text, calico.options?.['cni']?.span)).toBe('calico');
    const list = extract('config.yaml', 'cni:\n  - multus\n  - cilium\n').networks[0]!;
    expect(list).toMatchObject({ source: 'rke2', plugin: 'cilium' });
    expect(extract('config.yaml', 'cni: none\n').networks).toEqual([]);
    const defaults = extract('/etc/rancher/rke2/config.yaml', 'write-kubeconfig-mode: "0644"\n').networks[0]!;
    expect(defaults).toMatchObject({ plugin: 'canal', impliedMtu: 1450 });
  });

  it('K3s flannel-backend: host-gw, wireguard-native, none', () => {
    const text = 'flannel-backend: host-gw\ndisable-network-policy: true\n';
    const hostGw = extract('/etc/rancher/k3s/config.yaml', text).networks[0]!;
    expect(hostGw).toMatchObject({ source: 'k3s', encapsulation: 'host-gw', overheadBytes: 0, mtuAutoDetected: true });
    expect(at(text, hostGw.encapsulationSpan)).toBe('host-gw');
    expect(extract('config.yaml', 'flannel-backend: wireguard-native\n').networks[0]).toMatchObject({ encapsulation: 'wireguard', overheadBytes: 60 });
    expect(extract('config.yaml', 'flannel-backend: none\n').networks).toEqual([]);
    expect(extract('/etc/rancher/k3s/config.yaml', 'node-name: a\n').networks[0]).toMatchObject({ source: 'k3s', encapsulation: 'vxlan' });
  });

  it('HelmChartConfig rke2-canal: values inside valuesContent map back to the file', () => {
    const text = `apiVersion: helm.cattle.io/v1
kind: HelmChartConfig
metadata:
  name: rke2-canal
  namespace: kube-system
spec:
  valuesContent: |-
    flannel:
      backend: "wireguard"
    calico:
      vethuMTU: 1500
`;
    const network = extract('rke2-canal-config.yaml', text).networks[0]!;
    expect(network).toMatchObject({ source: 'rke2', plugin: 'canal', encapsulation: 'wireguard', backend: 'wireguard', overheadBytes: 60, name: 'rke2-canal' });
    expect(network.mtu).toMatchObject({ value: 1500, setBy: 'rke2-canal calico.vethuMTU', span: { line: 11, column: 17, endColumn: 21 } });
    expect(at(text, network.encapsulationSpan)).toBe('"wireguard"');
    expect(network.encapsulationSpan).toMatchObject({ line: 9, column: 16 });
  });

  it('HelmChartConfig rke2-canal without an MTU keeps the chart default; rke2-calico reads calicoNetwork', () => {
    const defaults = extract('c.yaml', 'apiVersion: helm.cattle.io/v1\nkind: HelmChartConfig\nmetadata:\n  name: rke2-canal\nspec:\n  valuesContent: |-\n    flannel:\n      iface: "eth1"\n').networks[0]!;
    expect(defaults).toMatchObject({ encapsulation: 'vxlan', impliedMtu: 1450 });
    expect(defaults.mtu).toBeUndefined();
    const text = `apiVersion: helm.cattle.io/v1
kind: HelmChartConfig
metadata:
  name: rke2-calico
spec:
  valuesContent: |-
    installation:
      calicoNetwork:
        mtu: 1500
        ipPools:
        - cidr: 10.42.0.0/16
          encapsulation: IPIPCrossSubnet
`;
    const calico = extract('calico.yaml', text).networks[0]!;
    expect(calico).toMatchObject({ plugin: 'calico', encapsulation: 'ipip', backend: 'IPIPCrossSubnet', mtuAutoDetected: false });
    expect(at(text, calico.mtu?.span)).toBe('1500');
    expect(calico.mtu?.span).toMatchObject({ line: 9, column: 14 });
    expect(at(text, calico.encapsulationSpan)).toBe('IPIPCrossSubnet');
  });

  it('reports broken valuesContent YAML at its place in the file', () => {
    const text = 'apiVersion: helm.cattle.io/v1\nkind: HelmChartConfig\nmetadata:\n  name: rke2-canal\nspec:\n  valuesContent: |-\n    calico:\n      vethuMTU: [1450\n';
    const result = extract('c.yaml', text);
    expect(result.issues.length).toBeGreaterThan(0);
    expect(result.issues[0]!.line).toBeGreaterThanOrEqual(8);
    expect(result.networks[0]).toMatchObject({ plugin: 'canal', impliedMtu: 1450 });
  });

  it('does not mistake Helm values or other YAML with common keys for cluster configs', () => {
    expect(extract('values.yaml', 'cni:\n  chainingMode: none\ntunnelProtocol: vxlan\n')).toEqual({ networks: [], issues: [] });
    expect(extract('inventory.yaml', 'nodes:\n  - name: a\n  - name: b\n')).toEqual({ networks: [], issues: [] });
    expect(extract('compose.yaml', 'services:\n  web:\n    image: nginx\nnetworks:\n  default: {}\n')).toEqual({ networks: [], issues: [] });
  });

  it("reads rke2-canal's rendered Secret (stringData) like a ConfigMap", () => {
    const text = 'kind: Secret\napiVersion: v1\nmetadata:\n  name: rke2-canal-config\nstringData:\n  veth_mtu: "1450"\n  net-conf.json: |\n    {"Network": "10.42.0.0/16", "Backend": {"Type": "vxlan"}}\n';
    const network = extract('s.yaml', text).networks[0]!;
    expect(network).toMatchObject({ source: 'canal', encapsulation: 'vxlan', mtu: { value: 1450, setBy: 'rke2-canal-config veth_mtu' } });
    expect(at(text, network.mtu?.span)).toBe('"1450"');
  });

  it('ignores other HelmChartConfigs and unrelated objects', () => {
    const text = 'apiVersion: helm.cattle.io/v1\nkind: HelmChartConfig\nmetadata:\n  name: rke2-traefik\nspec:\n  valuesContent: "a: 1"\n---\nkind: Service\napiVersion: v1\nmetadata:\n  name: x\n';
    expect(extract('x.yaml', text)).toEqual({ networks: [], issues: [] });
  });
});
