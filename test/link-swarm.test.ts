import { describe, expect, it } from 'vitest';
import { loadYaml } from '../src/languages/yaml/index.js';
import { buildKubernetesModel, collectNatEvidence, swarmIngressPorts } from '../src/link/index.js';

const stack = `version: "3.8"
services:
  gateway:
    image: openresty/openresty:1.21
    deploy:
      replicas: 2
    ports:
      - "8080:80"
      - "9000"
      - target: 443
        published: 8443
      - target: 9100
        published: 9100
        mode: host
      - target: 9200
`;

describe('swarmIngressPorts', () => {
  it('reads short and long syntax; host mode bypasses the mesh; no published port means Swarm picks one', () => {
    const ports = swarmIngressPorts(loadYaml('stack.yml', stack));
    expect(ports.map(({ service, published, span }) => ({ service, published, line: span.line }))).toEqual([
      { service: 'gateway', published: '8080', line: 8 },
      { service: 'gateway', published: undefined, line: 9 },
      { service: 'gateway', published: '8443', line: 10 },
      { service: 'gateway', published: undefined, line: 15 },
    ]);
  });

  it('ignores a compose file without deploy: (docker compose, no routing mesh) and Kubernetes objects', () => {
    expect(swarmIngressPorts(loadYaml('compose.yml', 'services:\n  web:\n    image: nginx\n    ports:\n      - "80:80"\n'))).toEqual([]);
    expect(swarmIngressPorts(loadYaml('svc.yaml', 'apiVersion: v1\nkind: Service\nservices:\n  a:\n    deploy: {}\n    ports: ["80:80"]\n'))).toEqual([]);
  });
});

describe('collectNatEvidence', () => {
  it('describes a port Swarm picks without inventing a number', () => {
    const load = loadYaml('stack.yml', 'services:\n  api:\n    deploy: {}\n    ports:\n      - "3000"\n');
    const evidence = collectNatEvidence({ kubernetes: buildKubernetesModel([load]), rancher: [], yaml: [load], nginx: [] });
    expect(evidence).toHaveLength(1);
    expect(evidence[0]!.kind).toBe('swarm-ingress');
    expect(evidence[0]!.description).toBe('Docker Swarm publishes a port of "api" (one it picks) through the ingress routing mesh, which SNATs every client to one address');
    expect(evidence[0]!.location?.line).toBe(5);
  });

  it('names the environment declaration only when it is true', () => {
    const none = collectNatEvidence({ kubernetes: buildKubernetesModel([]), rancher: [], yaml: [], nginx: [], clientsBehindSnat: { value: false } });
    expect(none).toEqual([]);
    const declared = collectNatEvidence({ kubernetes: buildKubernetesModel([]), rancher: [], yaml: [], nginx: [], clientsBehindSnat: { value: true } });
    expect(declared.map((e) => e.kind)).toEqual(['environment']);
  });
});
