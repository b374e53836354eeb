export interface OracleCase {
  /** `NNN-short-name`, without `.conf`. */
  name: string;
  path: string;
  isFolder: boolean;
}

export interface NginxOutcome {
  verdict: 'ok' | 'failed';
  /** Relative to the case root, e.g. `nginx.conf` or `conf.d/a.conf`; null when nginx named no file. */
  file: string | null;
  line: number | null;
  message: string | null;
}

export interface StagedCase {
  prefix: string;
  config: string;
  cleanup: () => void;
}

export declare const CASES_DIR: string;
export declare const EXPECTED_FILE: string;
export declare function listCases(casesDir?: string): OracleCase[];
export declare function findNginx(): string | null;
export declare function nginxModulesPath(nginx: string): string | null;
export declare function stageCase(testCase: OracleCase, modulesPath: string | null): StagedCase;
export declare function interpretNginxRun(
  run: { status: number | null; signal: string | null; stderr: string },
  prefix: string,
): NginxOutcome;
export declare function runNginx(nginx: string, staged: StagedCase): NginxOutcome;
export declare function nginxVerdict(nginx: string, testCase: OracleCase, modulesPath: string | null): NginxOutcome;
export declare function pathInCase(prefix: string, file: string): string;
