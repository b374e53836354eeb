import { isMap, isScalar } from 'yaml';
import type { SyntaxIssue } from '../../core/syntax.js';
import { loadYaml } from '../yaml/loader.js';
import type { YamlLoadResult } from '../yaml/loader.js';
import { mergeCalicoNetworks, networksFromCalicoNodeEnv, networksFromFelixConfiguration, networksFromIpPool } from './calico-resources.js';
import { networksFromConfigMap } from './configmaps.js';
import { scalarValueLocator } from './embedded.js';
import { fileLocator } from './locator.js';
import { isRke1ClusterConfig, readRke1Cluster } from './rke1.js';
import { isDistroConfig, networksFromDistroConfig, networksFromHelmChartConfig } from './rke2.js';
import type { OverlayNetwork, RancherClusterInfo } from './types.js';
import { mapAt, seqAt, stringAt, valueOf } from './yaml-access.js';
import type { YamlSource } from './yaml-access.js';

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
  const source: YamlSource = { text: result.text, locator: fileLocator(result.file, result.lineIndex), issues: [] };
  const found: { networks: OverlayNetwork[]; rancher?: RancherClusterInfo } = { networks: [] };
  for (const document of result.documents) visitRoot(source, document.doc.contents, found, true);
  const output: YamlNetworkResult = { networks: mergeCalicoNetworks(found.networks), issues: source.issues };
  if (found.rancher) output.rancher = found.rancher;
  return output;
}

function visitRoot(source: YamlSource, root: unknown, found: { networks: OverlayNetwork[]; rancher?: RancherClusterInfo }, topLevel: boolean): void {
  if (!isMap(root)) return;
  const kind = stringAt(root, 'kind');
  if (kind !== undefined) {
    found.networks.push(...networksOfKind(source, root, kind, found));
    return;
  }
  if (!topLevel) return;
  if (isRke1ClusterConfig(root)) {
    const rke1 = readRke1Cluster(source, root);
    if (rke1.network) found.networks.push(rke1.network);
    found.rancher ??= rke1.rancher;
    visitAddons(source, mapAt(root, 'rancher_kubernetes_engine_config') ?? root, found);
    return;
  }
  if (isDistroConfig(root, source.locator.file)) found.networks.push(...networksFromDistroConfig(source, root));
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
      for (const item of seqAt(root, 'items')?.items ?? []) visitRoot(source, item, found, false);
      return [];
    default:
      return [];
  }
}

/** RKE1 deploys `addons: |-` (a YAML stream in a string) itself; a custom CNI often lives there. */
function visitAddons(source: YamlSource, config: unknown, found: { networks: OverlayNetwork[]; rancher?: RancherClusterInfo }): void {
  const addons = valueOf(config, 'addons');
  if (!isScalar(addons) || typeof addons.value !== 'string') return;
  const locator = scalarValueLocator(source.locator, source.text, addons);
  if (!locator) return;
  const inner = loadYaml(source.locator.file, addons.value);
  for (const issue of inner.issues) source.issues.push({ ...locator.span(issue.start, issue.end), message: `In addons: ${issue.message}` });
  const innerSource: YamlSource = { text: addons.value, locator, issues: source.issues };
  for (const document of inner.documents) visitRoot(innerSource, document.doc.contents, found, false);
}
