import type { SourceRange } from '../core/source.js';

export type NatEvidenceKind = 'kube-proxy-ipvs' | 'kube-proxy-iptables' | 'swarm-ingress' | 'rke-kube-proxy' | 'proxy-in-front' | 'environment';

/**
 * Something in the workspace showing that clients reach a host through NAT/SNAT, so that many
 * clients share one source address (what makes `tcp_tw_recycle` drop their SYNs).
 */
export interface NatEvidence {
  kind: NatEvidenceKind;
  /** One line for a related location: `kube-proxy runs in ipvs mode (IPVS masquerades Service traffic)`. */
  description: string;
  /** Where the evidence is written; absent only when it comes from a built-in default. */
  location?: SourceRange;
}
