import { at, defineRule, type ContainerPort } from '../../../src/kit/index.js';

/** `8080 "http"`, `53/UDP "dns"`: a container port as a message lists it. */
function describePort(port: ContainerPort): string {
  const number = `${port.containerPort?.value ?? '?'}${port.protocol !== 'TCP' ? `/${port.protocol}` : ''}`;
  return port.name ? `${number} "${port.name.value}"` : number;
}

export default defineRule({
  meta: {
    id: 'k8s/service-target-port',
    layer: 'k8s',
    severity: 'error',
    summary: 'A Service `targetPort` that no container of the Pods its selector picks exposes.',
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/k8s/service-target-port/README.md',
    tags: ['correctness', 'kubernetes'],
  },
  check(context) {
    const model = context.kubernetes;
    for (const service of model.services) {
      if (service.type === 'ExternalName' || !service.selector || service.selector.entries.length === 0) continue;
      for (const servicePort of service.ports) {
        const resolution = model.resolveTargetPort(service, servicePort);
        const target = resolution.target;
        if (resolution.workloads.length === 0 || target === undefined) continue;
        // kube-proxy resolves a name through the containers' declared ports (name and protocol);
        // a number goes to the Pod as it is, so only workloads that declare ports can be judged,
        // and a declaration of the number under another protocol is not held against it.
        const judged =
          typeof target === 'string'
            ? resolution.unmatchedWorkloads
            : resolution.unmatchedWorkloads.filter((w) => {
                const ports = model.containerPorts(w);
                return ports.length > 0 && !ports.some((p) => p.containerPort?.value === target);
              });
        if (judged.length === 0) continue;
        const targetPort = servicePort.targetPort;
        const described = typeof target === 'string' ? `named port "${target}"${servicePort.protocol !== 'TCP' ? ` (${servicePort.protocol})` : ''}` : `port ${target}`;
        const declared = [...new Set(judged.flatMap((w) => model.containerPorts(w).map(describePort)))];
        const names = judged.map((w) => `${w.kind}/${w.name ?? '?'}`).join(', ');
        context.report({
          ...at(targetPort.span),
          message:
            `targetPort ${targetPort.kind === 'omitted' ? `(omitted, so ${target})` : String(target)} of Service "${service.name ?? '?'}" matches no container ${described} in ${names}` +
            `${declared.length > 0 ? ` (declared: ${declared.join(', ')})` : ' (it declares no ports)'}; connections sent there are refused — point it at a declared port or remove this port`,
          related: judged.map((w) => ({ ...at(w.template?.span ?? w.span), message: `${w.kind}/${w.name ?? '?'} is selected by the Service` })),
        });
      }
    }
  },
});
