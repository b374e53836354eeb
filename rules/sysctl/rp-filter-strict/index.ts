import { at, defineRule, type EffectiveValue, type NatEvidenceKind, type RelatedLocation, type RuleKit, type SysctlAssignment, type SysctlKit } from '../../../src/kit/index.js';

const RP_FILTER = /^net\.ipv4\.conf\.([^.]+)\.rp_filter$/;
const keyFor = (scope: string): string => `net.ipv4.conf.${scope}.rp_filter`;

/** NAT evidence that also shows IPVS/LVS or a Kubernetes node (an nginx proxy or a declared SNAT does not). */
const NODE_EVIDENCE: ReadonlySet<NatEvidenceKind> = new Set(['kube-proxy-ipvs', 'kube-proxy-iptables', 'rke-kube-proxy', 'swarm-ingress']);
const TUNNELS: ReadonlySet<string> = new Set(['vxlan', 'ipip', 'geneve', 'wireguard']);

/** Where the workspace shows IPVS/LVS, tunnel interfaces or a Kubernetes node: there strict mode breaks traffic. */
function asymmetricRoutingEvidence(context: RuleKit): RelatedLocation[] {
  const { nat } = context;
  const { networks } = context.network;
  const evidence: RelatedLocation[] = [];
  for (const item of nat) if (NODE_EVIDENCE.has(item.kind) && item.location) evidence.push({ ...at(item.location), message: item.description });
  for (const network of networks) {
    if (!TUNNELS.has(network.encapsulation)) continue;
    evidence.push({ ...at(network.encapsulationSpan ?? network.span), message: `${network.encapsulation} tunnel interfaces on this node (${network.source}): packets arrive on the tunnel, replies leave through the NIC` });
  }
  return evidence;
}

function integerOf(sysctl: SysctlKit, value: EffectiveValue | undefined): number | undefined {
  return value ? sysctl.parseKernelInteger(value.value.trim()) : undefined;
}

/** Assignments that leave some interface strict, given that the kernel uses max(all, interface). */
function strictAssignments({ sysctl }: RuleKit): { assignment: SysctlAssignment; scope: string }[] {
  const all = sysctl.effectiveValue(keyFor('all'));
  const allValue = integerOf(sysctl, all);
  // all = 2 makes every interface loose; all = 1 makes every interface strict, whatever they say.
  if (allValue === 2) return [];
  if (allValue === 1) return [{ assignment: all!.assignment, scope: 'all' }];
  const scopes = new Set(['default']);
  for (const key of sysctl.effective.keys()) {
    const scope = RP_FILTER.exec(key)?.[1];
    if (scope && scope !== 'all') scopes.add(scope);
  }
  const found: { assignment: SysctlAssignment; scope: string }[] = [];
  for (const scope of [...scopes].sort()) {
    const value = sysctl.effectiveValue(keyFor(scope));
    if (integerOf(sysctl, value) === 1 && !found.some((f) => f.assignment === value!.assignment)) found.push({ assignment: value!.assignment, scope });
  }
  return found;
}

function describeScope(assignment: SysctlAssignment, scope: string): string {
  if (assignment.isGlob) return `every interface "${assignment.rawKey}" matches`;
  if (scope === 'all') return 'every interface (the kernel uses the larger of "all" and the interface\'s own value)';
  if (scope === 'default') return 'every interface created after boot (they copy "default")';
  return `interface ${scope.replace(/\//g, '.')}`;
}

export default defineRule({
  meta: {
    id: 'sysctl/rp-filter-strict',
    layer: 'sysctl',
    severity: 'warning',
    summary: 'Strict reverse-path filtering (`rp_filter = 1`) drops packets that arrive on one interface and are routed back through another.',
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/sysctl/rp-filter-strict/README.md',
    fixable: 'unsafe',
    tags: ['reliability', 'ipvs'],
  },
  check(context) {
    const evidence = asymmetricRoutingEvidence(context);
    for (const { assignment, scope } of strictAssignments(context)) {
      const quoted = `"${context.sysctl.writtenText(assignment)}"`;
      const where = evidence.length > 0 ? ', which IPVS/LVS, tunnels and Kubernetes nodes in this workspace do (see related locations)' : '';
      context.report({
        ...at(assignment.valueSpan),
        severity: evidence.length > 0 ? 'error' : context.severity,
        message: `${quoted} turns on strict reverse-path filtering for ${describeScope(assignment, scope)}: a packet is dropped when the route back to its source leaves through another interface${where}; set it to 2 (loose)`,
        ...(evidence.length > 0 ? { related: evidence } : {}),
        fix: { title: 'Set to 2 (loose)', safety: 'unsafe', edits: [context.sysctl.replaceValue(assignment, '2')] },
      });
    }
  },
});
