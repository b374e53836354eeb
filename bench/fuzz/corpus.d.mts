import type { FuzzTargetName } from './targets.mjs';

export interface CorpusFile {
  path: string;
  /** Path relative to the parent of the repository, for messages. */
  name: string;
  text: string;
  targets: FuzzTargetName[];
}

export declare function corpusRoots(repoRoot: string): string[];
export declare function targetsForFile(path: string, text: string): FuzzTargetName[];
export declare function loadCorpus(repoRoot: string): CorpusFile[];
