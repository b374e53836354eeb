import { hasHashCommentsUnlessJson, loadYaml } from '../yaml/index.js';
import type { LanguageDefinition, LanguageParseResult, SourceFile } from '../language.js';
import { classifyNetworkFile } from './classify.js';
import { parseCniFile } from './cni.js';
import { networkDetection } from './detect.js';
import { extractNetworksFromYaml } from './extract.js';
import { parseFlannelNetConfFile } from './flannel.js';

/** CNI JSON, flannel net-conf.json, RKE1 cluster.yml and RKE2/K3s config.yaml. */
export async function parseNetworkFiles(files: SourceFile[]): Promise<LanguageParseResult> {
  const result: LanguageParseResult = { documents: { yaml: [], networks: [], rancher: [], cni: [] }, issues: [] };
  const { documents, issues } = result;
  for (const file of files) {
    const kind = classifyNetworkFile(file.absolutePath, file.text);
    if (kind === 'flannel-net-conf') {
      const parsed = parseFlannelNetConfFile(file.absolutePath, file.text);
      if (parsed.network) documents.networks!.push(parsed.network);
      issues.push(...parsed.issues);
    } else if (kind === 'rke1-cluster' || kind === 'distro-config') {
      const load = loadYaml(file.absolutePath, file.text);
      documents.yaml!.push(load);
      issues.push(...load.issues);
      const networks = extractNetworksFromYaml(load);
      documents.networks!.push(...networks.networks);
      if (networks.rancher) documents.rancher!.push(networks.rancher);
      issues.push(...networks.issues);
    } else {
      // Classified as network by name or by the config's `files`: read it as CNI JSON.
      const parsed = parseCniFile(file.absolutePath, file.text);
      if (parsed.config) documents.cni!.push(parsed.config);
      if (parsed.network) documents.networks!.push(parsed.network);
      issues.push(...parsed.issues);
    }
  }
  return result;
}

export const networkLanguage: LanguageDefinition = {
  label: 'CNI/network',
  detection: networkDetection,
  parse: parseNetworkFiles,
  hasHashComments: hasHashCommentsUnlessJson,
};
