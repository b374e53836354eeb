import { at, defineRule, type NginxToken } from '../../../src/kit/index.js';

/** Service types that get node ports. */
const NODE_PORT_TYPES = new Set(['NodePort', 'LoadBalancer']);

export default defineRule({
  meta: {
    id: 'hop/nodeport-undeclared',
    layer: 'hop',
    severity: 'warning',
    summary: 'An nginx upstream server or proxy_pass target in the NodePort range that no Service in the linted set declares.',
    rationale:
      'A proxy or load balancer in front of a cluster reaches Services through their NodePorts. When the port it targets is not (or no longer) a Service\'s nodePort, ' +
      'every node refuses the connection and the proxy marks all backends down; the mismatch is invisible when each layer is reviewed alone.',
    howToFix: 'Point the upstream at the Service\'s declared `nodePort`, or declare that `nodePort` on the intended Service.',
    incident: '2. Rancher Kubernetes: overlay MTU 1500 → gateway 502 on large bodies',
    docsUrl: 'https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport',
    tags: ['correctness', 'cross-layer'],
    examples: [{ language: 'nginx', bad: 'upstream gateway { server 172.16.0.11:30005; }   # Service declares nodePort: 30004', good: 'upstream gateway { server 172.16.0.11:30004; }' }],
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
