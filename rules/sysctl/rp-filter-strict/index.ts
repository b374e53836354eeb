import { at, defineRule } from '../../../src/engine/rule.js';
import type { RelatedLocation } from '../../../src/core/finding.js';
import type { SysctlAssignment } from '../../../src/languages/sysctl/index.js';
import { replaceValue } from '../../../src/model/sysctl-edits.js';

const RP_FILTER = /^net\.ipv4\.conf\.([^.]+)\.rp_filter$/;

export default defineRule({
  meta: {
    id: 'sysctl/rp-filter-strict',
    layer: 'sysctl',
    severity: 'warning',
    summary: 'Strict reverse-path filtering (`rp_filter = 1`) drops packets that arrive on one interface and are routed back through another.',
    rationale:
      'The kernel applies the larger of `net.ipv4.conf.all.rp_filter` and the interface\'s own value. In strict mode a packet is dropped when the route back to its source leaves through a different interface. ' +
      'With IPVS/LVS, tunnels or overlay networks that is the normal case: traffic reaches the real server through a tunnel and the reply leaves through eth0/bond0, so handshakes hang in SYN_RECV.',
    howToFix: 'Use loose mode, `rp_filter = 2`, for `all`, `default` and the affected interfaces (or 0 where the network is trusted).',
    incident: '4. Kubernetes Service over IPVS: wrong targetPort, FIN timeout, rp_filter',
    docsUrl: 'https://www.kernel.org/doc/html/latest/networking/ip-sysctl.html',
    fixable: 'unsafe',
    tags: ['reliability', 'ipvs'],
    examples: [{ language: 'sysctl', bad: 'net.ipv4.conf.all.rp_filter = 1', good: 'net.ipv4.conf.all.rp_filter = 2' }],
  },
  check(context) {
    const { sysctl, nat, networks, kubernetes } = context.workspace;
    const evidence: RelatedLocation[] = [];
    for (const n of nat) if (n.kind !== 'environment' && n.location) evidence.push({ ...at(n.location), message: n.description });
    for (const network of networks) {
      if (['vxlan', 'ipip', 'geneve', 'wireguard'].includes(network.encapsulation)) {
        evidence.push({ ...at(network.encapsulationSpan ?? network.span), message: `${network.encapsulation} tunnel interfaces on this node (${network.source})` });
      }
    }
    const kubernetesNode = evidence.length > 0 || kubernetes.objects.length > 0;
    const reported = new Set<SysctlAssignment>();
    for (const key of sysctl.effective.keys()) {
      const match = RP_FILTER.exec(key);
      if (!match) continue;
      const value = sysctl.effective.get(key)!;
      if (value.value.trim() !== '1' || reported.has(value.assignment)) continue;
      reported.add(value.assignment);
      const iface = match[1]!;
      const scope = iface === 'all' ? 'every interface (the kernel uses the larger of "all" and the interface\'s value)' : iface === 'default' ? 'every interface created later' : `interface ${iface}`;
      context.report({
        ...at(value.assignment.valueSpan),
        // Raised when the node is shown to run IPVS, tunnels or Kubernetes, where strict mode breaks traffic.
        severity: kubernetesNode ? 'error' : context.severity,
        message: `strict reverse-path filtering on ${scope} drops packets whose reply route leaves through another interface${evidence.length > 0 ? ' — as IPVS, tunnels and overlays here do' : ''}; set ${key} = 2 (loose)`,
        related: evidence,
        fix: { title: 'Set to 2 (loose)', safety: 'unsafe', edits: [replaceValue(value.assignment, '2')] },
      });
    }
  },
});
