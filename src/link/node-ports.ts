import type { Span } from '../core/source.js';
import { DEFAULT_NODE_PORT_RANGE } from '../languages/network/index.js';
import type { Workspace } from './workspace.js';

export interface NodePortRange {
  min: number;
  max: number;
  /** Where the range comes from, for messages; absent for Kubernetes' default. */
  source?: string;
  span?: Span;
}

/** The cluster's NodePort range: RKE `service_node_port_range`, then `environment.nodePortRange`, then 30000-32767. */
export function nodePortRangeOf(workspace: Workspace): NodePortRange {
  for (const cluster of workspace.rancher) {
    const range = cluster.nodePortRange;
    if (range) return { min: range.min, max: range.max, source: 'RKE service_node_port_range', span: range.span };
  }
  const declared = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(workspace.environment.nodePortRange ?? '');
  if (declared) return { min: Number(declared[1]), max: Number(declared[2]), source: 'environment.nodePortRange' };
  return { ...DEFAULT_NODE_PORT_RANGE };
}
