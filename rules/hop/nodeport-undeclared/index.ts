import { at, defineRule, type NginxToken } from '../../../src/kit/index.js';

/** Service types that get node ports. */
const NODE_PORT_TYPES = new Set(['NodePort', 'LoadBalancer']);

export default defineRule({
  meta: {
    id: 'hop/nodeport-undeclared',
    layer: 'hop',
    severity: 'warning',
    summary: 'An nginx upstream server or proxy_pass target in the NodePort range that no Service in the linted set declares.',
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/hop/nodeport-undeclared/README.md',
    tags: ['correctness', 'cross-layer'],
  },
  check(context) {
    const { kubernetes } = context;
    // A NodePort Service without `nodePort` gets a port allocated at deploy time, which a hand-written proxy may rightly
    // target. (LoadBalancer Services leave it out too, but their node ports are the cloud load balancer's business.)
    const allocated = kubernetes.services.some((service) => service.type === 'NodePort' && service.ports.some((port) => !port.nodePort || port.nodePort.value === 0));
    if (allocated) return;
    const uses = kubernetes.nodePorts.filter((use) => use.port !== 0 && NODE_PORT_TYPES.has(use.service.type));
    // Without a single declared nodePort, the Services the proxy reaches are not in the linted set.
    if (uses.length === 0) return;
    const range = kubernetes.nodePortRange;
    const declared = new Set(uses.map((use) => use.port));
    const known = [...declared].sort((a, b) => a - b);
    const reported = new Set<NginxToken>();
    const checkPort = (port: number | undefined, token: NginxToken, what: string): void => {
      if (port === undefined || port < range.min || port > range.max || declared.has(port) || reported.has(token)) return;
      reported.add(token);
      const nearest = [...uses].sort((a, b) => Math.abs(a.port - port) - Math.abs(b.port - port)).slice(0, 3);
      context.report({
        ...at(token),
        message: `${what} targets port ${port} in the NodePort range, but no Service in the linted set declares nodePort ${port} (declared: ${known.join(', ')}); every node will refuse the connection — use the Service's nodePort`,
        related: nearest.map((use) => ({ ...at(use.span), message: `Service "${use.service.name ?? '?'}" declares nodePort ${use.port}` })),
      });
    };
    for (const model of context.nginx.models) {
      for (const upstream of model.upstreams) for (const server of upstream.servers) checkPort(server.port, server.addressToken, `upstream "${upstream.name}" server ${server.addressToken.value}`);
      for (const use of model.proxyPasses) if (use.target) checkPort(use.target.port, use.target.token, `proxy_pass ${use.target.token.value}`);
    }
  },
});
