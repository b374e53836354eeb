/**
 * The rule kit: everything a rule needs, for the rules under `rules/` and for plugins alike
 * (`import { defineRule, at } from 'hoplint/kit'`). A rule reads the unit's models through its
 * RuleContext (`context.nginx.models`, `context.sysctl.effectiveInteger(…)`, `context.kubernetes`,
 * `context.network.networks`, `context.nat`) and builds fixes with the edit helpers there; the
 * types below name what it reads.
 */
export { at, defineRule } from '../engine/rule.js';
export type { FindingInput, Rule, RuleContext, RuleMeta } from '../engine/rule.js';
export type { RuleKit } from './context.js';
export type { FilesKit } from './files.js';
export type { KubernetesKit } from './kubernetes.js';
export type { NetworkKit } from './network.js';
export type { NginxKit } from './nginx.js';
export type { SysctlKit } from './sysctl.js';

export type { Finding, Fix, FixSafety, RelatedLocation, Severity, TextEdit } from '../core/finding.js';
export type { Position, SourceRange, Span } from '../core/source.js';
export type { RuleLayer } from '../languages/registry.js';

export type {
  CheckParameter,
  ConnectionEffect,
  HealthCheck,
  Listener,
  NginxComment,
  NginxConfig,
  NginxDirective,
  NginxFile,
  NginxMap,
  NginxModel,
  NginxScope,
  NginxStatement,
  NginxToken,
  ProxyHeaderList,
  ProxyPass,
  Upstream,
  UpstreamServer,
} from '../languages/nginx/index.js';
export type { KernelVersion, SysctlAssignment, SysctlComment, SysctlFile, SysctlKeySpec, SysctlValueProblem } from '../languages/sysctl/index.js';
export type {
  ConfigMap,
  Container,
  ContainerPort,
  Ingress,
  KubeProxyConfig,
  KubernetesObject,
  LabelSelector,
  Located,
  LocatedEntry,
  LocatedStringMap,
  PodTemplate,
  Service,
  ServicePort,
  TargetPort,
  Workload,
  WorkloadKind,
} from '../languages/kubernetes/index.js';
export type { CniConfig, CniPlugin, Encapsulation, MtuSetting, NetworkSource, OverlayNetwork, PositionedString, RancherClusterInfo } from '../languages/network/index.js';
export type {
  ContainerPortMatch,
  EffectiveSysctls,
  EffectiveValue,
  Environment,
  KubernetesModel,
  NatEvidence,
  NatEvidenceKind,
  NodePortRange,
  NodePortUse,
  SysctlFileOrder,
  SysctlHistoryEntry,
  TargetPortResolution,
  Workspace,
  WorkspaceFile,
} from '../link/index.js';
