import { extractNetworksFromYaml } from '../network/index.js';
import { hasHashCommentsUnlessJson, loadYaml } from '../yaml/index.js';
import type { LanguageDefinition, LanguageParseResult, SourceFile } from '../language.js';
import { kubernetesDetection } from './detect.js';
import { readKubernetesObjects } from './read.js';

/**
 * Kubernetes manifests (and any other YAML stream): loaded once, their objects typed. Calico,
 * flannel and canal ConfigMaps and CRDs also describe overlay networks, so the network
 * language reads the same loads.
 */
export async function parseKubernetesFiles(files: SourceFile[]): Promise<LanguageParseResult> {
  const result: LanguageParseResult = { documents: { yaml: [], kubernetesObjects: [], networks: [], rancher: [] }, issues: [] };
  const { documents, issues } = result;
  for (const file of files) {
    const load = loadYaml(file.absolutePath, file.text);
    documents.yaml!.push(load);
    issues.push(...load.issues);
    documents.kubernetesObjects!.push(readKubernetesObjects(load, issues));
    const networks = extractNetworksFromYaml(load);
    documents.networks!.push(...networks.networks);
    if (networks.rancher) documents.rancher!.push(networks.rancher);
    issues.push(...networks.issues);
  }
  return result;
}

export const kubernetesLanguage: LanguageDefinition = {
  label: 'Kubernetes YAML',
  detection: kubernetesDetection,
  parse: parseKubernetesFiles,
  hasHashComments: hasHashCommentsUnlessJson,
};
