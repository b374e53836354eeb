import { at, defineRule } from '../../../src/kit/index.js';

export default defineRule({
  meta: {
    id: 'cni/rke-flannel-mtu',
    layer: 'cni',
    severity: 'error',
    summary: 'RKE1 `network.plugin: flannel` with a non-zero `network.mtu`, which RKE rejects.',
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/cni/rke-flannel-mtu/README.md',
    tags: ['rancher', 'mtu'],
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
