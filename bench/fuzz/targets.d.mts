import type { LineIndex } from '../../src/core/source.js';
import type { loadNginxConfig, parseNginxText, splitNginxDashT } from '../../src/languages/nginx/index.js';
import type { computeEffectiveSysctls, parseSysctl } from '../../src/languages/sysctl/index.js';
import type { loadYaml } from '../../src/languages/yaml/loader.js';
import type { buildKubernetesModel } from '../../src/languages/kubernetes/index.js';
import type { extractNetworksFromYaml, parseCniFile, parseFlannelNetConfFile } from '../../src/languages/network/index.js';

/** The parsers under test, from src/ (tests) or dist/src/ (the fuzz script). */
export interface FuzzApi {
  LineIndex: typeof LineIndex;
  parseNginxText: typeof parseNginxText;
  loadNginxConfig: typeof loadNginxConfig;
  splitNginxDashT: typeof splitNginxDashT;
  parseSysctl: typeof parseSysctl;
  computeEffectiveSysctls: typeof computeEffectiveSysctls;
  loadYaml: typeof loadYaml;
  buildKubernetesModel: typeof buildKubernetesModel;
  parseCniFile: typeof parseCniFile;
  parseFlannelNetConfFile: typeof parseFlannelNetConfFile;
  extractNetworksFromYaml: typeof extractNetworksFromYaml;
}

export type FuzzTargetName = 'nginx' | 'sysctl' | 'yaml' | 'kubernetes' | 'network-yaml' | 'cni' | 'flannel';

export interface FuzzOutcome {
  /** Positions outside the file or inconsistent with their offsets; empty when all is well. */
  problems: string[];
  /** Positions produced: grows with the input for a linear parser. */
  work: number;
}

export interface FuzzTarget {
  name: FuzzTargetName;
  /** Name the CLI classifies as this target's language. */
  fileName: string;
  /** Throws only when the parser does. */
  run(text: string): Promise<FuzzOutcome>;
}

export declare function createFuzzTargets(api: FuzzApi): FuzzTarget[];
