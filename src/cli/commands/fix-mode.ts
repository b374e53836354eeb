import type { FixSafety } from '../../core/finding.js';
import { UsageError } from '../../core/errors.js';
import { isFixApplicable, lintAndFix } from '../../project/fix.js';
import { unifiedDiff } from '../../engine/fix-diff.js';
import type { LintOptions, LintResult } from '../../project/lint.js';
import type { CliIO } from '../io.js';

export interface FixFlags {
  fix?: boolean;
  'fix-unsafe'?: boolean;
  'fix-dry-run'?: boolean;
}

export interface FixMode {
  safety: FixSafety;
  write: boolean;
}

/** `--fix` writes safe fixes, `--fix-unsafe` also unsafe ones, `--fix-dry-run` (with either) only shows the diff. */
export function fixModeOf(flags: FixFlags, stdin: boolean): FixMode | undefined {
  if (!flags.fix && !flags['fix-unsafe'] && !flags['fix-dry-run']) return undefined;
  const write = !flags['fix-dry-run'];
  if (stdin && write) throw new UsageError('--fix cannot write to standard input; use --fix-dry-run to see the diff');
  return { safety: flags['fix-unsafe'] ? 'unsafe' : 'safe', write };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * Lints and fixes; prints the diff (dry run) to stdout and what was fixed to stderr. Returns
 * the lint of the fixed text, so the report shows what remains.
 */
export async function runFixMode(options: LintOptions, mode: FixMode, io: CliIO): Promise<LintResult> {
  const outcome = await lintAndFix(options, mode);
  if (!mode.write) for (const file of outcome.files) io.stdout.write(unifiedDiff(file.path, file.before, file.after));
  for (const path of outcome.notUtf8) io.stderr.write(`hoplint: not fixing ${path}: it is not valid UTF-8, and rewriting it would change bytes outside the fixes\n`);
  if (outcome.hitPassLimit) io.stderr.write(`hoplint: stopped fixing after ${outcome.passes} passes; run again to apply the rest\n`);
  if (outcome.applied.length > 0) {
    const verb = mode.write ? 'fixed' : 'would fix';
    io.stderr.write(`hoplint: ${verb} ${plural(outcome.applied.length, 'problem')} in ${plural(outcome.files.length, 'file')}\n`);
  }
  if (mode.safety === 'safe') {
    const hidden = outcome.result.findings.filter((finding) => isFixApplicable(finding, 'unsafe') && !isFixApplicable(finding, 'safe')).length;
    if (hidden > 0) io.stderr.write(`hoplint: ${plural(hidden, 'more problem')} can be fixed with --fix-unsafe (review the diff with --fix-unsafe --fix-dry-run)\n`);
  }
  return outcome.result;
}
