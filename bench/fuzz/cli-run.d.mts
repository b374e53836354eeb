export type CliCrash = { crashed: false } | { crashed: true; signature: string; detail: string };

export declare function runCliOnText(repoRoot: string, fileName: string, text: string, options?: { timeoutMs?: number }): CliCrash;
