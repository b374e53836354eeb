// The parsers as built into dist/ (`npm run build`), in the shape createFuzzTargets expects.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const MODULES = {
  source: 'dist/src/core/source.js',
  nginx: 'dist/src/languages/nginx/index.js',
  sysctl: 'dist/src/languages/sysctl/index.js',
  yaml: 'dist/src/languages/yaml/loader.js',
  network: 'dist/src/languages/network/index.js',
  link: 'dist/src/link/index.js',
};

export function distIsBuilt(repoRoot) {
  return Object.values(MODULES).every((path) => existsSync(join(repoRoot, path)));
}

export async function loadDistApi(repoRoot) {
  const load = (path) => import(pathToFileURL(join(repoRoot, path)).href);
  const [source, nginx, sysctl, yaml, network, link] = await Promise.all(Object.values(MODULES).map(load));
  return {
    LineIndex: source.LineIndex,
    parseNginxText: nginx.parseNginxText,
    loadNginxConfig: nginx.loadNginxConfig,
    splitNginxDashT: nginx.splitNginxDashT,
    parseSysctl: sysctl.parseSysctl,
    computeEffectiveSysctls: link.computeEffectiveSysctls,
    loadYaml: yaml.loadYaml,
    buildKubernetesModel: link.buildKubernetesModel,
    parseCniFile: network.parseCniFile,
    parseFlannelNetConfFile: network.parseFlannelNetConfFile,
    extractNetworksFromYaml: network.extractNetworksFromYaml,
  };
}
