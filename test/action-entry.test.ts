import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/cli.js';
import { actionOutputs, parseOutputFile, readAction, runnerEnvironment, runnerFiles, runStep, spawnCollect } from './support/action-runner.js';
import { commitAll, git, initRepo } from './support/git.js';
import { writeTree } from './support/temp-tree.js';

const KUBE_PROXY = 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ipvs\n';
const RECYCLE = 'net.ipv4.tcp_tw_recycle = 1\n';
const NGINX = 'http {\n  upstream app { server 10.0.0.1:8080; }\n  server {\n    listen 80;\n    location / { proxy_pass http://app; }\n  }\n}\n';

const action = await readAction(REPO_ROOT);

interface RunnerResult {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  /** The action's outputs, resolved through action.yml's `outputs.*.value` like the runner does. */
  outputs: Record<string, string>;
  runnerTemp: string;
}

/** Runs the action's lint step (dist/ is built by `npm test`'s pretest, as the action's build step would). */
async function runComposite(workspace: string, inputs: Record<string, string> = {}): Promise<RunnerResult> {
  expect(action.runs.using).toBe('composite');
  const context = { action, inputs, actionPath: REPO_ROOT, steps: {}, workspace };
  const run = await runStep(action.runs.steps.find((step) => step.id === 'lint')!, context);
  return { code: run.code, stdout: run.stdout, stderr: run.stderr, summary: run.summary, outputs: actionOutputs(context, run.stepOutputs), runnerTemp: run.files.runnerTemp };
}

async function brokenWorkspace(): Promise<string> {
  return writeTree({ 'node/sysctl.conf': RECYCLE, 'cluster/kube-proxy.yaml': KUBE_PROXY, 'edge/nginx.conf': NGINX });
}

interface SarifLog {
  version: string;
  runs: { tool: { driver: { name: string } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
}

describe('GitHub Action (action.yml + action/index.mjs)', () => {
  it('declares the inputs and outputs of the spec, each output fed by the lint step', () => {
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['paths', 'config', 'format', 'fail-on', 'sarif-file']));
    expect(Object.keys(action.outputs).sort()).toEqual(['errors', 'findings', 'sarif-file', 'warnings']);
    const step = action.runs.steps.find((candidate) => candidate.id === 'lint')!;
    for (const name of Object.keys(action.inputs)) expect(Object.values(step.env ?? {})).toContain(`\${{ inputs.${name} }}`);
    expect(existsSync(join(REPO_ROOT, 'action', 'index.mjs'))).toBe(true);
  });

  it('annotates, prints the report, writes the job summary, the outputs and the SARIF file, and fails on an error', async () => {
    const workspace = await brokenWorkspace();
    const run = await runComposite(workspace);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);

    const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations[0]).toMatch(/^::warning file=edge\/nginx\.conf,line=5,col=18,endLine=5,endColumn=28,title=hoplint nginx\/proxy-http-version::\S/);
    expect(annotations).toContainEqual(expect.stringMatching(/^::error file=node\/sysctl\.conf,line=1,col=27,endLine=1,endColumn=28,title=hoplint sysctl\/tcp-tw-recycle::.*tcp_tw_recycle/));
    expect(annotations.at(-1)).toBe('::error title=hoplint::2 problems found; fail-on "error" fails the step');
    // The default format, stylish, follows the annotations in the log.
    expect(run.stdout).toContain('✖ 2 problems (1 error, 1 warning, 0 info) in 2 files');

    expect(run.summary.startsWith('## earlier step\n## hoplint\n')).toBe(true);
    expect(run.summary).toContain('**2 problems** (1 error, 1 warning, 0 info) in 3 files checked; fails the check (fail-on: error).');
    expect(run.summary).toContain('| Severity | Rule | Location | Message |\n| --- | --- | --- | --- |\n');
    expect(run.summary).toMatch(/\| ❌ error \| \[`sysctl\/tcp-tw-recycle`\]\(https:\/\/[^)]+\) \| \[node\/sysctl\.conf:1:27\]\(https:\/\/github\.com\/acme\/configs\/blob\/0123456789abcdef0123456789abcdef01234567\/node\/sysctl\.conf#L1\) \| [^\n]*tcp_tw_recycle[^\n]* \|\n/);
    expect(run.summary).toMatch(/\| ⚠️ warning \| [^|]+nginx\/proxy-http-version[^|]+ \| \[edge\/nginx\.conf:5:18\]\([^)]+#L5\) \|/);

    const sarifFile = join(run.runnerTemp, 'hoplint.sarif');
    expect(run.outputs).toEqual({ findings: '2', errors: '1', warnings: '1', 'sarif-file': sarifFile });
    const sarif = JSON.parse(await readFile(sarifFile, 'utf8')) as SarifLog;
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.tool.driver.name).toBe('hoplint');
    expect(sarif.runs[0]!.results.map((result) => [result.ruleId, result.level, result.locations[0]!.physicalLocation.artifactLocation.uri, result.locations[0]!.physicalLocation.region.startLine])).toEqual([
      ['nginx/proxy-http-version', 'warning', 'edge/nginx.conf', 5],
      ['sysctl/tcp-tw-recycle', 'error', 'node/sysctl.conf', 1],
    ]);
  });

  it('passes with fail-on never, prints annotations only with format github, and writes sarif-file where asked', async () => {
    const workspace = await brokenWorkspace();
    const run = await runComposite(workspace, { 'fail-on': 'never', format: 'github', 'sarif-file': 'reports/hoplint.sarif', paths: 'node\nedge' });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter((line) => line !== '').every((line) => line.startsWith('::warning ') || line.startsWith('::error '))).toBe(true);
    expect(run.stdout).not.toContain('fails the step');
    expect(run.outputs['sarif-file']).toBe(join(workspace, 'reports', 'hoplint.sarif'));
    expect(existsSync(join(workspace, 'reports', 'hoplint.sarif'))).toBe(true);
    expect(run.summary).toContain('within fail-on: never');
  });

  it('fails on a warning with fail-on warning, passes without one', async () => {
    const warned = await runComposite(await writeTree({ 'nginx.conf': NGINX }), { 'fail-on': 'warning' });
    expect(warned.code).toBe(1);
    expect(warned.outputs).toMatchObject({ findings: '1', errors: '0', warnings: '1' });
    const clean = await runComposite(await writeTree({ 'sysctl.conf': 'net.core.somaxconn = 4096\n' }), { 'fail-on': 'warning' });
    expect(clean.code).toBe(0);
    expect(clean.outputs).toMatchObject({ findings: '0', errors: '0', warnings: '0' });
    expect(clean.summary).toContain('✅ No problems; 1 file checked.');
  });

  it('reports only the pull request\'s files with changed-since, the rest of the tree as context', async () => {
    const workspace = await writeTree({ 'node/sysctl.conf': 'net.core.somaxconn = 4096\n', 'cluster/kube-proxy.yaml': KUBE_PROXY, 'edge/nginx.conf': NGINX });
    initRepo(workspace);
    const base = commitAll(workspace, 'base');
    git(workspace, 'checkout', '-q', '-b', 'pr');
    await writeFile(join(workspace, 'node/sysctl.conf'), RECYCLE);
    commitAll(workspace, 'pr');
    const run = await runComposite(workspace, { 'changed-since': base });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ findings: '1', errors: '1', warnings: '0' });
    expect(run.stdout).not.toMatch(/^::\w+ file=edge/m);
    expect(run.summary).toContain(`in 1 file checked (changed since \`${base}\`); fails the check (fail-on: error).`);
    const sarif = JSON.parse(await readFile(run.outputs['sarif-file']!, 'utf8')) as SarifLog;
    expect(sarif.runs[0]!.results.map((result) => result.ruleId)).toEqual(['sysctl/tcp-tw-recycle']);
  });

  it('turns a bad input into an error annotation and exit code 2', async () => {
    const run = await runComposite(await brokenWorkspace(), { 'fail-on': 'sometimes' });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('::error title=hoplint::hoplint: input "fail-on" must be one of error, warning, info, never, got "sometimes"\n');
    expect(run.outputs.findings).toBe('');
  });

  it('points a config error at its line in the config file', async () => {
    const workspace = await writeTree({ 'sysctl.conf': RECYCLE, 'hoplint.config.yaml': 'rules:\n  sysctl/tcp-tw-recycle: loud\n' });
    const run = await runComposite(workspace);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^::error file=hoplint\.config\.yaml,line=2,col=26,title=hoplint config::rules\.sysctl\/tcp-tw-recycle: must be one of/);
  });

  it('reads inputs the way the runner passes them to a JavaScript action (INPUT_FAIL-ON, INPUT_SARIF-FILE)', async () => {
    const workspace = await brokenWorkspace();
    const files = await runnerFiles();
    const { runnerTemp, outputFile } = files;
    const env = {
      ...runnerEnvironment(workspace, REPO_ROOT, files),
      INPUT_PATHS: 'node',
      'INPUT_FAIL-ON': 'never',
      'INPUT_SARIF-FILE': join(runnerTemp, 'custom.sarif'),
      INPUT_FORMAT: 'json',
    };
    const run = await spawnCollect(process.execPath, [join(REPO_ROOT, 'action', 'index.mjs')], workspace, env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^::error file=node\/sysctl\.conf,line=1,col=27,[^\n]*\n\{/);
    expect(parseOutputFile(await readFile(outputFile, 'utf8'))).toEqual({ findings: '1', errors: '1', warnings: '0', 'sarif-file': join(runnerTemp, 'custom.sarif') });
  });
});
