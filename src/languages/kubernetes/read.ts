import type { SyntaxIssue } from '../../core/syntax.js';
import type { YamlLoadResult } from '../yaml/loader.js';
import { readConfigMap } from './configmap.js';
import { readIngress } from './ingress.js';
import { KUBE_PROXY_KIND, kubeProxyConfigsIn, readKubeProxyConfiguration } from './kube-proxy.js';
import { kubernetesObjectsOf } from './objects.js';
import { readService } from './service.js';
import { WORKLOAD_KINDS } from './types.js';
import type { ConfigMap, Ingress, KubeProxyConfig, KubernetesObject, Service, Workload, WorkloadKind } from './types.js';
import { readWorkload } from './workload.js';

/** The Kubernetes objects of one YAML stream, typed where hoplint knows the kind. */
export interface KubernetesObjects {
  /** Every Kubernetes object, typed kinds included, in document order. */
  objects: KubernetesObject[];
  services: Service[];
  workloads: Workload[];
  configMaps: ConfigMap[];
  ingresses: Ingress[];
  /** Stand-alone KubeProxyConfigurations and those embedded in ConfigMaps. */
  kubeProxy: KubeProxyConfig[];
}

function isWorkloadKind(kind: string): kind is WorkloadKind {
  return (WORKLOAD_KINDS as readonly string[]).includes(kind);
}

/**
 * Types every Kubernetes object of a load. Issues of the load itself stay in the load; `issues`
 * gets what typing adds (fields of the wrong shape, embedded YAML errors).
 */
export function readKubernetesObjects(load: YamlLoadResult, issues: SyntaxIssue[]): KubernetesObjects {
  const read: KubernetesObjects = { objects: [], services: [], workloads: [], configMaps: [], ingresses: [], kubeProxy: [] };
  for (const { object, reader } of kubernetesObjectsOf(load, issues)) {
    const kind = object.kind;
    if (kind === 'Service') {
      const service = readService(object, reader);
      read.services.push(service);
      read.objects.push(service);
    } else if (isWorkloadKind(kind)) {
      const workload = readWorkload(object, kind, reader);
      read.workloads.push(workload);
      read.objects.push(workload);
    } else if (kind === 'ConfigMap') {
      const configMap = readConfigMap(object, reader);
      read.configMaps.push(configMap);
      read.objects.push(configMap);
      read.kubeProxy.push(...kubeProxyConfigsIn(configMap, issues));
    } else if (kind === 'Ingress') {
      const ingress = readIngress(object, reader);
      read.ingresses.push(ingress);
      read.objects.push(ingress);
    } else {
      if (kind === KUBE_PROXY_KIND) read.kubeProxy.push(readKubeProxyConfiguration(object, reader));
      read.objects.push(object);
    }
  }
  return read;
}
