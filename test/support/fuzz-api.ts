import type { FuzzApi, FuzzTarget, FuzzTargetName } from '../../bench/fuzz/targets.mjs';
import { createFuzzTargets } from '../../bench/fuzz/targets.mjs';
import { LineIndex } from '../../src/core/source.js';
import { loadNginxConfig, parseNginxText, splitNginxDashT } from '../../src/languages/nginx/index.js';
import { parseSysctl } from '../../src/languages/sysctl/index.js';
import { loadYaml } from '../../src/languages/yaml/loader.js';
import { buildKubernetesModel, computeEffectiveSysctls } from '../../src/link/index.js';
import { extractNetworksFromYaml, parseCniFile, parseFlannelNetConfFile } from '../../src/languages/network/index.js';

/** The parsers from src/, in the shape the fuzz targets (bench/fuzz/targets.mjs) take. */
export const SOURCE_API: FuzzApi = {
  LineIndex,
  parseNginxText,
  loadNginxConfig,
  splitNginxDashT,
  parseSysctl,
  computeEffectiveSysctls,
  loadYaml,
  buildKubernetesModel,
  parseCniFile,
  parseFlannelNetConfFile,
  extractNetworksFromYaml,
};

const TARGETS = new Map(createFuzzTargets(SOURCE_API).map((target) => [target.name, target]));

export function fuzzTarget(name: FuzzTargetName): FuzzTarget {
  return TARGETS.get(name)!;
}

export function isFuzzTargetName(name: string): name is FuzzTargetName {
  return TARGETS.has(name as FuzzTargetName);
}
