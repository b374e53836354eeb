export { buildWorkspace, type BuildWorkspaceInput } from './build.js';
export type { Environment, Workspace, WorkspaceFile, WorkspaceIndexes } from './workspace.js';
export { buildKubernetesModel, indexKubernetes, type ContainerPortMatch, type KubernetesModel, type NodePortUse, type TargetPortResolution } from './kubernetes.js';
export {
  computeEffectiveSysctls,
  type EffectiveOptions,
  type EffectiveSysctls,
  type EffectiveValue,
  type GlobApplication,
  type InterfaceEffectiveValue,
  type SysctlFileOrder,
  type SysctlHistoryEntry,
  type SysctlOutcome,
  type SysctlOutcomeReason,
} from './sysctl-effective.js';
export { allAssignments, effectiveInteger, effectiveValue, kernelDefault, writtenText, type SysctlModel } from './sysctl.js';
export { collectNatEvidence, type NatEvidenceInput } from './nat-evidence.js';
export type { NatEvidence, NatEvidenceKind } from './nat.js';
export { nodePortRangeOf, type NodePortRange } from './node-ports.js';
export { swarmIngressPorts, type SwarmIngressPort } from './swarm.js';
export { linkOverlayNetworks, networksForMtu } from './overlay-networks.js';
