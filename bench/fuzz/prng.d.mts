export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, bound). */
  int(bound: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

export declare function createRandom(seed: number): Random;
