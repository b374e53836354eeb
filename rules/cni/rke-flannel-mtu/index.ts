import { at, defineRule } from '../../../src/kit/index.js';

export default defineRule({
  meta: {
    id: 'cni/rke-flannel-mtu',
    layer: 'cni',
    severity: 'error',
    summary: 'RKE1 `network.plugin: flannel` with a non-zero `network.mtu`, which RKE rejects.',
    rationale:
      'RKE\'s cluster validation refuses `network.mtu` for the flannel plugin (flannel derives the MTU from the host interface itself), so `rke up` stops before touching the cluster. ' +
      'The setting signals an MTU problem someone meant to fix in a place that cannot fix it.',
    howToFix: 'Remove `network.mtu` for flannel (flannel subtracts its overhead from the host MTU), or switch to canal/calico where `mtu` is honoured.',
    incident: '2. Rancher Kubernetes: overlay MTU 1500 → gateway 502 on large bodies',
    docsUrl: 'https://rke.docs.rancher.com/config-options/add-ons/network-plugins',
    tags: ['rancher', 'mtu'],
    examples: [{ language: 'yaml', bad: 'network:\n  plugin: flannel\n  mtu: 1450', good: 'network:\n  plugin: flannel' }],
  },
  check(context) {
    for (const cluster of context.network.rancher) {
      if (cluster.plugin?.value !== 'flannel' || !cluster.mtu || cluster.mtu.value === 0) continue;
      context.report({
        ...at(cluster.mtu.span),
        message: `RKE rejects network.mtu ${cluster.mtu.value} with plugin flannel ("rke up" stops with "Network plugin [flannel] does not support configuring MTU"); remove it — flannel sets the MTU from the host interface minus the backend overhead`,
        related: [{ ...at(cluster.plugin.span), message: 'plugin: flannel' }],
      });
    }
  },
});
