import { isMap, isScalar } from 'yaml';
import type { SyntaxIssue } from '../../core/syntax.js';
import { loadEmbeddedYaml, YamlFields, type YamlLoadResult } from '../yaml/index.js';
import { mergeCalicoNetworks, networksFromCalicoNodeEnv, networksFromFelixConfiguration, networksFromIpPool } from './calico-resources.js';
import { networksFromConfigMap } from './configmaps.js';
import { isRke1ClusterConfig, readRke1Cluster } from './rke1.js';
import { isDistroConfig, networksFromDistroConfig, networksFromHelmChartConfig } from './rke2.js';
import type { OverlayNetwork, RancherClusterInfo } from './types.js';
import { locatorOf, mapAt, seqAt, stringAt, valueOf, type YamlSource } from './yaml-access.js';

export interface YamlNetworkResult {
  networks: OverlayNetwork[];
  /** The first RKE1 cluster configuration in the stream. */
  rancher?: RancherClusterInfo;
  issues: SyntaxIssue[];
}

/**
 * Every overlay network a YAML stream configures: RKE1 `cluster.yml` (and manifests in its
 * `addons:`), RKE2/K3s `config.yaml`, and Kubernetes objects — flannel/Canal/Calico ConfigMaps,
 * FelixConfiguration, IPPool, the calico-node DaemonSet, RKE2 HelmChartConfig. YAML syntax
 * errors are the loader's to report; the issues here are about values (an MTU that is not a
 * number, malformed embedded JSON, …), each positioned in this file.
 */
export function extractNetworksFromYaml(result: YamlLoadResult): YamlNetworkResult {
  const issues: SyntaxIssue[] = [];
  const found: { networks: OverlayNetwork[]; rancher?: RancherClusterInfo } = { networks: [] };
  for (const document of result.documents) {
    const source: YamlSource = { fields: new YamlFields(result, document.doc), issues };
    visitRoot(source, document.doc.contents, found, true);
  }
  const output: YamlNetworkResult = { networks: mergeCalicoNetworks(found.networks), issues };
  if (found.rancher) output.rancher = found.rancher;
  return output;
}

function visitRoot(source: YamlSource, node: unknown, found: { networks: OverlayNetwork[]; rancher?: RancherClusterInfo }, topLevel: boolean): void {
  const root = source.fields.resolve(node);
  if (!isMap(root)) return;
  const kind = stringAt(source, root, 'kind');
  if (kind !== undefined) {
    found.networks.push(...networksOfKind(source, root, kind, found));
    return;
  }
  if (!topLevel) return;
  if (isRke1ClusterConfig(source, root)) {
    const rke1 = readRke1Cluster(source, root);
    if (rke1.network) found.networks.push(rke1.network);
    found.rancher ??= rke1.rancher;
    visitAddons(source, mapAt(source, root, 'rancher_kubernetes_engine_config') ?? root, found);
    return;
  }
  if (isDistroConfig(source, root, locatorOf(source).file)) found.networks.push(...networksFromDistroConfig(source, root));
}

function networksOfKind(source: YamlSource, root: unknown, kind: string, found: { networks: OverlayNetwork[]; rancher?: RancherClusterInfo }): OverlayNetwork[] {
  switch (kind) {
    case 'ConfigMap':
    case 'Secret':
      return networksFromConfigMap(source, root);
    case 'FelixConfiguration':
      return networksFromFelixConfiguration(source, root);
    case 'IPPool':
      return networksFromIpPool(source, root);
    case 'DaemonSet':
      return networksFromCalicoNodeEnv(source, root);
    case 'HelmChartConfig':
    case 'HelmChart':
      return networksFromHelmChartConfig(source, root);
    case 'List':
    case 'ConfigMapList':
      for (const item of seqAt(source, root, 'items')?.items ?? []) visitRoot(source, item, found, false);
      return [];
    default:
      return [];
  }
}

/** RKE1 deploys `addons: |-` (a YAML stream in a string) itself; a custom CNI often lives there. */
function visitAddons(source: YamlSource, config: unknown, found: { networks: OverlayNetwork[]; rancher?: RancherClusterInfo }): void {
  const addons = valueOf(source, config, 'addons');
  if (!isScalar(addons) || typeof addons.value !== 'string') return;
  const inner = loadEmbeddedYaml(source.fields.source, addons);
  if (!inner.exact) return;
  for (const issue of inner.load.issues) source.issues.push({ ...issue, message: `In addons: ${issue.message}` });
  for (const document of inner.load.documents) visitRoot({ fields: new YamlFields(inner.load, document.doc), issues: source.issues }, document.doc.contents, found, false);
}
