import { UsageError } from '../../core/errors.js';
import type { LintOptions } from '../../project/lint.js';
import { changedFilesSince } from '../changed-files.js';

/** Flags that narrow what is reported while the rest of the tree stays context for cross-file rules. */
export const REPORT_SCOPE_FLAGS = {
  context: { type: 'string', multiple: true },
  'changed-since': { type: 'string' },
} as const;

export interface ReportScope {
  /** `--context PATH`, repeatable: read for cross-file rules, never reported. */
  context?: string[];
  /** `--changed-since REF`: report only files git lists as changed since REF. */
  changedSince?: string;
}

/**
 * Turns `--context` and `--changed-since` into lint options.
 * `--context`: the paths on the command line are reported, the context paths are read (a
 * pre-commit hook passes the staged files and `--context .`).
 * `--changed-since`: the paths (default `.`) are read, and only files changed since the ref are
 * reported (a pull request's check).
 */
export async function applyReportScope(options: LintOptions, scope: ReportScope, cwd: string): Promise<void> {
  const context = scope.context ?? [];
  if (context.length > 0 && scope.changedSince !== undefined) {
    throw new UsageError('--context and --changed-since contradict each other: --context reports the paths given, --changed-since the files git lists as changed');
  }
  if (context.length > 0) {
    if (!options.stdin && (options.paths ?? []).length === 0) {
      throw new UsageError('--context reads its paths only as context; also give the files to report on (e.g. hoplint --context . sysctl.conf)');
    }
    options.contextPaths = context;
    return;
  }
  if (scope.changedSince !== undefined) {
    if (options.stdin) throw new UsageError('--changed-since chooses files from git; it does not apply to --stdin');
    const changed = await changedFilesSince(scope.changedSince, cwd);
    const reportedByOption = options.isReported;
    options.isReported = (absolutePath) => changed.has(absolutePath) && (reportedByOption?.(absolutePath) ?? true);
  }
}
