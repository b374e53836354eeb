import { isOverlay, mergeCalicoNetworks, type OverlayNetwork } from '../languages/network/index.js';

/**
 * The flannel CNI plugin's `delegate.mtu` sits in a conflist while the backend that decides the
 * encapsulation is in net-conf.json, usually another file: such a record borrows the backend
 * (encapsulation, overhead and where it is chosen) from a flannel record that has one.
 */
function withFlannelBackend(network: OverlayNetwork, networks: readonly OverlayNetwork[]): OverlayNetwork {
  if (network.source !== 'flannel' || network.encapsulation !== 'unknown' || !network.mtu) return network;
  const provider = networks.find((other) => other !== network && other.source === 'flannel' && isOverlay(other.encapsulation));
  if (!provider) return network;
  const paired: OverlayNetwork = { ...network, encapsulation: provider.encapsulation, overheadBytes: provider.overheadBytes };
  if (provider.encapsulationSpan) paired.encapsulationSpan = provider.encapsulationSpan;
  return paired;
}

/**
 * A unit's overlay networks with Calico's split configuration joined: its MTU (calico-config)
 * meets its encapsulation (an IPPool) in one record. These are the workspace's networks.
 */
export function linkOverlayNetworks(networks: OverlayNetwork[]): OverlayNetwork[] {
  return mergeCalicoNetworks(networks);
}

/**
 * The networks as MTU arithmetic needs them: besides Calico's join, a flannel conflist's MTU gets
 * the encapsulation of net-conf.json's backend. The net-conf.json record stays a network of its
 * own, so what lists tunnels (rp_filter's evidence) keeps reading `linkOverlayNetworks`.
 */
export function networksForMtu(networks: readonly OverlayNetwork[]): OverlayNetwork[] {
  return networks.map((network) => withFlannelBackend(network, networks));
}
