import type { SyntaxIssue } from '../core/syntax.js';
import type { KubernetesModel } from '../languages/kubernetes/index.js';
import type { CniConfig, OverlayNetwork, RancherClusterInfo } from '../languages/network/index.js';
import type { NginxConfig } from '../languages/nginx/ast.js';
import type { SysctlFile } from '../languages/sysctl/index.js';
import type { YamlLoadResult } from '../languages/yaml/loader.js';
import type { NatEvidence } from './nat.js';
import type { SysctlModel } from './sysctl.js';

/** The config languages hoplint reads; each has one entry in `src/languages/registry.ts`. */
export type LanguageId = 'nginx' | 'sysctl' | 'kubernetes' | 'network';

export const LANGUAGE_IDS: readonly LanguageId[] = ['nginx', 'sysctl', 'kubernetes', 'network'];

/**
 * Facts about the deployment that no linted file states, declared under `environment` in
 * hoplint.config.yaml. Rules treat an absent fact as unknown, never as a default.
 */
export interface Environment {
  /** Idle timeout of the load balancer in front of the proxy (SLB/ELB/F5), in seconds. */
  lbIdleTimeoutSeconds?: number;
  /** MTU of the network the overlay is encapsulated in (the hosts' NICs). */
  underlayMtu?: number;
  /** Kernel the sysctl files are applied on, e.g. `5.10` or `4.9.0-13-amd64`. */
  kernelVersion?: string;
  /** Whether clients reach the servers through SNAT/NAT (an LB with SNAT, a routing mesh…). */
  clientsBehindSnat?: boolean;
  /** kube-apiserver `--service-node-port-range`, e.g. `30000-32767`. */
  nodePortRange?: string;
}

export interface WorkspaceFile {
  /** As displayed in reports: relative to the working directory, `/`-separated. */
  path: string;
  absolutePath: string;
  language: LanguageId;
  /** Decoded text; empty when the file could not be read. */
  text: string;
  /** Whether findings in this file are reported (pre-commit and `--changed-since` lint a subset). */
  reported: boolean;
}

/** The typed documents of every language; each language's parse step fills its own key. */
export interface WorkspaceDocuments {
  /** One per root config; files reached only through `include` are not roots. */
  nginx: NginxConfig[];
  sysctlFiles: SysctlFile[];
  /** Every YAML stream: Kubernetes manifests, Rancher/RKE2 configs, stack files. */
  yaml: YamlLoadResult[];
  cni: CniConfig[];
  /** Overlay networks from CNI files, flannel/Calico/canal objects and Rancher configs. */
  networks: OverlayNetwork[];
  /** RKE1 cluster.yml facts: plugin, MTU, NodePort range, kube-proxy mode. */
  rancher: RancherClusterInfo[];
}

/** Indexes built once over all documents, for rules that correlate files and layers. */
export interface WorkspaceIndexes {
  sysctl: SysctlModel;
  kubernetes: KubernetesModel;
  /** Evidence that clients reach the hosts through NAT/SNAT, each with its location. */
  nat: NatEvidence[];
}

export interface Workspace extends WorkspaceDocuments, WorkspaceIndexes {
  /** Directory that config globs are relative to: the config file's directory, else the cwd. */
  root: string;
  environment: Environment;
  /** Every classified file, in discovery order, including files reached through `include`. */
  files: WorkspaceFile[];
  /** What could not be read or parsed, reported by the built-in `syntax` rule (or the rule an issue names). */
  syntaxIssues: SyntaxIssue[];
}

export function emptyDocuments(): WorkspaceDocuments {
  return { nginx: [], sysctlFiles: [], yaml: [], cni: [], networks: [], rancher: [] };
}
