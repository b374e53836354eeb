import type { FuzzApi } from './targets.mjs';

export declare function distIsBuilt(repoRoot: string): boolean;
export declare function loadDistApi(repoRoot: string): Promise<FuzzApi>;
