import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyNetworkFile, isNetworkFile, parseFlannelNetConfFile } from '../src/languages/network/index.js';

const corpus = (name: string): string => readFileSync(new URL(`../../shared/corpus/real/network/${name}`, import.meta.url), 'utf8');

describe('classifyNetworkFile', () => {
  it('recognises the real CNI files', () => {
    expect(classifyNetworkFile('net.d/basic-ptp.conf', corpus('basic-ptp.conf'))).toBe('cni');
    expect(classifyNetworkFile('chained-bridge-bandwidth.conflist', corpus('chained-bridge-bandwidth.conflist'))).toBe('cni');
  });

  it('tells CNI .conf JSON from nginx and sysctl .conf files', () => {
    expect(isNetworkFile('/etc/nginx/nginx.conf', 'events {}\nhttp { server { listen 80; } }\n')).toBe(false);
    expect(isNetworkFile('/etc/sysctl.d/99-net.conf', 'net.core.somaxconn = 4096\n')).toBe(false);
    expect(isNetworkFile('/etc/cni/net.d/10-bridge.conf', '{"cniVersion": "0.4.0", "type": "bridge"}')).toBe(true);
    expect(isNetworkFile('/etc/cni/net.d/87-podman.json', '{\n  "type": "bridge"\n}')).toBe(true);
    expect(isNetworkFile('package.json', '{"name": "x", "type": "module"}')).toBe(false);
  });

  it('recognises flannel net-conf.json by name or by content', () => {
    expect(classifyNetworkFile('/etc/kube-flannel/net-conf.json', '{}')).toBe('flannel-net-conf');
    expect(classifyNetworkFile('flannel.json', '{"Network": "10.0.0.0/8", "Backend": {"Type": "vxlan"}}')).toBe('flannel-net-conf');
  });

  it('recognises RKE1 cluster.yml and RKE2/K3s config.yaml, not every YAML', () => {
    expect(classifyNetworkFile('cluster.yml', 'nodes:\n  - address: 1.2.3.4\n')).toBe('rke1-cluster');
    expect(classifyNetworkFile('cluster.yaml', 'network:\n  plugin: canal\n')).toBe('rke1-cluster');
    expect(classifyNetworkFile('rancher-cluster.yaml', 'rancher_kubernetes_engine_config:\n  network:\n    plugin: canal\n')).toBe('rke1-cluster');
    expect(classifyNetworkFile('/etc/rancher/rke2/config.yaml', 'token: x\n')).toBe('distro-config');
    expect(classifyNetworkFile('/etc/rancher/k3s/config.yaml.d/10-net.yaml', 'node-ip: 1.2.3.4\n')).toBe('distro-config');
    expect(classifyNetworkFile('server.yaml', 'flannel-backend: host-gw\n')).toBe('distro-config');
    expect(classifyNetworkFile('rke2.yaml', 'cni:\n  - multus\n  - canal\n')).toBe('distro-config');
    expect(classifyNetworkFile('cilium-values.yaml', 'cni:\n  chainingMode: none\n')).toBeUndefined();
    expect(classifyNetworkFile('cluster.yml', 'kind: Cluster\n')).toBeUndefined();
    expect(classifyNetworkFile('deploy.yaml', 'kind: Deployment\n')).toBeUndefined();
    expect(classifyNetworkFile('kube-flannel.yml', corpus('kube-flannel.yml'))).toBeUndefined();
  });
});

describe('parseFlannelNetConfFile', () => {
  it('reads a stand-alone net-conf.json with positions', () => {
    const text = '{\n  "Network": "10.244.0.0/16",\n  "Backend": {\n    "Type": "wireguard",\n    "PersistentKeepaliveInterval": 25\n  }\n}\n';
    const result = parseFlannelNetConfFile('net-conf.json', text);
    expect(result.issues).toEqual([]);
    expect(result.network).toMatchObject({ source: 'flannel', encapsulation: 'wireguard', overheadBytes: 60, mtuAutoDetected: true, encapsulationSpan: { line: 4, column: 13, endColumn: 24 } });
    expect(result.network?.options?.['Backend.PersistentKeepaliveInterval']).toMatchObject({ value: '25', span: { line: 5, column: 36 } });
  });

  it('reports a Backend that is not an object and a Type that is not a string', () => {
    expect(parseFlannelNetConfFile('n.json', '{"Backend": "vxlan"}').issues).toEqual([expect.objectContaining({ column: 13, message: '"Backend" must be an object such as {"Type": "vxlan"}' })]);
    expect(parseFlannelNetConfFile('n.json', '{"Backend": {"Type": 1}}').issues).toEqual([expect.objectContaining({ column: 22 })]);
    expect(parseFlannelNetConfFile('n.json', '{"Backend": {"Type": "vxlan"}').issues[0]).toMatchObject({ line: 1, column: 30, message: expect.stringMatching(/^invalid JSON/) });
  });
});
