import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { applyReportScope } from '../cli/commands/report-scope.js';
import { exitCodeFor } from '../cli/exit-code.js';
import { ConfigError, UsageError } from '../core/errors.js';
import { lint, type LintOptions } from '../project/lint.js';
import { packageVersion } from '../core/package-root.js';
import { escapeData, escapeProperty } from '../report/github.js';
import { FORMATTERS } from '../report/index.js';
import { shouldColor } from '../report/colors.js';
import { countFindings, plural } from '../report/summary.js';
import { readActionInputs } from './inputs.js';
import { jobSummary } from './job-summary.js';
import { appendOutputs, appendStepSummary } from './workflow-files.js';

export interface ActionIO {
  stdout: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /** Used when `GITHUB_WORKSPACE` is not set (a local run). */
  cwd: string;
}

const MINIMUM_NODE_MAJOR = 20;

function defaultSarifFile(env: NodeJS.ProcessEnv, workspace: string): string {
  return env.RUNNER_TEMP ? join(env.RUNNER_TEMP, 'hoplint.sarif') : join(workspace, 'hoplint.sarif');
}

/** A usage or config error as an annotation; one in a config file points at its line. */
function errorCommand(error: unknown, workspace: string): string {
  if (error instanceof ConfigError) {
    const file = escapeProperty(relative(workspace, resolve(workspace, error.file)));
    return `::error file=${file},line=${error.line},col=${error.column},title=hoplint config::${escapeData(error.detail)}\n`;
  }
  const message = error instanceof Error ? error.message : String(error);
  const internal = error instanceof UsageError ? '' : 'internal error: ';
  return `::error title=hoplint::${escapeData(`hoplint: ${internal}${message}`)}\n`;
}

/**
 * The GitHub Action: lints once, then writes annotations (workflow commands) and the report in
 * the chosen format to the log, the SARIF file, the job summary and the step outputs. Returns
 * the exit code: 1 when a finding reaches `fail-on`, 2 for a usage or configuration error.
 */
export async function runAction(io: ActionIO): Promise<number> {
  const { env, stdout } = io;
  try {
    const nodeMajor = Number(process.versions.node.split('.')[0]);
    if (nodeMajor < MINIMUM_NODE_MAJOR) throw new UsageError(`needs Node.js ${MINIMUM_NODE_MAJOR} or later on the runner, found ${process.versions.node} (add actions/setup-node before this step)`);
    const inputs = readActionInputs(env);
    const workspace = resolve(env.GITHUB_WORKSPACE || io.cwd);
    const options: LintOptions = { cwd: workspace, paths: inputs.paths, configFile: inputs.config };
    await applyReportScope(options, { changedSince: inputs.changedSince }, workspace);
    const result = await lint(options);
    const version = packageVersion();

    stdout.write(FORMATTERS.github(result, { color: false, version }));
    if (inputs.format !== 'github') {
      const color = shouldColor({ isTTY: false, env, toFile: false });
      stdout.write(FORMATTERS[inputs.format](result, { color, version }));
    }

    const sarifFile = resolve(workspace, inputs.sarifFile ?? defaultSarifFile(env, workspace));
    try {
      await mkdir(dirname(sarifFile), { recursive: true });
      await writeFile(sarifFile, FORMATTERS.sarif(result, { color: false, version }));
    } catch (error) {
      throw new UsageError(`cannot write sarif-file "${sarifFile}": ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }

    const decision = exitCodeFor(result.findings, inputs.failOn, undefined);
    if (env.GITHUB_STEP_SUMMARY) {
      await appendStepSummary(env.GITHUB_STEP_SUMMARY, jobSummary(result, {
        repositoryUrl: env.GITHUB_REPOSITORY ? `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}` : undefined,
        sha: env.GITHUB_SHA,
        changedSince: inputs.changedSince,
        failed: decision.code === 1,
        failOn: inputs.failOn,
      }));
    }
    if (env.GITHUB_OUTPUT) {
      const counts = countFindings(result.findings);
      await appendOutputs(env.GITHUB_OUTPUT, { findings: result.findings.length, errors: counts.errors, warnings: counts.warnings, 'sarif-file': sarifFile });
    }
    if (decision.code === 1) stdout.write(`::error title=hoplint::${escapeData(`${plural(result.findings.length, 'problem')} found; fail-on "${inputs.failOn}" fails the step`)}\n`);
    return decision.code;
  } catch (error) {
    stdout.write(errorCommand(error, resolve(env.GITHUB_WORKSPACE || io.cwd)));
    return 2;
  }
}
