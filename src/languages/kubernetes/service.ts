import type { YAMLMap } from 'yaml';
import type { FieldReader } from './fields.js';
import type { KubernetesObject, Service, ServicePort, TargetPort } from './types.js';

/** Reads a `kind: Service` object's spec. */
export function readService(object: KubernetesObject, reader: FieldReader): Service {
  const spec = reader.map(object.node, 'spec', 'Service.spec');
  const type = reader.string(spec, 'type', 'spec.type');
  const service: Service = {
    ...object,
    kind: 'Service',
    type: type?.value || 'ClusterIP',
    ports: reader
      .mapItems(reader.seq(spec, 'ports', 'spec.ports'), 'spec.ports')
      .map((port, index) => readServicePort(reader, port, `spec.ports[${index}]`)),
  };
  if (type) service.typeSpan = type.span;
  const selector = reader.stringMap(spec, 'selector', 'spec.selector');
  if (selector) service.selector = selector;
  const clusterIP = reader.string(spec, 'clusterIP', 'spec.clusterIP');
  if (clusterIP) service.clusterIP = clusterIP;
  const externalName = reader.string(spec, 'externalName', 'spec.externalName');
  if (externalName) service.externalName = externalName;
  return service;
}

function readServicePort(reader: FieldReader, node: YAMLMap, path: string): ServicePort {
  const port = reader.integer(node, 'port', `${path}.port`);
  const span = reader.span(node);
  const declaredTarget = reader.intOrString(node, 'targetPort', `${path}.targetPort`);
  let targetPort: TargetPort;
  if (declaredTarget === undefined) {
    // Kubernetes defaults targetPort to port; findings about it point at `port`.
    targetPort = { kind: 'omitted', value: port?.value, span: port?.span ?? span };
  } else if (typeof declaredTarget.value === 'number') {
    targetPort = { kind: 'number', value: declaredTarget.value, span: declaredTarget.span };
  } else {
    targetPort = { kind: 'name', value: declaredTarget.value, span: declaredTarget.span };
  }
  const protocol = reader.string(node, 'protocol', `${path}.protocol`);
  const result: ServicePort = { targetPort, protocol: protocol?.value || 'TCP', span };
  if (port) result.port = port;
  if (protocol) result.protocolSpan = protocol.span;
  const name = reader.string(node, 'name', `${path}.name`);
  if (name) result.name = name;
  const nodePort = reader.integer(node, 'nodePort', `${path}.nodePort`);
  if (nodePort) result.nodePort = nodePort;
  return result;
}
