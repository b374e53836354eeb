import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseSeverity, type RuleOverride } from '../../project/config/rule-settings.js';
import { UsageError } from '../../core/errors.js';
import { lint, type LintOptions } from '../../project/lint.js';
import { packageVersion } from '../../core/package-root.js';
import { didYouMean } from '../../core/suggest.js';
import { FORMAT_NAMES, FORMATTERS, type FormatName } from '../../report/index.js';
import { shouldColor } from '../../report/colors.js';
import { parseFlags } from '../args.js';
import { exitCodeFor, FAIL_ON_LEVELS, type FailOn } from '../exit-code.js';
import type { CliIO } from '../io.js';
import { readAllBytes } from '../stdin.js';
import { fixModeOf, runFixMode } from './fix-mode.js';
import { applyReportScope, REPORT_SCOPE_FLAGS } from './report-scope.js';

const LINT_FLAGS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  'no-config-lookup': { type: 'boolean' },
  rule: { type: 'string', multiple: true },
  'max-warnings': { type: 'string' },
  'fail-on': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  'report-unused-disables': { type: 'boolean' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'no-gitignore': { type: 'boolean' },
  policy: { type: 'string', multiple: true },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  ...REPORT_SCOPE_FLAGS,
  fix: { type: 'boolean' },
  'fix-unsafe': { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
} as const;

function parseFormat(value: string | undefined): FormatName {
  if (value === undefined) return 'stylish';
  if ((FORMAT_NAMES as readonly string[]).includes(value)) return value as FormatName;
  throw new UsageError(`unknown format "${value}"; expected one of ${FORMAT_NAMES.join(', ')}${didYouMean(value, FORMAT_NAMES)}`);
}

function parseRuleOverride(value: string): RuleOverride {
  const equals = value.lastIndexOf('=');
  if (equals <= 0) throw new UsageError(`--rule expects id=severity (e.g. --rule nginx/unknown-directive=off), got "${value}"`);
  return { id: value.slice(0, equals).trim(), severity: parseSeverity(value.slice(equals + 1).trim(), ` in --rule ${value}`) };
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings expects a whole number ≥ 0, got "${value}"`);
  return Number(value);
}

function parseFailOn(value: string | undefined): FailOn {
  if (value === undefined) return 'error';
  if ((FAIL_ON_LEVELS as readonly string[]).includes(value)) return value as FailOn;
  throw new UsageError(`--fail-on expects one of ${FAIL_ON_LEVELS.join(', ')}, got "${value}"${didYouMean(value, FAIL_ON_LEVELS)}`);
}

async function writeReport(text: string, output: string | undefined, io: CliIO): Promise<void> {
  if (output === undefined) {
    io.stdout.write(text);
    return;
  }
  const path = resolve(io.cwd, output);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  } catch (error) {
    throw new UsageError(`cannot write --output "${output}": ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** `hoplint [options] [paths…]`: lint, report, and turn the findings into the exit code. */
export async function lintCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseFlags({ args: argv, options: LINT_FLAGS, allowPositionals: true });
  const format = parseFormat(values.format);
  const failOn = parseFailOn(values['fail-on']);
  const maxWarnings = parseMaxWarnings(values['max-warnings']);
  const ruleOverrides = (values.rule ?? []).map(parseRuleOverride);
  if (values.color && values['no-color']) throw new UsageError('--color and --no-color contradict each other');
  if (values.config !== undefined && values['no-config-lookup']) throw new UsageError('--config and --no-config-lookup contradict each other');

  const options: LintOptions = {
    cwd: io.cwd,
    paths: positionals,
    configFile: values.config,
    noConfig: values['no-config-lookup'] ?? false,
    ruleOverrides,
    reportUnusedDisables: values['report-unused-disables'] ? true : undefined,
    gitignore: !values['no-gitignore'],
    policyFiles: values.policy ?? [],
  };
  if (values.stdin) {
    if (positionals.length > 0) throw new UsageError('--stdin lints standard input; do not also give paths');
    const filename = values['stdin-filename'];
    if (filename === undefined) throw new UsageError('--stdin needs --stdin-filename NAME (the name decides which language the text is)');
    options.stdin = { text: await readAllBytes(io.stdin), filename };
  } else if (values['stdin-filename'] !== undefined) {
    throw new UsageError('--stdin-filename only applies with --stdin');
  }
  await applyReportScope(options, { context: values.context, changedSince: values['changed-since'] }, io.cwd);

  const fixMode = fixModeOf(values, values.stdin ?? false);
  const result = fixMode ? await runFixMode(options, fixMode, io) : await lint(options);
  if (values.quiet) {
    result.findings = result.findings.filter((finding) => finding.severity === 'error');
  }
  const color = shouldColor({
    flag: values.color ? true : values['no-color'] ? false : undefined,
    isTTY: io.stdout.isTTY,
    env: io.env,
    toFile: values.output !== undefined,
  });
  await writeReport(FORMATTERS[format](result, { color, version: packageVersion() }), values.output, io);
  const decision = exitCodeFor(result.findings, failOn, maxWarnings);
  if (decision.reason) io.stderr.write(`hoplint: ${decision.reason}\n`);
  return decision.code;
}
