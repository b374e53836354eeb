import type { Span } from '../core/source.js';
import type { SyntaxIssue } from '../core/syntax.js';
import {
  readKubernetesObjects,
  recordOf,
  serviceSelectorMatches,
  type ConfigMap,
  type ContainerPort,
  type Ingress,
  type KubeProxyConfig,
  type KubernetesObject,
  type KubernetesObjects,
  type Service,
  type ServicePort,
  type Workload,
} from '../languages/kubernetes/index.js';
import type { YamlLoadResult } from '../languages/yaml/index.js';

/** One `nodePort` declared by a Service port. */
export interface NodePortUse {
  port: number;
  span: Span;
  protocol: string;
  service: Service;
  servicePort: ServicePort;
}

export interface ContainerPortMatch {
  workload: Workload;
  port: ContainerPort;
}

/** What a Service port's `targetPort` reaches in the workloads the Service selects. */
export interface TargetPortResolution {
  /** The number or name looked up: `targetPort`, or `port` when targetPort is omitted. */
  target: number | string | undefined;
  /** Every workload the Service selects. */
  workloads: Workload[];
  /** Container ports with that number (or name) and the Service port's protocol. */
  matches: ContainerPortMatch[];
  /** Selected workloads none of whose containers declare the port. */
  unmatchedWorkloads: Workload[];
}

export interface KubernetesModel {
  /** Every Kubernetes object, typed kinds included, in file and document order. */
  objects: KubernetesObject[];
  services: Service[];
  workloads: Workload[];
  configMaps: ConfigMap[];
  ingresses: Ingress[];
  /** Stand-alone KubeProxyConfigurations and those embedded in ConfigMaps. */
  kubeProxy: KubeProxyConfig[];
  /** Every nodePort declared, in file order. */
  nodePorts: NodePortUse[];
  servicesSelecting(workload: Workload): Service[];
  workloadsSelectedBy(service: Service): Workload[];
  /** Workloads (with a pod template) in a namespace. */
  workloadsInNamespace(namespace: string): Workload[];
  /** Ports of the workload's containers (init containers excluded: Services do not route to them). */
  containerPorts(workload: Workload): ContainerPort[];
  resolveTargetPort(service: Service, servicePort: ServicePort): TargetPortResolution;
  /** NodePort uses of one port number, across every Service. */
  nodePortUses(port: number): NodePortUse[];
}

/**
 * Indexes the typed objects of every YAML stream of a unit: which workloads each Service
 * selects (and the reverse), the workloads of each namespace, every nodePort declared.
 */
export function indexKubernetes(perFile: readonly KubernetesObjects[]): KubernetesModel {
  const objects: KubernetesObject[] = [];
  const services: Service[] = [];
  const workloads: Workload[] = [];
  const configMaps: ConfigMap[] = [];
  const ingresses: Ingress[] = [];
  const kubeProxy: KubeProxyConfig[] = [];
  for (const read of perFile) {
    for (const object of read.objects) objects.push(object);
    for (const service of read.services) services.push(service);
    for (const workload of read.workloads) workloads.push(workload);
    for (const configMap of read.configMaps) configMaps.push(configMap);
    for (const ingress of read.ingresses) ingresses.push(ingress);
    for (const config of read.kubeProxy) kubeProxy.push(config);
  }

  // Indexed by namespace and by label so that selection stays linear in the number of objects.
  const podWorkloadsByNamespace = new Map<string, Workload[]>();
  const labelsOf = new Map<Workload, Record<string, string>>();
  const byLabel = new Map<string, Workload[]>();
  for (const workload of workloads) {
    if (workload.template === undefined) continue;
    const labels = recordOf(workload.template.labels);
    labelsOf.set(workload, labels);
    const inNamespace = podWorkloadsByNamespace.get(workload.namespace) ?? [];
    inNamespace.push(workload);
    podWorkloadsByNamespace.set(workload.namespace, inNamespace);
    for (const [key, value] of Object.entries(labels)) {
      const labelKey = `${workload.namespace}\u0000${key}\u0000${value}`;
      const list = byLabel.get(labelKey) ?? [];
      list.push(workload);
      byLabel.set(labelKey, list);
    }
  }
  const selectedBy = new Map<Service, Workload[]>();
  const selecting = new Map<Workload, Service[]>();
  for (const service of services) {
    const first = service.selector?.entries[0];
    const candidates = first ? (byLabel.get(`${service.namespace}\u0000${first.key}\u0000${first.value}`) ?? []) : [];
    const picked = candidates.filter((workload) => serviceSelectorMatches(service.selector, labelsOf.get(workload)!));
    selectedBy.set(service, picked);
    for (const workload of picked) {
      const list = selecting.get(workload) ?? [];
      list.push(service);
      selecting.set(workload, list);
    }
  }

  const nodePorts: NodePortUse[] = [];
  for (const service of services) {
    for (const servicePort of service.ports) {
      const nodePort = servicePort.nodePort;
      if (nodePort) nodePorts.push({ port: nodePort.value, span: nodePort.span, protocol: servicePort.protocol, service, servicePort });
    }
  }

  const containerPorts = (workload: Workload): ContainerPort[] => {
    const ports: ContainerPort[] = [];
    for (const container of workload.template?.containers ?? []) for (const port of container.ports) ports.push(port);
    return ports;
  };

  return {
    objects,
    services,
    workloads,
    configMaps,
    ingresses,
    kubeProxy,
    nodePorts,
    servicesSelecting: (workload) => selecting.get(workload) ?? [],
    workloadsSelectedBy: (service) => selectedBy.get(service) ?? [],
    workloadsInNamespace: (namespace) => podWorkloadsByNamespace.get(namespace) ?? [],
    containerPorts,
    resolveTargetPort: (service, servicePort) => {
      const target = servicePort.targetPort.value;
      const selected = selectedBy.get(service) ?? [];
      const matches: ContainerPortMatch[] = [];
      const unmatchedWorkloads: Workload[] = [];
      for (const workload of selected) {
        const found = containerPorts(workload).filter(
          (port) => port.protocol === servicePort.protocol && portMatches(port, target),
        );
        if (found.length === 0) unmatchedWorkloads.push(workload);
        for (const port of found) matches.push({ workload, port });
      }
      return { target, workloads: selected, matches, unmatchedWorkloads };
    },
    nodePortUses: (port) => nodePorts.filter((use) => use.port === port),
  };
}

/** Issues in the order of the loads, then of their position in the file. */
function sortByPosition(issues: SyntaxIssue[], results: YamlLoadResult[]): void {
  const fileOrder = new Map(results.map((result, index) => [result.file, index]));
  issues.sort((a, b) => (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) || a.start - b.start || a.end - b.end);
}

/** Types and indexes the objects of some loads at once, with what typing found wrong (for tests and the fuzzer). */
export function buildKubernetesModel(results: YamlLoadResult[]): KubernetesModel & { issues: SyntaxIssue[] } {
  const issues: SyntaxIssue[] = [];
  const perFile = results.map((result) => readKubernetesObjects(result, issues));
  sortByPosition(issues, results);
  return { ...indexKubernetes(perFile), issues };
}

function portMatches(port: ContainerPort, target: number | string | undefined): boolean {
  if (target === undefined) return false;
  return typeof target === 'number' ? port.containerPort?.value === target : port.name?.value === target;
}

