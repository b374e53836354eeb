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
    rationale:
      'kube-proxy sends Service traffic to the targetPort of every selected Pod (with IPVS, each becomes a real server). A targetPort where nothing listens — often a left-over 80 ' +
      'after the Service was edited — gets a share of the connections that are refused: with round-robin, half of the traffic fails. A named targetPort that no container names gives no endpoints at all.',
    howToFix: 'Point `targetPort` at a port the containers declare, preferably by name (`targetPort: http` with `ports: [{name: http, containerPort: 8080}]`), and delete ports the Pods do not serve.',
    incident: '4. Kubernetes Service over IPVS: wrong targetPort, FIN timeout, rp_filter',
    docsUrl: 'https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service',
    tags: ['correctness', 'kubernetes'],
    examples: [
      {
        language: 'yaml',
        bad: 'ports:\n  - port: 6379\n    targetPort: 6379\n  - port: 80\n    targetPort: 80   # containers listen on 6379 only',
        good: 'ports:\n  - name: redis\n    port: 6379\n    targetPort: redis',
      },
    ],
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
