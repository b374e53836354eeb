import { isMap } from 'yaml';
import type { YAMLMap } from 'yaml';
import type { Span } from '../../core/source.js';
import type { SyntaxIssue } from '../../core/syntax.js';
import { loadEmbeddedYaml } from '../yaml/index.js';
import { FieldReader } from './fields.js';
import type { ConfigMap, KubeProxyConfig, KubernetesObject } from './types.js';

export const KUBE_PROXY_KIND = 'KubeProxyConfiguration';
/** The key kubeadm writes the configuration under in the `kube-proxy` ConfigMap. */
export const KUBE_PROXY_CONFIGMAP_KEY = 'config.conf';

/** A stand-alone `kind: KubeProxyConfiguration` document. */
export function readKubeProxyConfiguration(object: KubernetesObject, reader: FieldReader): KubeProxyConfig {
  return readConfig(reader, object.node, false);
}

/**
 * KubeProxyConfigurations embedded in a ConfigMap: the `config.conf` key of the `kube-proxy`
 * ConfigMap, and any other data value that declares `kind: KubeProxyConfiguration`. The embedded
 * YAML is parsed with the same loader, and its positions are mapped character by character into
 * the outer file, whatever the scalar's style (block, folded, quoted with escapes).
 */
export function kubeProxyConfigsIn(configMap: ConfigMap, issues: SyntaxIssue[]): KubeProxyConfig[] {
  const configs: KubeProxyConfig[] = [];
  for (const entry of configMap.data) {
    const isKubeadmKey = configMap.name === 'kube-proxy' && entry.key === KUBE_PROXY_CONFIGMAP_KEY;
    if (!isKubeadmKey && !/\bkind:\s*["']?KubeProxyConfiguration\b/.test(entry.value)) continue;
    const embedded = loadEmbeddedYaml(configMap.source, entry.scalar);
    issues.push(...embedded.load.issues);
    for (const document of embedded.load.documents) {
      const innerIssues: SyntaxIssue[] = [];
      const reader = new FieldReader(embedded.load, document.doc, innerIssues);
      const root = reader.resolve(document.doc.contents);
      if (!isMap(root)) continue;
      const kind = reader.string(root, 'kind', 'kind')?.value;
      if (kind !== undefined && kind !== KUBE_PROXY_KIND) continue;
      const config = readConfig(reader, root, !embedded.exact);
      config.embeddedIn = { configMap, key: entry.key };
      configs.push(config);
      if (!document.hasErrors) issues.push(...innerIssues);
    }
  }
  return configs;
}

function readConfig(reader: FieldReader, root: YAMLMap, approximate: boolean): KubeProxyConfig {
  const located = <T>(value: { value: T; span: Span } | undefined): { value: T; span: Span } | undefined => value && { value: value.value, span: value.span };
  const mode = located(reader.string(root, 'mode', 'mode'));
  const ipvsNode = reader.map(root, 'ipvs', 'ipvs');
  const ipvs: KubeProxyConfig['ipvs'] = {};
  const scheduler = located(reader.string(ipvsNode, 'scheduler', 'ipvs.scheduler'));
  if (scheduler) ipvs.scheduler = scheduler;
  const tcpFinTimeout = located(reader.string(ipvsNode, 'tcpFinTimeout', 'ipvs.tcpFinTimeout'));
  if (tcpFinTimeout) ipvs.tcpFinTimeout = tcpFinTimeout;
  const tcpTimeout = located(reader.string(ipvsNode, 'tcpTimeout', 'ipvs.tcpTimeout'));
  if (tcpTimeout) ipvs.tcpTimeout = tcpTimeout;
  const udpTimeout = located(reader.string(ipvsNode, 'udpTimeout', 'ipvs.udpTimeout'));
  if (udpTimeout) ipvs.udpTimeout = udpTimeout;
  const strictARP = located(reader.boolean(ipvsNode, 'strictARP', 'ipvs.strictARP'));
  if (strictARP) ipvs.strictARP = strictARP;
  const nodePortAddresses = reader.seq(root, 'nodePortAddresses', 'nodePortAddresses');
  const config: KubeProxyConfig = {
    file: reader.source.file,
    span: reader.span(root),
    approximatePositions: approximate,
    mode,
    // kube-proxy on Linux falls back to iptables when mode is unset or empty.
    effectiveMode: mode?.value || 'iptables',
    ipvs,
    nodePortAddresses: reader.strings(nodePortAddresses, 'nodePortAddresses').map((address) => ({ value: address.value, span: address.span })),
  };
  const clusterCIDR = located(reader.string(root, 'clusterCIDR', 'clusterCIDR'));
  if (clusterCIDR) config.clusterCIDR = clusterCIDR;
  return config;
}
