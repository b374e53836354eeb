import { extractNetworksFromYaml } from '../network/index.js';
import { loadYaml } from '../yaml/loader.js';
import type { WorkspaceFile } from '../../model/workspace.js';
import type { LanguageParseResult } from './types.js';

/**
 * Kubernetes manifests (and any other YAML stream): loaded once, then typed by the Kubernetes
 * model when the workspace is linked. Calico, flannel and canal ConfigMaps and CRDs also
 * describe overlay networks, so the network layer reads the same loads.
 */
export async function parseKubernetesFiles(files: WorkspaceFile[]): Promise<LanguageParseResult> {
  const result: LanguageParseResult = { documents: { yaml: [], networks: [], rancher: [] }, issues: [] };
  for (const file of files) {
    const load = loadYaml(file.absolutePath, file.text);
    result.documents.yaml!.push(load);
    result.issues.push(...load.issues);
    const networks = extractNetworksFromYaml(load);
    result.documents.networks!.push(...networks.networks);
    if (networks.rancher) result.documents.rancher!.push(networks.rancher);
    result.issues.push(...networks.issues);
  }
  return result;
}
