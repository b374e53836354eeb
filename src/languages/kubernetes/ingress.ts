import type { YAMLMap } from 'yaml';
import type { FieldReader } from './fields.js';
import type { Ingress, IngressBackend, KubernetesObject } from './types.js';

/**
 * Reads an Ingress's backends: `spec.defaultBackend` and every rule path, in both the
 * `networking.k8s.io/v1` shape (`service: {name, port: {number|name}}`) and the older
 * `serviceName`/`servicePort` shape of `extensions/v1beta1` (where `spec.backend` was the default).
 */
export function readIngress(object: KubernetesObject, reader: FieldReader): Ingress {
  const ingress: Ingress = { ...object, kind: 'Ingress', backends: [] };
  const spec = reader.map(object.node, 'spec', 'Ingress.spec');
  for (const key of ['defaultBackend', 'backend']) {
    const backend = readBackend(reader, reader.map(spec, key, `spec.${key}`), `spec.${key}`, {});
    if (backend) ingress.backends.push(backend);
  }
  const rules = reader.mapItems(reader.seq(spec, 'rules', 'spec.rules'), 'spec.rules');
  rules.forEach((rule, ruleIndex) => {
    const rulePath = `spec.rules[${ruleIndex}]`;
    const host = reader.string(rule, 'host', `${rulePath}.host`)?.value;
    const http = reader.map(rule, 'http', `${rulePath}.http`);
    const paths = reader.mapItems(reader.seq(http, 'paths', `${rulePath}.http.paths`), `${rulePath}.http.paths`);
    paths.forEach((pathNode, pathIndex) => {
      const pathPath = `${rulePath}.http.paths[${pathIndex}]`;
      const path = reader.string(pathNode, 'path', `${pathPath}.path`)?.value;
      const backendNode = reader.map(pathNode, 'backend', `${pathPath}.backend`);
      const backend = readBackend(reader, backendNode, `${pathPath}.backend`, { host, path });
      if (backend) ingress.backends.push(backend);
    });
  });
  return ingress;
}

function readBackend(
  reader: FieldReader,
  node: YAMLMap | undefined,
  path: string,
  where: { host?: string | undefined; path?: string | undefined },
): IngressBackend | undefined {
  if (!node) return undefined;
  let serviceName = reader.string(node, 'serviceName', `${path}.serviceName`);
  let port = reader.intOrString(node, 'servicePort', `${path}.servicePort`);
  const service = reader.map(node, 'service', `${path}.service`);
  if (service) {
    serviceName = reader.string(service, 'name', `${path}.service.name`);
    const portNode = reader.map(service, 'port', `${path}.service.port`);
    port = reader.integer(portNode, 'number', `${path}.service.port.number`) ?? reader.string(portNode, 'name', `${path}.service.port.name`);
  }
  if (!serviceName) return undefined;
  const backend: IngressBackend = { serviceName, span: reader.span(node) };
  if (port) backend.port = port;
  if (where.host !== undefined) backend.host = where.host;
  if (where.path !== undefined) backend.path = where.path;
  return backend;
}
