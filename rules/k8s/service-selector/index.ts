import { at, defineRule, type Workload } from '../../../src/kit/index.js';

function podLabels(workload: Workload): Record<string, string> {
  return Object.fromEntries((workload.template?.labels?.entries ?? []).map((e) => [e.key, e.value]));
}

function labelsText(workload: Workload): string {
  return (workload.template?.labels?.entries ?? []).map((e) => `${e.key}=${e.value}`).join(',');
}

function describe(workload: Workload): string {
  return `${workload.kind}/${workload.name ?? '?'}`;
}

export default defineRule({
  meta: {
    id: 'k8s/service-selector',
    layer: 'k8s',
    severity: 'warning',
    summary: 'A Service whose selector picks none of the workloads of its namespace in the linted set.',
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/k8s/service-selector/README.md',
    tags: ['correctness', 'kubernetes'],
  },
  check(context) {
    const model = context.kubernetes;
    for (const service of model.services) {
      const selector = service.selector;
      if (service.type === 'ExternalName' || !selector || selector.entries.length === 0) continue;
      const candidates = model.workloadsInNamespace(service.namespace);
      if (candidates.length === 0 || model.workloadsSelectedBy(service).length > 0) continue;
      // The label no Pod template of the namespace carries is the one to point at; otherwise the combination is at fault.
      const unmatched = selector.entries.filter((entry) => !candidates.some((w) => podLabels(w)[entry.key] === entry.value));
      const anchor = unmatched.length === 1 ? unmatched[0]!.span : selector.span;
      const elsewhere = model.workloads.filter((w) => w.namespace !== service.namespace && w.template && model.serviceSelectorMatches(selector, podLabels(w)));
      const text = selector.entries.map((e) => `${e.key}=${e.value}`).join(',');
      const other = elsewhere[0];
      const advice = other
        ? `; it matches ${describe(other)} in namespace "${other.namespace}", but a Service selects only in its own namespace — create the Service in "${other.namespace}"`
        : " — use the labels of the intended workload's template";
      context.report({
        ...at(anchor),
        message: `selector ${text} of Service "${service.name ?? '?'}" matches no Pod template in namespace "${service.namespace}", so the Service has no endpoints${advice}`,
        related: [...elsewhere.slice(0, 2), ...candidates.slice(0, 5)].map((w) => ({
          ...at(w.template!.labels?.span ?? w.template!.span),
          message: `${describe(w)} (namespace "${w.namespace}") has Pod labels ${labelsText(w) || '(none)'}`,
        })),
      });
    }
  },
});
