import type { Span } from '../../core/source.js';

/** How pod traffic crosses between nodes; `none`/`host-gw` route it unencapsulated. */
export type Encapsulation = 'vxlan' | 'ipip' | 'wireguard' | 'geneve' | 'host-gw' | 'none' | 'unknown';

/** Which configuration format (or distribution) a network record was read from. */
export type NetworkSource = 'cni' | 'flannel' | 'calico' | 'canal' | 'rke1' | 'rke2' | 'k3s' | 'cilium';

/** A scalar read from a file together with where it was written. */
export interface PositionedString {
  value: string;
  span: Span;
}

export interface MtuSetting {
  value: number;
  /** The MTU value token itself (the `1500`), so findings point at it. */
  span: Span;
  /** The setting that carries it, e.g. `RKE network.mtu`, `CNI delegate.mtu`, `calico-config veth_mtu`. */
  setBy: string;
}

/**
 * One overlay network as configured by one file or object, normalised across CNI JSON, flannel,
 * Calico/Canal, Rancher RKE1 and RKE2/K3s. Rules compare `mtu?.value ?? impliedMtu` plus
 * `overheadBytes` with the underlay MTU.
 */
export interface OverlayNetwork {
  source: NetworkSource;
  encapsulation: Encapsulation;
  /** Where the backend/mode was chosen; undefined when the stack's default applies. */
  encapsulationSpan?: Span;
  /** The backend or mode exactly as written (`vxlan`, `udp`, `ipsec`, `Always`, …) or defaulted. */
  backend?: string;
  mtu?: MtuSetting;
  /** The MTU pods get when none is set, when the stack fixes one rather than detecting it. */
  impliedMtu?: number;
  /** True when the stack derives the MTU from the host interface (so leaving it unset is fine). */
  mtuAutoDetected: boolean;
  /** Why `impliedMtu`/`mtuAutoDetected` are what they are, with the source of that fact. */
  mtuNote?: string;
  /** Bytes the encapsulation adds to each packet (IPv4 underlay); see overhead.ts for sources. */
  overheadBytes: number;
  file: string;
  /** The record's anchor: the `network:` key, the plugin object, the ConfigMap key, … */
  span: Span;
  plugin?: string;
  /** A name that tells records apart in messages: ConfigMap/CR name or CNI network name. */
  name?: string;
  options?: Record<string, PositionedString>;
}

export interface CniPlugin {
  type?: PositionedString;
  /** The plugin object (for a `.conf`, the whole file's object). */
  span: Span;
  mtu?: MtuSetting;
}

export interface CniConfig {
  file: string;
  span: Span;
  /** True for a `.conflist` (a `plugins` array), false for a single-plugin `.conf`. */
  isList: boolean;
  cniVersion?: PositionedString;
  name?: PositionedString;
  plugins: CniPlugin[];
}

export interface PortRangeSetting {
  min: number;
  max: number;
  raw: string;
  span: Span;
}

/** Facts from a Rancher RKE1 `cluster.yml` that rules outside the overlay record need. */
export interface RancherClusterInfo {
  file: string;
  /** The `network:` key when present, else the document. */
  span: Span;
  /** `network.plugin`; RKE's default is `canal` when it is absent. */
  plugin?: PositionedString;
  mtu?: MtuSetting;
  /** `services.kube-api.service_node_port_range`; Kubernetes' default 30000-32767 when absent. */
  nodePortRange?: PortRangeSetting;
  /** `services.kube-proxy.extra_args.proxy-mode` (kube-proxy defaults to iptables). */
  proxyMode?: PositionedString;
  options?: Record<string, PositionedString>;
}

export const DEFAULT_NODE_PORT_RANGE = { min: 30000, max: 32767 } as const;
