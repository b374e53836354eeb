import type { Scalar, YAMLMap } from 'yaml';
import type { Span } from '../../core/source.js';
import type { YamlLoadResult } from '../yaml/loader.js';

/** A value read from a manifest, with the span of the value token. */
export interface Located<T> {
  value: T;
  span: Span;
}

/** One `key: value` of a string map (labels, selector, ConfigMap data). */
export interface LocatedEntry {
  key: string;
  value: string;
  keySpan: Span;
  valueSpan: Span;
  /** From the key through the value. */
  span: Span;
}

/** A string-to-string map such as `metadata.labels` or a Service `selector`. */
export interface LocatedStringMap {
  entries: LocatedEntry[];
  /** The map node itself. */
  span: Span;
}

/** Any object with `apiVersion` and `kind`; typed kinds extend it. */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  /** `metadata.name`; undefined when absent (or `generateName` only). */
  name?: string;
  /** `metadata.namespace`, or `default` when the manifest leaves it out; `''` for cluster-scoped kinds. */
  namespace: string;
  namespaceExplicit: boolean;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  file: string;
  /** Index of the YAML document in its stream. */
  documentIndex: number;
  /** Template path from Helm's `# Source:` comment before the document. */
  helmSource?: string;
  /** Set when the object came from the `items` of a `kind: List`. */
  listItemIndex?: number;
  /** The object's mapping in the file. */
  span: Span;
  kindSpan: Span;
  nameSpan?: Span;
  /** The raw mapping and the load it came from, for policies that read other fields. */
  node: YAMLMap;
  source: YamlLoadResult;
}

/** `targetPort` of a Service port: a number, a container port name, or omitted (= `port`). */
export type TargetPort =
  | { kind: 'number'; value: number; span: Span }
  | { kind: 'name'; value: string; span: Span }
  | { kind: 'omitted'; value: number | undefined; span: Span };

export interface ServicePort {
  name?: Located<string>;
  port?: Located<number>;
  targetPort: TargetPort;
  nodePort?: Located<number>;
  /** `TCP` when the manifest leaves it out. */
  protocol: string;
  protocolSpan?: Span;
  /** The port's item in `spec.ports`. */
  span: Span;
}

export interface Service extends KubernetesObject {
  kind: 'Service';
  /** `ClusterIP` when the manifest leaves it out. */
  type: string;
  typeSpan?: Span;
  /** `spec.selector`; undefined when absent. An empty or absent selector selects nothing. */
  selector?: LocatedStringMap;
  ports: ServicePort[];
  clusterIP?: Located<string>;
  /** `spec.externalName` of an ExternalName Service. */
  externalName?: Located<string>;
}

export interface ContainerPort {
  containerPort?: Located<number>;
  name?: Located<string>;
  /** `TCP` when the manifest leaves it out. */
  protocol: string;
  protocolSpan?: Span;
  hostPort?: Located<number>;
  /** Name of the container that declares the port. */
  container: string;
  /** The port's item in `ports`. */
  span: Span;
}

export interface Container {
  name?: Located<string>;
  image?: Located<string>;
  ports: ContainerPort[];
  /** An entry of `initContainers` rather than `containers`. */
  init: boolean;
  span: Span;
}

export interface LabelSelectorRequirement {
  key: string;
  operator: string;
  values: string[];
  span: Span;
}

/** A workload's `spec.selector` (matchLabels and matchExpressions). */
export interface LabelSelector {
  matchLabels?: LocatedStringMap;
  matchExpressions: LabelSelectorRequirement[];
  span: Span;
}

/** A pod spec with its labels: a workload's `template`, or a Pod itself. */
export interface PodTemplate {
  labels: LocatedStringMap | undefined;
  containers: Container[];
  initContainers: Container[];
  hostNetwork?: Located<boolean>;
  /** `spec.securityContext.sysctls`: the namespaced sysctls set inside the Pod. */
  sysctls: { name: Located<string>; value?: Located<string> }[];
  /** The template (or Pod) mapping. */
  span: Span;
}

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'ReplicaSet' | 'Job' | 'CronJob' | 'Pod';

export const WORKLOAD_KINDS: readonly WorkloadKind[] = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'CronJob',
  'Pod',
];

export interface Workload extends KubernetesObject {
  kind: WorkloadKind;
  /** Undefined when the manifest has no pod template. */
  template?: PodTemplate;
  /** `spec.selector` (for CronJob, the job template's); Pods have none. */
  selector?: LabelSelector;
}

export interface ConfigMapEntry {
  key: string;
  keySpan: Span;
  /** The value as a string (numbers and booleans as written, since ConfigMap data is text). */
  value: string;
  valueSpan: Span;
  /** The value's scalar node: hand it to `loadEmbeddedYaml` for embedded files. */
  scalar: Scalar;
  /** `BLOCK_LITERAL`, `BLOCK_FOLDED`, `PLAIN`, `QUOTE_DOUBLE` or `QUOTE_SINGLE`. */
  style: Scalar.Type | undefined;
  /** Columns of indentation before a block scalar's content; 0 for other styles. */
  indent: number;
}

export interface ConfigMap extends KubernetesObject {
  kind: 'ConfigMap';
  data: ConfigMapEntry[];
  binaryDataKeys: Located<string>[];
}

export interface IngressBackend {
  serviceName: Located<string>;
  port?: Located<number | string>;
  /** Host of the rule, undefined for the default backend or a host-less rule. */
  host?: string;
  path?: string;
  span: Span;
}

export interface Ingress extends KubernetesObject {
  kind: 'Ingress';
  backends: IngressBackend[];
}

/** kube-proxy's mode: `''` (unset) means iptables on Linux. */
export type KubeProxyMode = 'ipvs' | 'iptables' | 'nftables' | 'kernelspace' | '';

export interface KubeProxyConfig {
  file: string;
  /** The KubeProxyConfiguration mapping, in the outer file when it was embedded. */
  span: Span;
  /** The ConfigMap and key it was embedded in, if any. */
  embeddedIn?: { configMap: ConfigMap; key: string };
  /** True when positions inside it could not be mapped and point at the embedding scalar. */
  approximatePositions: boolean;
  mode: Located<string> | undefined;
  /** The mode in effect: the declared one, or iptables when unset or empty. */
  effectiveMode: string;
  ipvs: {
    scheduler?: Located<string>;
    tcpFinTimeout?: Located<string>;
    tcpTimeout?: Located<string>;
    udpTimeout?: Located<string>;
    strictARP?: Located<boolean>;
  };
  clusterCIDR?: Located<string>;
  /** `nodePortAddresses` entries. */
  nodePortAddresses: Located<string>[];
}
