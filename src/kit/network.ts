import { ETHERNET_DEFAULT_MTU, isOverlay, overheadOf, type CniConfig, type OverlayNetwork, type RancherClusterInfo } from '../languages/network/index.js';
import { networksForMtu } from '../link/index.js';

export interface NetworkKit {
  /** Every overlay network of the unit, Calico's MTU (calico-config) joined with its IPPool's encapsulation. */
  readonly networks: readonly OverlayNetwork[];
  /**
   * `networks` as MTU arithmetic needs them: a flannel conflist's MTU also gets the encapsulation
   * of net-conf.json's backend (while net-conf.json stays a network of its own in `networks`).
   */
  readonly forMtu: readonly OverlayNetwork[];
  /** RKE1 cluster.yml facts: plugin, MTU, NodePort range, kube-proxy mode. */
  readonly rancher: readonly RancherClusterInfo[];
  readonly cni: readonly CniConfig[];
  /** The MTU of an Ethernet underlay that no one declared otherwise (`environment.underlayMtu`). */
  readonly ETHERNET_DEFAULT_MTU: number;
  isOverlay: typeof isOverlay;
  overheadOf: typeof overheadOf;
}

export function createNetworkKit(networks: readonly OverlayNetwork[], rancher: readonly RancherClusterInfo[], cni: readonly CniConfig[]): NetworkKit {
  let forMtu: readonly OverlayNetwork[] | undefined;
  return {
    networks,
    get forMtu() {
      forMtu ??= networksForMtu(networks);
      return forMtu;
    },
    rancher,
    cni,
    ETHERNET_DEFAULT_MTU,
    isOverlay,
    overheadOf,
  };
}
