import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { GIT_ENV } from './git.js';

/** What a test needs of action.yml. */
export interface ActionStep {
  name?: string;
  id?: string;
  run?: string;
  shell?: string;
  'working-directory'?: string;
  env?: Record<string, string>;
}

export interface ActionDefinition {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export async function readAction(actionPath: string): Promise<ActionDefinition> {
  return parse(await readFile(join(actionPath, 'action.yml'), 'utf8')) as ActionDefinition;
}

export interface Spawned {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function spawnCollect(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Spawned> {
  return new Promise((done, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** Reads a `$GITHUB_OUTPUT` file: `name=value` lines and `name<<DELIMITER` … `DELIMITER` blocks. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, index + 1);
      if (end < 0) throw new Error(`unterminated output ${heredoc[1]}`);
      outputs[heredoc[1]!] = lines.slice(index + 1, end).join('\n');
      index = end;
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

export interface ExpressionContext {
  action: ActionDefinition;
  inputs: Record<string, string>;
  actionPath: string;
  steps: Record<string, Record<string, string>>;
}

/** `${{ inputs.x }}`, `${{ github.action_path }}` and `${{ steps.id.outputs.x }}`: all that action.yml may use. */
export function evaluate(expression: string, context: ExpressionContext): string {
  return expression.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, reference: string) => {
    const input = /^inputs\.([\w-]+)$/.exec(reference);
    if (input) return context.inputs[input[1]!] ?? context.action.inputs[input[1]!]?.default ?? '';
    if (reference === 'github.action_path') return context.actionPath;
    const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(reference);
    if (output) return context.steps[output[1]!]?.[output[2]!] ?? '';
    throw new Error(`action.yml uses an expression the simulated runner does not evaluate: ${reference}`);
  });
}

export interface RunnerFiles {
  runnerTemp: string;
  summaryFile: string;
  outputFile: string;
}

/** Fresh per-step files, as the runner hands them; the summary already holds an earlier step's text. */
export async function runnerFiles(): Promise<RunnerFiles> {
  const runnerTemp = await mkdtemp(join(tmpdir(), 'hoplint-runner-'));
  const summaryFile = join(runnerTemp, 'step_summary');
  const outputFile = join(runnerTemp, 'output');
  await writeFile(summaryFile, '## earlier step\n');
  await writeFile(outputFile, '');
  return { runnerTemp, summaryFile, outputFile };
}

export const FAKE_SHA = '0123456789abcdef0123456789abcdef01234567';

export function runnerEnvironment(workspace: string, actionPath: string, files: RunnerFiles): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...GIT_ENV };
  for (const key of Object.keys(env)) if (key.startsWith('INPUT_') || key === 'NO_COLOR' || key === 'FORCE_COLOR') delete env[key];
  return {
    ...env,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_ACTION_PATH: actionPath,
    GITHUB_STEP_SUMMARY: files.summaryFile,
    GITHUB_OUTPUT: files.outputFile,
    GITHUB_REPOSITORY: 'acme/configs',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: FAKE_SHA,
    RUNNER_TEMP: files.runnerTemp,
  };
}

export interface StepRun extends Spawned {
  summary: string;
  /** What the step wrote to `$GITHUB_OUTPUT`. */
  stepOutputs: Record<string, string>;
  files: RunnerFiles;
}

/**
 * Runs one `run` step of the composite action the way the runner does: the script through
 * `bash --noprofile --norc -eo pipefail`, its `env:` map evaluated, in its `working-directory`
 * (default the workspace), with the runner's GITHUB_* files.
 */
export async function runStep(step: ActionStep, context: ExpressionContext & { workspace: string; env?: NodeJS.ProcessEnv }): Promise<StepRun> {
  if (step.shell !== 'bash' || step.run === undefined) throw new Error(`step ${step.name ?? step.id} is not a bash run step`);
  const files = await runnerFiles();
  const env = { ...runnerEnvironment(context.workspace, context.actionPath, files), ...context.env };
  for (const [name, value] of Object.entries(step.env ?? {})) env[name] = evaluate(value, context);
  const script = join(files.runnerTemp, 'step.sh');
  await writeFile(script, step.run);
  const cwd = step['working-directory'] ? resolve(context.workspace, evaluate(step['working-directory'], context)) : context.workspace;
  const run = await spawnCollect('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], cwd, env);
  return { ...run, summary: await readFile(files.summaryFile, 'utf8'), stepOutputs: parseOutputFile(await readFile(files.outputFile, 'utf8')), files };
}

/** The action's outputs, resolved through action.yml's `outputs.*.value` from the lint step's outputs. */
export function actionOutputs(context: ExpressionContext, lintStepOutputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(context.action.outputs).map(([name, { value }]) => [name, evaluate(value, { ...context, steps: { lint: lintStepOutputs } })]));
}
