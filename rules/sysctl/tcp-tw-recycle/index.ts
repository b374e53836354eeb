import { at, defineRule, type NatEvidenceKind } from '../../../src/kit/index.js';

const KEY = 'net.ipv4.tcp_tw_recycle';
const REMOVED_IN = '4.12';

/** How a message names each kind of NAT evidence; the related locations say where it is written. */
const NAT_LABEL: Record<NatEvidenceKind, string> = {
  'kube-proxy-ipvs': 'kube-proxy in ipvs mode',
  'kube-proxy-iptables': 'kube-proxy in iptables mode',
  'rke-kube-proxy': 'RKE\'s kube-proxy',
  'swarm-ingress': 'the Docker Swarm routing mesh',
  'proxy-in-front': 'nginx proxying to the backends',
  environment: 'environment.clientsBehindSnat in the hoplint config',
};

export default defineRule({
  meta: {
    id: 'sysctl/tcp-tw-recycle',
    layer: 'sysctl',
    severity: 'error',
    summary: '`net.ipv4.tcp_tw_recycle` is enabled: SYNs from clients behind NAT are dropped, and Linux ≥ 4.12 no longer has the key.',
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/sysctl/tcp-tw-recycle/README.md',
    fixable: 'unsafe',
    tags: ['reliability', 'nat'],
  },
  check(context) {
    const { sysctl, nat, environment } = context;
    const found = sysctl.effectiveInteger(KEY);
    if (!found || found.value === 0) return;
    const assignment = found.effective.assignment;
    const quoted = `"${sysctl.writtenText(assignment)}"`;

    const labels = [...new Set(nat.map((evidence) => NAT_LABEL[evidence.kind]))];
    const natText =
      labels.length > 0
        ? `Clients reach these hosts through NAT here (${labels.join(', ')}): they share source addresses, so their connects will time out.`
        : 'Clients behind NAT or SNAT share a source address, so their connects time out.';

    const removed = sysctl.kernelAtLeast(REMOVED_IN) === true;
    const kernelText = !removed
      ? 'Linux 4.12 removed the key.'
      : assignment.ignoreFailure
        ? `Linux ${environment.kernelVersion} no longer has the key; the leading "-" makes sysctl skip the line there, but any older kernel still enables it.`
        : `Linux ${environment.kernelVersion} no longer has the key, so "sysctl -p" fails on this line.`;

    const related = nat.flatMap((evidence) => (evidence.location ? [{ ...at(evidence.location), message: evidence.description }] : []));
    const edit = sysctl.deleteLine(assignment);
    context.report({
      ...at(assignment.valueSpan),
      message:
        `${quoted} drops SYNs whose TCP timestamp is older than the last one seen from the same source address (PAWS). ${natText} ${kernelText} ` +
        'Delete the line; for TIME_WAIT use upstream keepalive and net.ipv4.tcp_tw_reuse = 1.',
      ...(related.length > 0 ? { related } : {}),
      ...(edit && !assignment.isGlob ? { fix: { title: `Delete "${KEY}"`, safety: 'unsafe' as const, edits: [edit] } } : {}),
    });
  },
});
