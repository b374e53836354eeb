import type { SyntaxIssue } from '../core/syntax.js';
import type { LanguageDocuments } from '../languages/documents.js';
import type { SourceFile } from '../languages/language.js';
import type { LanguageId } from '../languages/registry.js';
import type { KubernetesModel } from './kubernetes.js';
import type { NatEvidence } from './nat.js';
import type { SysctlModel } from './sysctl.js';

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

/** A file of the workspace: read, and classified as one of the languages. */
export interface WorkspaceFile extends SourceFile {
  language: LanguageId;
}

/** Indexes built once over all documents, for rules that correlate files and layers. */
export interface WorkspaceIndexes {
  sysctl: SysctlModel;
  kubernetes: KubernetesModel;
  /** Evidence that clients reach the hosts through NAT/SNAT, each with its location. */
  nat: NatEvidence[];
}

/** One unit's typed documents, cross-file indexes and facts: what rules check. */
export interface Workspace extends LanguageDocuments, WorkspaceIndexes {
  /** Directory that config globs are relative to: the config file's directory, else the cwd. */
  root: string;
  environment: Environment;
  /** Every classified file, in discovery order, including files reached through `include`. */
  files: WorkspaceFile[];
  /** What could not be read or parsed, reported by the built-in `syntax` rule (or the rule an issue names). */
  syntaxIssues: SyntaxIssue[];
}
