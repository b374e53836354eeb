import type { FuzzOutcome, FuzzTargetName } from './targets.mjs';

export type TargetRunResult =
  | { kind: 'ok'; outcome: FuzzOutcome }
  | { kind: 'throw'; error: { name: string; message: string; stack: string } }
  | { kind: 'hang'; timeoutMs: number }
  | { kind: 'died'; message: string };

/** Runs the built parsers (dist/) in a child process, with a time limit per run. */
export declare class TargetRunner {
  constructor(repoRoot: string, options?: { memoryLimitMb?: number });
  run(target: FuzzTargetName, text: string, timeoutMs: number, options?: { fresh?: boolean; times?: number }): Promise<TargetRunResult>;
  stop(): Promise<void>;
}
