import { at, defineRule } from '../../../src/engine/rule.js';
import { ETHERNET_DEFAULT_MTU, isOverlay } from '../../../src/languages/network/index.js';

export default defineRule({
  meta: {
    id: 'cni/overlay-mtu',
    layer: 'cni',
    severity: 'error',
    summary: 'An overlay network (VXLAN, IPIP, WireGuard, Geneve) whose MTU plus encapsulation overhead exceeds the underlay MTU.',
    rationale:
      'Encapsulation adds headers to every pod packet (VXLAN 50 bytes, IPIP 20, WireGuard 60, Geneve 50+). When the pod MTU is the host NIC\'s 1500, a full-size packet ' +
      'becomes larger than the underlay carries; it is dropped or fragmented between hosts, so small requests work and large bodies fail — 502s and 504s behind the gateway.',
    howToFix: 'Set the overlay MTU to the underlay MTU minus the overhead (1450 for VXLAN on a 1500 network, 1480 for IPIP, 1440 for WireGuard), or let the CNI detect it. Declare a jumbo-frame underlay as `environment.underlayMtu`.',
    incident: '2. Rancher Kubernetes: overlay MTU 1500 → gateway 502 on large bodies',
    docsUrl: 'https://docs.tigera.io/calico/latest/networking/configuring/mtu',
    fixable: 'unsafe',
    tags: ['reliability', 'mtu'],
    examples: [{ language: 'yaml', bad: 'network:\n  plugin: canal\n  mtu: 1500', good: 'network:\n  plugin: canal\n  mtu: 1450' }],
  },
  check(context) {
    const underlay = context.workspace.environment.underlayMtu ?? ETHERNET_DEFAULT_MTU;
    const underlayText = context.workspace.environment.underlayMtu ? `the declared underlay MTU ${underlay}` : `the underlay's ${underlay} (declare environment.underlayMtu for jumbo frames)`;
    for (const network of context.workspace.networks) {
      if (!isOverlay(network.encapsulation)) continue;
      const mtu = network.mtu?.value ?? network.impliedMtu;
      if (mtu === undefined || network.overheadBytes === 0) continue;
      if (mtu + network.overheadBytes <= underlay) continue;
      const fitting = underlay - network.overheadBytes;
      const what = `${network.encapsulation.toUpperCase()} (${network.source}${network.name ? ` "${network.name}"` : ''})`;
      if (network.mtu) {
        context.report({
          ...at(network.mtu.span),
          message: `${network.mtu.setBy} ${mtu} + ${network.overheadBytes} bytes of ${what} encapsulation exceeds ${underlayText}: large packets are lost between hosts; set it to ${fitting}`,
          fix: {
            title: `Set the MTU to ${fitting}`,
            safety: 'unsafe',
            edits: [{ file: network.mtu.span.file, start: network.mtu.span.start, end: network.mtu.span.end, text: String(fitting) }],
          },
        });
        continue;
      }
      const anchor = network.encapsulationSpan ?? network.span;
      context.report({
        ...at(anchor),
        message: `${what} leaves the pod MTU at ${mtu}${network.mtuNote ? ` (${network.mtuNote.replace(/\.$/, '')})` : ''}; + ${network.overheadBytes} bytes of encapsulation exceeds ${underlayText}, so large packets are lost between hosts; set the MTU to ${fitting}`,
      });
    }
  },
});
