import { describe, expect, it } from 'vitest';
import { isScalar } from 'yaml';
import type { Scalar } from 'yaml';
import { buildKubernetesModel } from '../src/link/index.js';
import { loadEmbeddedYaml, loadYaml, spanOfNode, type YamlLoadResult } from '../src/languages/yaml/index.js';

/** kube-proxy's ConfigMap as kubeadm writes it (trimmed), with the config under `config.conf`. */
const KUBEADM_CONFIGMAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: kube-proxy
  namespace: kube-system
  labels:
    app: kube-proxy
data:
  config.conf: |-
    apiVersion: kubeproxy.config.k8s.io/v1alpha1
    kind: KubeProxyConfiguration
    bindAddress: 0.0.0.0
    clusterCIDR: 10.244.0.0/16
    ipvs:
      scheduler: "rr"
      strictARP: false
      tcpFinTimeout: 0s
      tcpTimeout: 0s
    mode: ipvs
    nodePortAddresses:
      - 10.0.0.0/8
  kubeconfig.conf: |-
    apiVersion: v1
    kind: Config
`;

function text(result: YamlLoadResult, span: { start: number; end: number }): string {
  return result.text.slice(span.start, span.end);
}

describe('kube-proxy ConfigMap with an embedded config.conf', () => {
  const result = loadYaml('kube-proxy.yaml', KUBEADM_CONFIGMAP);
  const model = buildKubernetesModel([result]);

  it('finds one KubeProxyConfiguration, embedded in the ConfigMap', () => {
    expect(result.issues).toEqual([]);
    expect(model.issues).toEqual([]);
    expect(model.kubeProxy).toHaveLength(1);
    const [config] = model.kubeProxy;
    expect(config!.embeddedIn?.key).toBe('config.conf');
    expect(config!.embeddedIn?.configMap.namespace).toBe('kube-system');
    expect(config!.approximatePositions).toBe(false);
    expect(config!.effectiveMode).toBe('ipvs');
  });

  it('maps positions inside the block scalar back to lines of the outer file', () => {
    const [config] = model.kubeProxy;
    // mode is on line 19; the block's content is indented 4 columns, so column = 4 + 7.
    expect(config!.mode).toEqual({
      value: 'ipvs',
      span: { file: 'kube-proxy.yaml', line: 19, column: 11, endLine: 19, endColumn: 15, start: expect.any(Number), end: expect.any(Number) },
    });
    expect(text(result, config!.mode!.span)).toBe('ipvs');
    expect(config!.ipvs.scheduler).toMatchObject({ value: 'rr', span: { line: 15, column: 18, endColumn: 22 } });
    expect(text(result, config!.ipvs.scheduler!.span)).toBe('"rr"');
    expect(config!.ipvs.tcpFinTimeout).toMatchObject({ value: '0s', span: { line: 17, column: 22 } });
    expect(config!.ipvs.strictARP).toMatchObject({ value: false, span: { line: 16, column: 18 } });
    expect(config!.clusterCIDR).toMatchObject({ value: '10.244.0.0/16', span: { line: 13 } });
    expect(config!.nodePortAddresses).toMatchObject([{ value: '10.0.0.0/8', span: { line: 21, column: 9 } }]);
    expect(config!.span).toMatchObject({ line: 10, column: 5, endLine: 21 });
  });

  it('ignores the other keys of the ConfigMap', () => {
    expect(model.configMaps[0]!.data.map((d) => d.key)).toEqual(['config.conf', 'kubeconfig.conf']);
    expect(model.kubeProxy).toHaveLength(1);
  });
});

describe('KubeProxyConfiguration in other places', () => {
  it('reads a stand-alone document and defaults an empty mode to iptables', () => {
    const result = loadYaml('kp.yaml', 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ""\n');
    const [config] = buildKubernetesModel([result]).kubeProxy;
    expect(config!.embeddedIn).toBeUndefined();
    expect(config!.mode).toMatchObject({ value: '', span: { line: 3, column: 7, endColumn: 9 } });
    expect(config!.effectiveMode).toBe('iptables');
  });

  it('reads a KubeProxyConfiguration under another ConfigMap key, and an unset mode as iptables', () => {
    const yaml = `apiVersion: v1
kind: ConfigMap
metadata: {name: proxy-settings, namespace: kube-system}
data:
  proxy.yaml: |
    kind: KubeProxyConfiguration
    apiVersion: kubeproxy.config.k8s.io/v1alpha1
    ipvs:
      scheduler: wrr
`;
    const [config] = buildKubernetesModel([loadYaml('other.yaml', yaml)]).kubeProxy;
    expect(config!.embeddedIn?.key).toBe('proxy.yaml');
    expect(config!.mode).toBeUndefined();
    expect(config!.effectiveMode).toBe('iptables');
    expect(config!.ipvs.scheduler).toMatchObject({ value: 'wrr', span: { line: 9, column: 18 } });
  });

  it('maps an escaped string exactly, character by character', () => {
    const yaml = `apiVersion: v1
kind: ConfigMap
metadata: {name: kube-proxy, namespace: kube-system}
data:
  config.conf: "kind: KubeProxyConfiguration\\nmode: ipvs\\n"
`;
    const [config] = buildKubernetesModel([loadYaml('escaped.yaml', yaml)]).kubeProxy;
    expect(config!.approximatePositions).toBe(false);
    expect(config!.effectiveMode).toBe('ipvs');
    expect(config!.mode?.span).toMatchObject({ line: 5, column: 53, endLine: 5, endColumn: 57 });
  });

  it('reports a syntax error inside the embedded config at its line in the outer file', () => {
    const yaml = `apiVersion: v1
kind: ConfigMap
metadata: {name: kube-proxy, namespace: kube-system}
data:
  config.conf: |
    kind: KubeProxyConfiguration
    mode: [ipvs
`;
    const model = buildKubernetesModel([loadYaml('broken.yaml', yaml)]);
    expect(model.issues).toHaveLength(1);
    expect(model.issues[0]).toMatchObject({ file: 'broken.yaml', line: 8, message: expect.stringMatching(/flow sequence/i) });
  });

  it('reports a field of the wrong shape inside the embedded config at its position', () => {
    const yaml = `apiVersion: v1
kind: ConfigMap
metadata: {name: kube-proxy, namespace: kube-system}
data:
  config.conf: |
    kind: KubeProxyConfiguration
    ipvs: rr
`;
    const model = buildKubernetesModel([loadYaml('shape.yaml', yaml)]);
    expect(model.issues.map((i) => [i.line, i.column, i.message])).toEqual([[7, 11, 'ipvs should be a mapping, not the string "rr"']]);
  });
});

describe('loadEmbeddedYaml', () => {
  function scalarAt(result: YamlLoadResult, key: string): Scalar {
    const node = result.documents[0]!.doc.get(key, true);
    if (!isScalar(node)) throw new Error(`${key} is not a scalar`);
    return node;
  }

  it('positions the nodes of a block literal at their places in the outer file', () => {
    const source = 'before: 1\nconf: |\n  {"a": 1,\n   "b": [2]}\nafter: 2\n';
    const result = loadYaml('e.yaml', source);
    const inner = loadEmbeddedYaml(result, scalarAt(result, 'conf'));
    expect(inner.exact).toBe(true);
    expect(inner.load.documents[0]!.doc.toJS()).toEqual({ a: 1, b: [2] });
    const b = inner.load.documents[0]!.doc.get('b', true) as Scalar;
    expect(spanOfNode(inner.load, b)).toMatchObject({ line: 4, column: 9, endLine: 4, endColumn: 12, start: source.indexOf('[2]') });
  });

  it('maps a plain or quoted single-line value exactly', () => {
    const result = loadYaml('p.yaml', 'plain: "mode: ipvs"\nquoted: \'{"mtu": 1450}\'\n');
    const quoted = loadEmbeddedYaml(result, scalarAt(result, 'quoted'));
    expect(quoted.load.documents[0]!.doc.toJS()).toEqual({ mtu: 1450 });
    const inner = loadEmbeddedYaml(result, scalarAt(result, 'plain'));
    expect(inner.exact).toBe(true);
    const root = inner.load.documents[0]!.doc.contents;
    expect(inner.load.documents[0]!.doc.toJS()).toEqual({ mode: 'ipvs' });
    expect(spanOfNode(inner.load, root)?.start).toBe(result.text.indexOf('mode'));
  });

  it('maps a folded scalar character by character, a folded line break included', () => {
    const source = 'conf: >\n  mode: ipvs\n  more\n';
    const result = loadYaml('f.yaml', source);
    const inner = loadEmbeddedYaml(result, scalarAt(result, 'conf'));
    expect(inner.exact).toBe(true);
    const mode = inner.load.documents[0]!.doc.get('mode', true) as Scalar;
    expect(mode.value).toBe('ipvs more');
    expect(spanOfNode(inner.load, mode)).toMatchObject({ line: 2, column: 9, endLine: 3, endColumn: 7 });
  });

  it('maps a CRLF block literal exactly', () => {
    const source = 'conf: |\r\n  mode: ipvs\r\n  x: 1\r\n';
    const result = loadYaml('crlf.yaml', source);
    const inner = loadEmbeddedYaml(result, scalarAt(result, 'conf'));
    expect(inner.exact).toBe(true);
    expect(inner.load.issues).toEqual([]);
    expect(inner.load.documents[0]!.doc.toJS()).toEqual({ mode: 'ipvs', x: 1 });
  });
});
