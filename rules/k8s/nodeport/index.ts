import { at, defineRule, type NodePortUse, type Service } from '../../../src/kit/index.js';

/** Service types that get node ports; the API server forbids `nodePort` on the others. */
const NODE_PORT_TYPES = new Set(['NodePort', 'LoadBalancer']);

/** One Service object across files: the same namespace/name written twice is one object applied twice. */
function identityOf(service: Service): string | Service {
  return service.name === undefined ? service : `${service.namespace}/${service.name}`;
}

function serviceName(service: Service): string {
  return `"${service.name ?? '?'}"`;
}

export default defineRule({
  meta: {
    id: 'k8s/nodeport',
    layer: 'k8s',
    severity: 'error',
    summary: "A `nodePort` outside the cluster's NodePort range, used by two Services, or set on a Service type that has no node ports.",
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/k8s/nodeport/README.md',
    tags: ['correctness', 'kubernetes'],
  },
  check(context) {
    const { kubernetes } = context;
    const range = kubernetes.nodePortRange;
    const firstUse = new Map<number, NodePortUse>();
    for (const use of kubernetes.nodePorts) {
      // 0 asks the API server to allocate one.
      if (use.port === 0) continue;
      const service = use.service;
      if (!NODE_PORT_TYPES.has(service.type)) {
        context.report({
          ...at(use.span),
          message: `nodePort ${use.port} on ${service.type} Service ${serviceName(service)}: the API server rejects nodePort unless type is NodePort or LoadBalancer — set the type or remove nodePort`,
          ...(service.typeSpan ? { related: [{ ...at(service.typeSpan), message: `type: ${service.type}` }] } : {}),
        });
        continue;
      }
      if (use.port < range.min || use.port > range.max) {
        context.report({
          ...at(use.span),
          message: `nodePort ${use.port} of Service ${serviceName(service)} is outside the cluster's NodePort range ${range.min}-${range.max}${range.source ? ` (${range.source})` : ''}; the API server rejects it — pick a port in the range or omit nodePort`,
          ...(range.span ? { related: [{ ...at(range.span), message: `NodePort range ${range.min}-${range.max}` }] } : {}),
        });
        continue;
      }
      const first = firstUse.get(use.port);
      if (!first) {
        firstUse.set(use.port, use);
        continue;
      }
      const sameObject = identityOf(first.service) === identityOf(service);
      // One Service may use a number once per protocol (TCP and UDP DNS on one nodePort); the same object in two files is one object.
      if (sameObject && (first.service !== service || first.protocol !== use.protocol)) continue;
      context.report({
        ...at(use.span),
        message: sameObject
          ? `nodePort ${use.port}/${use.protocol} is used twice by Service ${serviceName(service)}; the API server rejects the second — pick another port`
          : `nodePort ${use.port} is already used by Service ${serviceName(first.service)}${first.service.namespace !== service.namespace ? ` in namespace "${first.service.namespace}"` : ''}; node ports are cluster-wide, so the API server rejects the second allocation — pick another port`,
        related: [{ ...at(first.span), message: `first use by Service ${serviceName(first.service)}` }],
      });
    }
  },
});
