import type { SourceRange } from '../core/source.js';
import type { RancherClusterInfo } from '../languages/network/index.js';
import type { NginxModel } from '../languages/nginx/index.js';
import type { YamlLoadResult } from '../languages/yaml/index.js';
import type { KubernetesModel } from './kubernetes.js';
import type { NatEvidence } from './nat.js';
import { swarmIngressPorts } from './swarm.js';

export interface NatEvidenceInput {
  kubernetes: KubernetesModel;
  rancher: RancherClusterInfo[];
  yaml: YamlLoadResult[];
  nginx: NginxModel[];
  /** `environment.clientsBehindSnat` and where the config file states it. */
  clientsBehindSnat?: { value: boolean; location?: SourceRange };
}

/** Everything in the workspace that shows clients arriving through NAT/SNAT, with where it is written. */
export function collectNatEvidence(input: NatEvidenceInput): NatEvidence[] {
  const evidence: NatEvidence[] = [];
  if (input.clientsBehindSnat?.value) {
    evidence.push({
      kind: 'environment',
      description: 'the hoplint config declares that clients arrive through SNAT (environment.clientsBehindSnat)',
      ...(input.clientsBehindSnat.location ? { location: input.clientsBehindSnat.location } : {}),
    });
  }
  for (const proxy of input.kubernetes.kubeProxy) {
    const mode = proxy.effectiveMode;
    if (mode !== 'ipvs' && mode !== 'iptables' && mode !== 'nftables') continue;
    evidence.push({
      kind: mode === 'ipvs' ? 'kube-proxy-ipvs' : 'kube-proxy-iptables',
      description: `kube-proxy runs in ${mode} mode: Service and NodePort traffic is NATed, and masqueraded from other nodes`,
      location: proxy.mode?.span ?? proxy.span,
    });
  }
  for (const cluster of input.rancher) {
    evidence.push({
      kind: 'rke-kube-proxy',
      description: `RKE runs kube-proxy in ${cluster.proxyMode?.value ?? 'iptables'} mode: NodePort traffic is NATed`,
      location: cluster.proxyMode?.span ?? cluster.span,
    });
  }
  for (const load of input.yaml) {
    for (const port of swarmIngressPorts(load)) {
      evidence.push({
        kind: 'swarm-ingress',
        description: `Docker Swarm publishes ${port.published === undefined ? 'a port' : `port ${port.published}`} of "${port.service}"${port.published === undefined ? ' (one it picks)' : ''} through the ingress routing mesh, which SNATs every client to one address`,
        location: port.span,
      });
    }
  }
  for (const model of input.nginx) {
    const proxy = model.proxyPasses[0];
    if (!proxy) continue;
    evidence.push({
      kind: 'proxy-in-front',
      description: 'nginx proxies requests to backends here: they see every client through the proxy\'s address',
      location: proxy.directive.nameToken,
    });
  }
  return evidence;
}
