import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { Span } from '../core/source.js';
import { spanOfNode, type YamlLoadResult } from '../languages/yaml/index.js';

/** A port that a Docker Swarm stack publishes through the ingress routing mesh. */
export interface SwarmIngressPort {
  service: string;
  /** The published port (or range) as written; absent when Swarm picks one (`- "80"`, long syntax without `published`). */
  published?: string;
  span: Span;
}

function get(map: YAMLMap, key: string): Node | undefined {
  const value = map.get(key, true);
  return value === null || value === undefined ? undefined : (value as Node);
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
    const root = document.doc.contents;
    if (!isMap(root) || get(root, 'apiVersion') || get(root, 'kind')) continue;
    const services = get(root, 'services');
    if (!isMap(services)) continue;
    const isStack = services.items.some((item) => isMap(item.value) && get(item.value, 'deploy') !== undefined);
    if (!isStack) continue;
    for (const item of services.items) {
      if (!isMap(item.value) || !isScalar(item.key)) continue;
      const ports = get(item.value, 'ports');
      if (!isSeq(ports)) continue;
      for (const port of ports.items) {
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
        const span = spanOfNode(load, port as Node);
        if (!span) continue;
        found.push(published === undefined ? { service: String(item.key.value), span } : { service: String(item.key.value), published, span });
      }
    }
  }
  return found;
}
