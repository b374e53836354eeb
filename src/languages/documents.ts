import type { KubernetesObjects } from './kubernetes/index.js';
import type { CniConfig, OverlayNetwork, RancherClusterInfo } from './network/index.js';
import type { NginxConfig, NginxModel } from './nginx/index.js';
import type { SysctlFile } from './sysctl/index.js';
import type { YamlLoadResult } from './yaml/loader.js';

/** The typed documents every language produces; each language's parse step fills its own keys. */
export interface LanguageDocuments {
  /** One per root config; files reached only through `include` are not roots. */
  nginx: NginxConfig[];
  /** The semantic model of each root config (scopes with includes expanded, upstreams, listeners), in the order of `nginx`. */
  nginxModels: NginxModel[];
  sysctlFiles: SysctlFile[];
  /** Every YAML stream: Kubernetes manifests, Rancher/RKE2 configs, stack files. */
  yaml: YamlLoadResult[];
  /** The Kubernetes objects of each YAML stream, typed: Services, workloads, ConfigMaps, kube-proxy configurations. */
  kubernetesObjects: KubernetesObjects[];
  cni: CniConfig[];
  /** Overlay networks from CNI files, flannel/Calico/canal objects and Rancher configs. */
  networks: OverlayNetwork[];
  /** RKE1 cluster.yml facts: plugin, MTU, NodePort range, kube-proxy mode. */
  rancher: RancherClusterInfo[];
}

export function emptyDocuments(): LanguageDocuments {
  return { nginx: [], nginxModels: [], sysctlFiles: [], yaml: [], kubernetesObjects: [], cni: [], networks: [], rancher: [] };
}

/** Adds one language's documents to `into`, in order. */
export function mergeDocuments(into: LanguageDocuments, from: Partial<LanguageDocuments>): void {
  for (const key of Object.keys(from) as (keyof LanguageDocuments)[]) {
    const values = from[key];
    if (values) (into[key] as unknown[]).push(...values);
  }
}
