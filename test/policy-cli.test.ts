import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from './support/cli.js';
import { writeTree } from './support/temp-tree.js';

const trees: string[] = [];
afterEach(async () => {
  for (const tree of trees.splice(0)) await rm(tree, { recursive: true, force: true });
});

async function project(files: Record<string, string>): Promise<string> {
  const dir = await writeTree(files, 'hoplint-policy-cli-');
  trees.push(dir);
  return dir;
}

const POLICY = `policies:
  - id: acme/upstream-check
    severity: warning
    summary: Every upstream has a health check
    message: 'upstream "{{args.0}}" has no health check'
    description: Passive checks notice a dead backend only after requests failed.
    howToFix: Add a Tengine check directive.
    docs: https://wiki.example/upstream-check
    select: { nginx: http > upstream }
    require: [check]
    tests:
      - name: reported
        files:
          nginx.conf: "events {}\\nhttp {\\n    upstream a { server 10.0.0.1; }\\n}\\n"
        expect: [{ line: 3, column: 5 }]
      - name: silent with a check
        files:
          nginx.conf: "events {}\\nhttp {\\n    upstream a { server 10.0.0.1; check type=tcp; }\\n}\\n"
        expect: []
`;
const NGINX = 'events {}\nhttp {\n    upstream a { server 10.0.0.1:80 max_fails=0; }\n    # hoplint-disable-next-line acme/upstream-check -- checked by the LB\n    upstream b { server 10.0.0.2:80 max_fails=0; }\n}\n';

interface JsonReport {
  findings: Array<{ ruleId: string; severity: string; file: string; line: number; column: number }>;
}

describe('a policy is a rule like the built-in ones', () => {
  it('reports through every format; a suppression comment silences it', async () => {
    const dir = await project({ 'hoplint.config.yaml': 'policies: [policies/team.yaml]\n', 'policies/team.yaml': POLICY, 'nginx.conf': NGINX });
    const run = await runCli(['--format', 'json', '.'], { cwd: dir });
    const findings = (JSON.parse(run.stdout) as JsonReport).findings.filter((finding) => finding.ruleId.startsWith('acme/'));
    expect(findings.map((f) => [f.ruleId, f.severity, f.file, f.line, f.column])).toEqual([['acme/upstream-check', 'warning', 'nginx.conf', 3, 5]]);

    const sarif = JSON.parse((await runCli(['--format', 'sarif', '.'], { cwd: dir })).stdout) as {
      runs: Array<{ tool: { driver: { rules: Array<{ id: string; helpUri: string; shortDescription: { text: string } }> } }; results: Array<{ ruleId: string; suppressions?: unknown[] }> }>;
    };
    const rule = sarif.runs[0]!.tool.driver.rules.find((entry) => entry.id === 'acme/upstream-check');
    expect(rule).toMatchObject({ helpUri: 'https://wiki.example/upstream-check', shortDescription: { text: 'Every upstream has a health check' } });
    const results = sarif.runs[0]!.results.filter((result) => result.ruleId === 'acme/upstream-check');
    // The suppressed one is in SARIF too, marked as suppressed in source.
    expect(results.map((result) => result.suppressions?.length ?? 0)).toEqual([0, 1]);

    const stylish = await runCli(['.'], { cwd: dir });
    expect(stylish.stdout).toContain('3:5  warning  upstream "a" has no health check  acme/upstream-check');
  });

  it('config severities, off, and --rule apply to policy ids; an unknown policy id is exit 2', async () => {
    const dir = await project({ 'hoplint.config.yaml': 'policies: [team.yaml]\nrules:\n  acme/upstream-check: error\n', 'team.yaml': POLICY, 'nginx.conf': NGINX });
    const severities = async (args: string[]): Promise<string[]> =>
      (JSON.parse((await runCli(['--format', 'json', ...args, '.'], { cwd: dir })).stdout) as JsonReport).findings.filter((f) => f.ruleId.startsWith('acme/')).map((f) => f.severity);
    expect(await severities([])).toEqual(['error']);
    expect(await severities(['--rule', 'acme/upstream-check=info'])).toEqual(['info']);
    expect(await severities(['--rule', 'acme/upstream-check=off'])).toEqual([]);
    const unknown = await runCli(['--rule', 'acme/upstream-chek=off', '.'], { cwd: dir });
    expect([unknown.code, unknown.stderr]).toEqual([2, 'hoplint: unknown rule "acme/upstream-chek" in --rule; did you mean "acme/upstream-check"?\n']);
  });

  it('--policy is repeatable and works without a config', async () => {
    const second = POLICY.replace('acme/upstream-check', 'acme/upstream-check-2').replace(/ {4}tests:[\s\S]*$/, '');
    const dir = await project({ 'a.yaml': POLICY, 'b.json': JSON.stringify({ policies: [{ id: 'acme/no-if', message: 'no if', select: { nginx: 'location' }, forbid: ['if'] }] }), 'c.yaml': second, 'nginx.conf': NGINX });
    const run = await runCli(['--format', 'json', '--policy', 'a.yaml', '--policy', 'b.json', '--policy', 'c.yaml', 'nginx.conf'], { cwd: dir });
    // The suppression comment names acme/upstream-check only, so upstream b is reported by the second policy.
    expect((JSON.parse(run.stdout) as JsonReport).findings.filter((f) => f.ruleId.startsWith('acme/')).map((f) => [f.ruleId, f.line])).toEqual([
      ['acme/upstream-check', 3],
      ['acme/upstream-check-2', 3],
      ['acme/upstream-check-2', 5],
    ]);
  });

  it('hoplint rules lists policies; hoplint explain renders them', async () => {
    const dir = await project({ 'hoplint.config.yaml': 'policies: [team.yaml]\n', 'team.yaml': POLICY });
    const rules = await runCli(['rules'], { cwd: dir });
    expect(rules.code).toBe(0);
    expect(rules.stdout).toMatch(/^acme\/upstream-check +nginx +warning +- +Every upstream has a health check$/m);
    const json = JSON.parse((await runCli(['rules', '--format', 'json', '--no-config-lookup', '--policy', 'team.yaml'], { cwd: dir })).stdout) as Array<{ id: string; layer: string }>;
    expect(json.find((row) => row.id === 'acme/upstream-check')).toMatchObject({ layer: 'nginx' });
    expect((JSON.parse((await runCli(['rules', '--format', 'json', '--no-config-lookup'], { cwd: dir })).stdout) as Array<{ id: string }>).some((row) => row.id.startsWith('acme/'))).toBe(false);

    const explain = await runCli(['explain', 'acme/upstream-check'], { cwd: dir });
    expect(explain.code, explain.stderr).toBe(0);
    expect(explain.stdout).toContain('acme/upstream-check  (layer: nginx, default severity: warning, no automatic fix)');
    expect(explain.stdout).toContain('Passive checks notice a dead backend only after requests failed.');
    expect(explain.stdout).toContain('Policy defined in team.yaml:2.');
    expect(explain.stdout).toContain('Add a Tengine check directive.');
    expect(explain.stdout).toContain('Bad (nginx)\n    events {}\n    http {\n        upstream a { server 10.0.0.1; }\n    }');
    expect(explain.stdout).toContain('Docs: https://wiki.example/upstream-check');
  });
});

describe('hoplint test', () => {
  it('passes on the example pack (file or directory), exit 0 with a summary', async () => {
    const run = await runCli(['test', 'examples/policies/platform.yaml'], { cwd: REPO_ROOT });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^23 passed, 0 failed \(23 tests\)$/m);
    expect(run.stdout).not.toContain('✗');
    const byDirectory = await runCli(['test', 'examples/policies'], { cwd: REPO_ROOT });
    expect(byDirectory.code).toBe(0);
    expect(byDirectory.stdout).toContain('✓ acme/no-host-network: hostNetwork true is reported at the value');
  });

  it('fails with exit 1 and shows expected against actual', async () => {
    const broken = POLICY.replace('expect: [{ line: 3, column: 5 }]', 'expect: [{ line: 3, column: 9 }]');
    const dir = await project({ 'team.yaml': broken });
    const run = await runCli(['test', 'team.yaml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        'team.yaml',
        '  ✗ acme/upstream-check: reported  (team.yaml:12)',
        '      expected:',
        '        *:3:9',
        '      actual:',
        '        nginx.conf:3:5-3:13 "upstream \\"a\\" has no health check"',
        '  ✓ acme/upstream-check: silent with a check',
        '',
        '1 passed, 1 failed (2 tests)',
        '',
      ].join('\n'),
    );
  });

  it("uses the config's policies by default; a test whose files do not parse or escape fails", async () => {
    const bad = POLICY.replace('"events {}\\nhttp {\\n    upstream a { server 10.0.0.1; check type=tcp; }\\n}\\n"', '"http {"').replace('nginx.conf: "events {}\\nhttp {\\n    upstream a { server 10.0.0.1; }\\n}\\n"', '../outside.conf: "x"');
    const dir = await project({ 'hoplint.config.yaml': 'policies: [team.yaml]\n', 'team.yaml': bad });
    const run = await runCli(['test'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('file "../outside.conf" must be a relative path inside the test\'s directory');
    expect(run.stdout).toContain("the test's files do not parse:");
    expect(run.stdout).toContain('0 passed, 2 failed (2 tests)');
  });

  it('a policy file without tests: exit 1, it says which policy', async () => {
    const dir = await project({ 'team.yaml': POLICY.replace(/ {4}tests:[\s\S]*$/, '') });
    const run = await runCli(['test', 'team.yaml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('1 policy has no tests: acme/upstream-check (team.yaml:2)');
    expect(run.stderr).toBe('hoplint: no policy has tests\n');
  });

  it('an invalid policy file is exit 2', async () => {
    const dir = await project({ 'team.yaml': 'policies:\n  - id: acme/x\n' });
    const run = await runCli(['test', 'team.yaml'], { cwd: dir });
    expect([run.code, run.stderr]).toEqual([2, 'hoplint: team.yaml:2:5: policies[0]: missing required key "message"\n']);
  });
});

describe('examples/policies', () => {
  it('the pack has at least eight policies across all four layers', async () => {
    const run = await runCli(['rules', '--format', 'json', '--no-config-lookup', '--policy', 'examples/policies/platform.yaml'], { cwd: REPO_ROOT });
    const pack = (JSON.parse(run.stdout) as Array<{ id: string; layer: string }>).filter((row) => row.id.startsWith('acme/'));
    expect(pack.length).toBeGreaterThanOrEqual(8);
    expect(new Set(pack.map((row) => row.layer))).toEqual(new Set(['nginx', 'sysctl', 'k8s', 'cni']));
  });

  it('linting sample/ with the pack gives exactly expected.json', async () => {
    const run = await runCli(['--format', 'json', '--policy', 'examples/policies/platform.yaml', 'examples/policies/sample/'], { cwd: REPO_ROOT });
    expect(run.code, run.stderr).toBe(1);
    const expected = JSON.parse(readFileSync(join(REPO_ROOT, 'examples/policies/expected.json'), 'utf8')) as unknown[];
    const actual = (JSON.parse(run.stdout) as { findings: Array<Record<string, unknown>> }).findings.map(({ ruleId, severity, file, line, column, endLine, endColumn }) => ({ ruleId, severity, file, line, column, endLine, endColumn }));
    expect(actual).toEqual(expected);
    expect(new Set(actual.map((finding) => finding.ruleId))).toContain('acme/gateway-somaxconn');
  });
});
