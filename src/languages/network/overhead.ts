import type { Encapsulation } from './types.js';

/**
 * Bytes each encapsulation adds to a packet on an IPv4 underlay.
 * - VXLAN 50 (outer IPv4 20 + UDP 8 + VXLAN 8 + inner Ethernet 14) and IP-in-IP 20: Calico,
 *   "Configure MTU" (docs.tigera.io/calico/latest/networking/configuring/mtu); flannel sizes its
 *   `flannel.1` device the same way (host MTU − 50).
 * - WireGuard 60 on IPv4, 80 on IPv6: same Calico page.
 * - Geneve 50 without options (RFC 8926 §3.4; Cilium's TunnelOverhead); options add more.
 * - host-gw and unencapsulated routing add nothing.
 */
export const ENCAPSULATION_OVERHEAD: Record<Encapsulation, number> = {
  vxlan: 50,
  ipip: 20,
  wireguard: 60,
  geneve: 50,
  'host-gw': 0,
  none: 0,
  unknown: 0,
};

/** WireGuard over an IPv6 underlay (Calico MTU docs). */
export const WIREGUARD_IPV6_OVERHEAD = 80;

/** flannel's `udp` backend: outer IPv4 20 + UDP 8 (flannel backend/udp sizes its TUN device so). */
export const FLANNEL_UDP_OVERHEAD = 28;

/** Ethernet's default MTU: what a veth or bridge gets when nothing sets another one. */
export const ETHERNET_DEFAULT_MTU = 1500;

export function overheadOf(encapsulation: Encapsulation): number {
  return ENCAPSULATION_OVERHEAD[encapsulation];
}

/** True for encapsulations whose overhead must fit under the underlay MTU. */
export function isOverlay(encapsulation: Encapsulation): boolean {
  return encapsulation === 'vxlan' || encapsulation === 'ipip' || encapsulation === 'wireguard' || encapsulation === 'geneve';
}
