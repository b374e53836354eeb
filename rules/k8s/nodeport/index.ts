import { at, defineRule } from '../../../src/engine/rule.js';
import type { NodePortUse } from '../../../src/languages/kubernetes/index.js';
import { nodePortRangeOf } from '../../../src/model/node-ports.js';

export default defineRule({
  meta: {
    id: 'k8s/nodeport',
    layer: 'k8s',
    severity: 'error',
    summary: 'A `nodePort` outside the cluster\'s NodePort range, or one used by two Services.',
    rationale:
      'The API server rejects a Service whose nodePort lies outside `--service-node-port-range` (30000–32767 unless the cluster says otherwise, e.g. RKE\'s `service_node_port_range`), ' +
      'and a nodePort already allocated to another Service. The deploy fails — or, across environments, the load balancer targets a port that belongs to someone else.',
    howToFix: 'Pick a free port inside the range, or leave `nodePort` out and let Kubernetes allocate one (then point the load balancer at the allocated port).',
    incident: '2. Rancher Kubernetes: overlay MTU 1500 → gateway 502 on large bodies',
    docsUrl: 'https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport',
    tags: ['correctness', 'kubernetes'],
    examples: [{ language: 'yaml', bad: 'type: NodePort\nports:\n  - port: 80\n    nodePort: 8080', good: 'type: NodePort\nports:\n  - port: 80\n    nodePort: 30080' }],
  },
  check(context) {
    const { kubernetes } = context.workspace;
    const range = nodePortRangeOf(context.workspace);
    const seen = new Map<string, NodePortUse>();
    for (const use of kubernetes.nodePorts) {
      if (use.port < range.min || use.port > range.max) {
        context.report({
          ...at(use.span),
          message: `nodePort ${use.port} of Service "${use.service.name ?? '?'}" is outside the cluster's NodePort range ${range.min}-${range.max}${range.source ? ` (${range.source})` : ''}; the API server rejects it — pick a port in the range or omit nodePort`,
          ...(range.span ? { related: [{ ...at(range.span), message: `NodePort range ${range.min}-${range.max}` }] } : {}),
        });
        continue;
      }
      const key = `${use.port}/${use.protocol}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, use);
        continue;
      }
      if (first.service === use.service && first.servicePort === use.servicePort) continue;
      context.report({
        ...at(use.span),
        message: `nodePort ${use.port}/${use.protocol} is already used by Service "${first.service.name ?? '?'}"; the API server rejects the second allocation — pick another port`,
        related: [{ ...at(first.span), message: `first use by Service "${first.service.name ?? '?'}"` }],
      });
    }
  },
});
