import { at, defineRule } from '../../../src/kit/index.js';

/** Per-namespace keys that applications behind a Service commonly need tuned inside the Pod. */
const POD_TUNING = ['net.core.somaxconn', 'net.ipv4.tcp_max_syn_backlog', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_tw_reuse', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_', 'net.ipv4.tcp_syncookies', 'net.ipv4.tcp_timestamps'];

export default defineRule({
  meta: {
    id: 'hop/namespaced-sysctl',
    layer: 'hop',
    severity: 'info',
    summary: 'A host sysctl of a per-network-namespace key (e.g. `net.core.somaxconn`) that Pods will not inherit.',
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/hop/namespaced-sysctl/README.md',
    tags: ['kubernetes', 'cross-layer'],
  },
  check(context) {
    const { sysctl, kubernetes } = context;
    const podWorkloads = kubernetes.workloads.filter((w) => w.template && w.template.hostNetwork?.value !== true);
    if (podWorkloads.length === 0) return;
    const shown = podWorkloads.slice(0, 3).map((w) => `${w.kind}/${w.name ?? '?'}`);
    const names = podWorkloads.length > 3 ? `${shown.join(', ')} and ${podWorkloads.length - 3} more` : shown.join(', ');
    const setInPods = new Set(podWorkloads.flatMap((w) => w.template!.sysctls.map((s) => s.name.value.replace(/\//g, '.'))));
    for (const key of sysctl.effective.keys()) {
      const spec = sysctl.lookupKey(key);
      // Interface keys (conf.*, neigh.*) describe the host's own interfaces, not what a Pod tunes.
      if (!spec?.netns || setInPods.has(key) || !POD_TUNING.some((prefix) => key.startsWith(prefix))) continue;
      const value = sysctl.effective.get(key)!;
      if (value.assignment.isGlob) continue;
      context.report({
        ...at(value.assignment.keySpan),
        message: `${key} is per network namespace, so Pods do not inherit this host value: ${names} start${podWorkloads.length === 1 ? 's' : ''} with the kernel default; set it in the Pod's spec.securityContext.sysctls if ${podWorkloads.length === 1 ? 'it needs' : 'they need'} it`,
        related: podWorkloads.slice(0, 3).map((w) => ({ ...at(w.template!.span), message: `${w.kind}/${w.name ?? '?'} runs in its own network namespace` })),
      });
    }
  },
});
