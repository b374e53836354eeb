import { at, defineRule } from '../../../src/engine/rule.js';
import type { Workload } from '../../../src/languages/kubernetes/index.js';

function labelsOf(workload: Workload): string {
  return (workload.template?.labels?.entries ?? []).map((e) => `${e.key}=${e.value}`).join(',');
}

export default defineRule({
  meta: {
    id: 'k8s/service-selector',
    layer: 'k8s',
    severity: 'warning',
    summary: 'A Service whose selector picks none of the workloads of its namespace in the linted set.',
    rationale:
      'A Service routes only to Pods whose labels match every key of its selector, in its own namespace. A typo in a label or a wrong namespace leaves it without endpoints: ' +
      'connections to it are refused while every manifest looks fine on its own.',
    howToFix: 'Make the selector equal to labels of the Pod template (`spec.template.metadata.labels`) of the intended workload, in the same namespace.',
    incident: '4. Kubernetes Service over IPVS: wrong targetPort, FIN timeout, rp_filter',
    docsUrl: 'https://kubernetes.io/docs/concepts/services-networking/service/',
    tags: ['correctness', 'kubernetes'],
    examples: [{ language: 'yaml', bad: 'selector:\n  app: redis-master   # pods are labelled app: redis', good: 'selector:\n  app: redis' }],
  },
  check(context) {
    const model = context.workspace.kubernetes;
    for (const service of model.services) {
      if (service.type === 'ExternalName' || !service.selector || service.selector.entries.length === 0) continue;
      if (model.workloadsSelectedBy(service).length > 0) continue;
      const candidates = model.workloadsInNamespace(service.namespace).filter((w) => w.template);
      if (candidates.length === 0) continue;
      const selector = service.selector.entries.map((e) => `${e.key}=${e.value}`).join(',');
      context.report({
        ...at(service.selector.span),
        message: `selector ${selector} of Service "${service.name ?? '?'}" matches no Pod template in namespace "${service.namespace}", so it has no endpoints; use labels of the intended workload's template`,
        related: candidates.slice(0, 5).map((w) => ({
          ...at(w.template!.labels?.span ?? w.template!.span),
          message: `${w.kind}/${w.name ?? '?'} has Pod labels ${labelsOf(w) || '(none)'}`,
        })),
      });
    }
  },
});
