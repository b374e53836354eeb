import { labelSelectorMatches, serviceSelectorMatches } from '../languages/kubernetes/index.js';
import type { KubernetesModel, NodePortRange } from '../link/index.js';

export interface KubernetesKit extends KubernetesModel {
  /** The cluster's NodePort range: RKE `service_node_port_range`, then `environment.nodePortRange`, then 30000-32767. */
  readonly nodePortRange: NodePortRange;
  serviceSelectorMatches: typeof serviceSelectorMatches;
  labelSelectorMatches: typeof labelSelectorMatches;
}

export function createKubernetesKit(model: KubernetesModel, nodePortRange: NodePortRange): KubernetesKit {
  return { ...model, nodePortRange, serviceSelectorMatches, labelSelectorMatches };
}
