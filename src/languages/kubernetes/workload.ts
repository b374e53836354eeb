import type { YAMLMap } from 'yaml';
import type { FieldReader } from './fields.js';
import type {
  Container,
  ContainerPort,
  KubernetesObject,
  LabelSelector,
  LabelSelectorRequirement,
  PodTemplate,
  Workload,
  WorkloadKind,
} from './types.js';

/**
 * Reads a workload's pod template: `spec.template` for controllers, `spec.jobTemplate.spec.template`
 * for a CronJob, and the object itself for a Pod.
 */
export function readWorkload(object: KubernetesObject, kind: WorkloadKind, reader: FieldReader): Workload {
  const workload: Workload = { ...object, kind };
  const spec = reader.map(object.node, 'spec', `${kind}.spec`);
  if (kind === 'Pod') {
    workload.template = readPodTemplate(reader, object.node, 'metadata', 'spec');
    return workload;
  }
  let controllerSpec = spec;
  let prefix = 'spec';
  if (kind === 'CronJob') {
    const jobTemplate = reader.map(spec, 'jobTemplate', 'spec.jobTemplate');
    controllerSpec = reader.map(jobTemplate, 'spec', 'spec.jobTemplate.spec');
    prefix = 'spec.jobTemplate.spec';
  }
  const selector = readLabelSelector(reader, controllerSpec, `${prefix}.selector`);
  if (selector) workload.selector = selector;
  const template = reader.map(controllerSpec, 'template', `${prefix}.template`);
  if (template) workload.template = readPodTemplate(reader, template, `${prefix}.template.metadata`, `${prefix}.template.spec`);
  return workload;
}

function readPodTemplate(reader: FieldReader, template: YAMLMap, metadataPath: string, specPath: string): PodTemplate {
  const metadata = reader.map(template, 'metadata', metadataPath);
  const spec = reader.map(template, 'spec', specPath);
  const podTemplate: PodTemplate = {
    labels: reader.stringMap(metadata, 'labels', `${metadataPath}.labels`),
    containers: readContainers(reader, spec, 'containers', `${specPath}.containers`, false),
    initContainers: readContainers(reader, spec, 'initContainers', `${specPath}.initContainers`, true),
    sysctls: [],
    span: reader.span(template),
  };
  const hostNetwork = reader.boolean(spec, 'hostNetwork', `${specPath}.hostNetwork`);
  if (hostNetwork) podTemplate.hostNetwork = hostNetwork;
  const securityContext = reader.map(spec, 'securityContext', `${specPath}.securityContext`);
  const sysctlsPath = `${specPath}.securityContext.sysctls`;
  for (const [index, sysctl] of reader.mapItems(reader.seq(securityContext, 'sysctls', sysctlsPath), sysctlsPath).entries()) {
    const name = reader.string(sysctl, 'name', `${sysctlsPath}[${index}].name`);
    if (!name) continue;
    const value = reader.string(sysctl, 'value', `${sysctlsPath}[${index}].value`);
    podTemplate.sysctls.push(value ? { name, value } : { name });
  }
  return podTemplate;
}

function readContainers(reader: FieldReader, spec: YAMLMap | undefined, key: string, path: string, init: boolean): Container[] {
  return reader.mapItems(reader.seq(spec, key, path), path).map((node, index) => {
    const containerPath = `${path}[${index}]`;
    const name = reader.string(node, 'name', `${containerPath}.name`);
    const container: Container = { ports: [], init, span: reader.span(node) };
    if (name) container.name = name;
    const image = reader.string(node, 'image', `${containerPath}.image`);
    if (image) container.image = image;
    const portsPath = `${containerPath}.ports`;
    container.ports = reader
      .mapItems(reader.seq(node, 'ports', portsPath), portsPath)
      .map((port, portIndex) => readContainerPort(reader, port, `${portsPath}[${portIndex}]`, name?.value ?? ''));
    return container;
  });
}

function readContainerPort(reader: FieldReader, node: YAMLMap, path: string, container: string): ContainerPort {
  const protocol = reader.string(node, 'protocol', `${path}.protocol`);
  const port: ContainerPort = { protocol: protocol?.value || 'TCP', container, span: reader.span(node) };
  if (protocol) port.protocolSpan = protocol.span;
  const containerPort = reader.integer(node, 'containerPort', `${path}.containerPort`);
  if (containerPort) port.containerPort = containerPort;
  const name = reader.string(node, 'name', `${path}.name`);
  if (name) port.name = name;
  const hostPort = reader.integer(node, 'hostPort', `${path}.hostPort`);
  if (hostPort) port.hostPort = hostPort;
  return port;
}

function readLabelSelector(reader: FieldReader, spec: YAMLMap | undefined, path: string): LabelSelector | undefined {
  const node = reader.map(spec, 'selector', path);
  if (!node) return undefined;
  const selector: LabelSelector = { matchExpressions: [], span: reader.span(node) };
  const matchLabels = reader.stringMap(node, 'matchLabels', `${path}.matchLabels`);
  if (matchLabels) selector.matchLabels = matchLabels;
  const expressionsPath = `${path}.matchExpressions`;
  for (const [index, expression] of reader.mapItems(reader.seq(node, 'matchExpressions', expressionsPath), expressionsPath).entries()) {
    const requirementPath = `${expressionsPath}[${index}]`;
    const key = reader.string(expression, 'key', `${requirementPath}.key`);
    const operator = reader.string(expression, 'operator', `${requirementPath}.operator`);
    if (!key || !operator) continue;
    const values = reader.seq(expression, 'values', `${requirementPath}.values`);
    const requirement: LabelSelectorRequirement = {
      key: key.value,
      operator: operator.value,
      values: reader.strings(values, `${requirementPath}.values`).map((value) => value.value),
      span: reader.span(expression),
    };
    selector.matchExpressions.push(requirement);
  }
  return selector;
}
