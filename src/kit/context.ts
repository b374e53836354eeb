import { nodePortRangeOf, type Environment, type NatEvidence, type Workspace } from '../link/index.js';
import { createFilesKit, type FilesKit } from './files.js';
import { createKubernetesKit, type KubernetesKit } from './kubernetes.js';
import { createNetworkKit, type NetworkKit } from './network.js';
import { createNginxKit, type NginxKit } from './nginx.js';
import { createSysctlKit, type SysctlKit } from './sysctl.js';

/**
 * What a rule reads: one unit's typed models per language, the cross-file facts, and the text
 * and edit helpers of each language. The engine builds it once per unit and hands it to every
 * rule, built-in or plugin, as part of its RuleContext.
 */
export interface RuleKit {
  /** Everything of the unit at once, for what the kit does not cover (policies read it). */
  readonly workspace: Workspace;
  /** Facts about the deployment that no linted file states (`environment` in hoplint.config.yaml). */
  readonly environment: Environment;
  /** Evidence that clients reach the hosts through NAT/SNAT, each with where it is written. */
  readonly nat: readonly NatEvidence[];
  readonly nginx: NginxKit;
  readonly sysctl: SysctlKit;
  readonly kubernetes: KubernetesKit;
  readonly network: NetworkKit;
  readonly files: FilesKit;
}

export function createRuleKit(workspace: Workspace): RuleKit {
  return {
    workspace,
    environment: workspace.environment,
    nat: workspace.nat,
    nginx: createNginxKit(workspace.nginxModels),
    sysctl: createSysctlKit(workspace.sysctl, workspace.environment.kernelVersion),
    kubernetes: createKubernetesKit(workspace.kubernetes, nodePortRangeOf(workspace)),
    network: createNetworkKit(workspace.networks, workspace.rancher, workspace.cni),
    files: createFilesKit(workspace.files),
  };
}
