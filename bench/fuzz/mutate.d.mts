import type { Random } from './prng.mjs';

export type MutationOp =
  | 'insert'
  | 'delete'
  | 'duplicate'
  | 'swap'
  | 'repeat'
  | 'replace'
  | 'truncate'
  | 'nest'
  | 'line-duplicate'
  | 'line-delete'
  | 'line-swap'
  | 'indent'
  | 'line-ending';

/** Positions are taken modulo the length of the text the mutation is applied to. */
export interface Mutation {
  op: MutationOp;
  at: number;
  at2: number;
  /** Chunk length (or line count, indentation width). */
  size: number;
  /** Repetitions for `repeat`, `nest` and `line-duplicate`; line ending choice for `line-ending`. */
  count: number;
  /** Text to insert; for `nest`, the opener. */
  payload: string;
}

export declare const PAYLOADS: readonly string[];
export declare const HANGING_PAYLOADS: readonly string[];
export declare const MUTATION_OPS: readonly MutationOp[];
export declare const NEST_OPENERS: readonly string[];
export declare const PATHOLOGICAL_UNITS: readonly string[];
export declare function applyMutation(text: string, mutation: Mutation): string;
export declare function applyMutations(text: string, mutations: readonly Mutation[]): string;
export declare function randomMutation(random: Random): Mutation;
