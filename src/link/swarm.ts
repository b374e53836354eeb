import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import type { Span } from '../core/source.js';
import { YamlFields, type YamlLoadResult } from '../languages/yaml/index.js';

/** A port that a Docker Swarm stack publishes through the ingress routing mesh. */
export interface SwarmIngressPort {
  service: string;
  /** The published port (or range) as written; absent when Swarm picks one (`- "80"`, long syntax without `published`). */
  published?: string;
  span: Span;
}

/**
 * Ports published in ingress mode by Docker stack files (`docker stack deploy`): the routing
 * mesh forwards them through IPVS with SNAT, so every client reaches the task from one address.
 * A compose file counts as a stack when a service has a `deploy:` section; long-syntax ports
 * with `mode: host` bypass the mesh.
 */
export function swarmIngressPorts(load: YamlLoadResult): SwarmIngressPort[] {
  const found: SwarmIngressPort[] = [];
  for (const document of load.documents) {
    // The YAML stack's reader: aliases and `<<` merge keys (compose files' `x-` templates) count.
    const fields = new YamlFields(load, document.doc);
    const get = (node: unknown, key: string) => fields.value(node, key);
    const root = fields.resolve(document.doc.contents);
    if (!isMap(root) || get(root, 'apiVersion') || get(root, 'kind')) continue;
    const services = get(root, 'services');
    if (!isMap(services)) continue;
    const entries: Array<{ service: string; definition: YAMLMap }> = [];
    fields.eachEntry(services, (service, _pair, _key, definition) => {
      if (isMap(definition)) entries.push({ service, definition });
    });
    if (!entries.some(({ definition }) => get(definition, 'deploy') !== undefined)) continue;
    for (const { service, definition } of entries) {
      const ports = get(definition, 'ports');
      if (!isSeq(ports)) continue;
      for (const entry of ports.items) {
        const port = fields.resolve(entry);
        // Every port listed is published through the mesh; without a host part Swarm picks the published port.
        let published: string | undefined;
        if (isScalar(port)) {
          const text = String(port.value);
          if (text.includes(':')) published = text.split(':').slice(-2, -1)[0];
        } else if (isMap(port)) {
          const mode = get(port, 'mode');
          if (isScalar(mode) && String(mode.value) === 'host') continue;
          const value = get(port, 'published');
          if (isScalar(value)) published = String(value.value);
        } else {
          continue;
        }
        const span = fields.spanOf(port);
        if (!span) continue;
        found.push(published === undefined ? { service, span } : { service, published, span });
      }
    }
  }
  return found;
}
