import type { TargetRunResult } from './runner.mjs';

export interface FuzzFailure {
  kind: 'positions' | 'throw' | 'hang' | 'died';
  /** The first one names the failure; a candidate shows the same failure when it has it too. */
  signatures: string[];
  detail: string;
}

export declare function failureOf(result: TargetRunResult): FuzzFailure | null;
export declare function isSameFailure(original: FuzzFailure, candidate: FuzzFailure | null): boolean;
