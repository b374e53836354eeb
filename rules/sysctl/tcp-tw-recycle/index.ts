import { at, defineRule } from '../../../src/engine/rule.js';
import { compareKernelVersions, parseKernelVersion } from '../../../src/languages/sysctl/index.js';
import { effectiveInteger } from '../../../src/model/sysctl.js';
import { deleteLine } from '../../../src/model/sysctl-edits.js';

const KEY = 'net.ipv4.tcp_tw_recycle';

export default defineRule({
  meta: {
    id: 'sysctl/tcp-tw-recycle',
    layer: 'sysctl',
    severity: 'error',
    summary: '`net.ipv4.tcp_tw_recycle` is enabled: SYNs from clients behind NAT are dropped, and Linux ≥ 4.12 no longer has the key.',
    rationale:
      'With tcp_tw_recycle the kernel remembers the last TCP timestamp per source address and drops SYNs whose timestamp goes backwards (PAWS). ' +
      'Behind NAT or SNAT — a load balancer, IPVS, kube-proxy, Swarm\'s routing mesh — many clients with unrelated clocks share one address, so their SYNs look stale and vanish: ' +
      'connects time out intermittently and `netstat -s` counts "passive connections rejected because of time stamp". Linux removed the key in 4.12, where `sysctl -p` fails on it.',
    howToFix: 'Delete the line. Handle TIME_WAIT with upstream keepalive (`proxy_http_version 1.1`, `keepalive N`), a wider `ip_local_port_range`, and `net.ipv4.tcp_tw_reuse = 1` with timestamps on.',
    incident: '1. Docker Swarm gateway, and 5. eBay CAL: SYNs dropped by PAWS behind an F5 SNAT',
    docsUrl: 'https://www.kernel.org/doc/html/latest/networking/ip-sysctl.html',
    fixable: 'unsafe',
    tags: ['reliability', 'nat'],
    examples: [{ language: 'sysctl', bad: 'net.ipv4.tcp_tw_recycle = 1', good: 'net.ipv4.tcp_tw_reuse = 1\nnet.ipv4.tcp_timestamps = 1' }],
  },
  check(context) {
    const { sysctl, nat, environment } = context.workspace;
    const found = effectiveInteger(sysctl, KEY);
    if (!found || found.value === 0) return;
    const assignment = found.effective.assignment;
    const kernel = parseKernelVersion(environment.kernelVersion ?? '');
    const removed = kernel !== undefined && compareKernelVersions(kernel, parseKernelVersion('4.12')!) >= 0;
    const natText = nat.length > 0 ? ` This workspace shows NAT in front of the hosts (${nat.map((n) => n.kind).join(', ')}), so clients sharing an address will have SYNs dropped.` : ' Behind NAT/SNAT clients sharing an address have their SYNs dropped.';
    const removedText = removed ? ` Linux ${environment.kernelVersion} no longer has the key, so "sysctl -p" fails on this line.` : ' Linux 4.12 removed the key.';
    const edit = deleteLine(sysctl, assignment);
    context.report({
      ...at(assignment.valueSpan),
      message: `${KEY} = ${assignment.value} drops SYNs whose TCP timestamps go backwards per source address.${natText}${removedText} Delete this line.`,
      related: nat.filter((n) => n.location).map((n) => ({ ...at(n.location!), message: n.description })),
      ...(edit ? { fix: { title: `Delete "${KEY}"`, safety: 'unsafe' as const, edits: [edit] } } : {}),
    });
  },
});
