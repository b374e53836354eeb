import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../src/core/errors.js';
import { lint } from '../src/project/lint.js';
import { parsePolicyFile } from '../src/policy/parse.js';
import { runCli } from './support/cli.js';
import { writeTree } from './support/temp-tree.js';

const trees: string[] = [];
afterEach(async () => {
  for (const tree of trees.splice(0)) await rm(tree, { recursive: true, force: true });
});

async function project(files: Record<string, string>): Promise<string> {
  const dir = await writeTree(files, 'hoplint-policy-');
  trees.push(dir);
  return dir;
}

function loadError(text: string, name = 'p.yaml'): string {
  try {
    parsePolicyFile(`/x/${name}`, name, text);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('the policy file loaded');
}

const VALID = `policies:
  - id: acme/upstream-check
    message: no check
    select: { nginx: http > upstream }
    require: [check]
`;

describe('policy files are validated, every mistake positioned', () => {
  it('loads a valid file into rules with the policy meta', () => {
    const loaded = parsePolicyFile('/x/p.yaml', 'p.yaml', VALID);
    expect(loaded.policies.map((policy) => policy.rule.meta)).toMatchObject([{ id: 'acme/upstream-check', layer: 'nginx', severity: 'warning', summary: 'no check', docsUrl: 'file:///x/p.yaml#L2' }]);
  });

  it.each([
    ['unknown key with a suggestion', VALID.replace('    require', '    requires'), 'p.yaml:5:5: policies[0]: unknown key "requires"; did you mean "require"?'],
    ['missing select', 'policies:\n  - id: acme/x\n    message: m\n    assert: {}\n', 'p.yaml:2:5: policies[0]: missing required key "select"'],
    ['id without a namespace', VALID.replace('acme/upstream-check', 'upstream-check'), 'p.yaml:2:9: policies[0].id: must match pattern'],
    ['bad severity', VALID.replace('    message', '    severity: fatal\n    message'), 'p.yaml:3:15: policies[0].severity: must be one of "error", "warning", "info"; found "fatal"'],
    ['no policies', 'policies: []\n', 'p.yaml:1:11: policies: must NOT have fewer than 1 items'],
    ['two select kinds', VALID.replace('{ nginx: http > upstream }', '{ nginx: upstream, sysctl: net.core.somaxconn }'), 'p.yaml:4:13: policies[0].select: selects "nginx" and "sysctl"; a policy selects one kind of node'],
    ['no check at all', 'policies:\n  - id: acme/x\n    message: m\n    select: { nginx: upstream }\n', 'p.yaml:2:5: policies[0]: needs "assert", "require" or "forbid"'],
    ['require on sysctl', 'policies:\n  - id: acme/x\n    message: m\n    select: { sysctl: net.core.somaxconn }\n    require: [x]\n', 'p.yaml:5:5: policies[0].require: applies to nginx and kubernetes selects; use "assert" for sysctl'],
    ['bad nginx selector', VALID.replace('http > upstream', 'http > > upstream'), 'p.yaml:4:22: policies[0].select.nginx: "http > > upstream": ">" must stand between two block names'],
    ['bad kubernetes path', 'policies:\n  - id: acme/x\n    message: m\n    select: { kubernetes: { kind: Service, path: "spec.ports[x]" } }\n    assert: {}\n', 'p.yaml:4:50: policies[0].select.kubernetes.path: path "spec.ports[x]" at character 11: expected [*], [N] or ["key"], found [x]'],
    ['unknown placeholder', VALID.replace('message: no check', "message: 'no check in {{nmae}}'"), 'p.yaml:3:14: policies[0].message: unknown placeholder "{{nmae}}"; a nginx view has name, args'],
    ['unbalanced placeholder', VALID.replace('message: no check', "message: 'no check in {{name'"), 'p.yaml:3:14: policies[0].message: unbalanced "{{" or "}}"'],
    ['assert with an unknown keyword', 'policies:\n  - id: acme/x\n    message: m\n    select: { sysctl: net.core.somaxconn }\n    assert:\n      properties:\n        value: { minimun: 8192 }\n', 'p.yaml:7:18: policies[0].assert: not a valid JSON Schema: unknown keyword: "minimun"'],
    ['assert that is not a schema', 'policies:\n  - id: acme/x\n    message: m\n    select: { sysctl: net.core.somaxconn }\n    assert: { type: integr }\n', 'p.yaml:5:13: policies[0].assert: not a valid JSON Schema:'],
    ['where that is not a schema', 'policies:\n  - id: acme/x\n    message: m\n    select: { sysctl: net.core.somaxconn, where: { required: 3 } }\n    assert: {}\n', 'p.yaml:4:50: policies[0].select.where: not a valid JSON Schema:'],
    ['duplicate id', `${VALID}  - id: acme/upstream-check\n    message: again\n    select: { nginx: upstream }\n    forbid: [x]\n`, 'p.yaml:6:9: policies[1].id: "acme/upstream-check" is already the id of policies[0]'],
    ["hoplint's own namespace", VALID.replace('acme/upstream-check', 'nginx/upstream-check'), `p.yaml:2:9: policies[0].id: "nginx/" is the namespace of hoplint's own rules`],
    ['test expectation without a line', `${VALID}    tests:\n      - name: t\n        files: { nginx.conf: "" }\n        expect: [{ column: 3 }]\n`, 'p.yaml:9:18: policies[0].tests[0].expect[0]: missing required key "line"'],
    ['YAML syntax', 'policies:\n  - id: [\n', 'p.yaml:3:1: invalid YAML:'],
  ])('%s', (_name, text, expected) => {
    expect(loadError(text)).toContain(expected);
    expect(loadError(text).startsWith(expected.split(': ')[0]!)).toBe(true);
  });

  it('positions errors in JSON policy files too', () => {
    const text = '{\n  "policies": [\n    { "id": "acme/x", "message": "m", "select": { "nginx": "upstream" }, "forbid": "if" }\n  ]\n}\n';
    expect(loadError(text, 'p.json')).toBe('p.json:3:84: policies[0].forbid: must be array; found "if"');
  });

  it('--policy with a broken file: exit 2, one line with file:line:column', async () => {
    const dir = await project({ 'p.yaml': VALID.replace('    require', '    requires'), 'nginx.conf': 'events {}\nhttp {}\n' });
    const run = await runCli(['--policy', 'p.yaml', '.'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('hoplint: p.yaml:5:5: policies[0]: unknown key "requires"; did you mean "require"?\n');
  });

  it('a config naming a missing policy file is exit 2 at the entry', async () => {
    const dir = await project({ 'hoplint.config.yaml': 'policies:\n  - policies/*.yaml\n  - team.yaml\n', 'policies/a.yaml': VALID, 'nginx.conf': 'events {}\nhttp {}\n' });
    const run = await runCli(['.'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('hoplint: hoplint.config.yaml:3:5: policies[1]: "team.yaml" no such file\n');
  });

  it('a config glob that matches nothing is an error; --policy naming a missing file too', async () => {
    const dir = await project({ 'hoplint.config.yaml': 'policies: [policies/*.yml]\n', 'nginx.conf': 'events {}\nhttp {}\n' });
    expect((await runCli(['.'], { cwd: dir })).stderr).toBe('hoplint: hoplint.config.yaml:1:12: policies[0]: "policies/*.yml" matches no file\n');
    const run = await runCli(['--no-config-lookup', '--policy', 'nope.yaml', '.'], { cwd: dir });
    expect([run.code, run.stderr]).toEqual([2, 'hoplint: --policy "nope.yaml": no such file\n']);
  });

  it('two files defining one id is a usage error naming both', async () => {
    const dir = await project({ 'a.yaml': VALID, 'b.yaml': VALID, 'nginx.conf': 'events {}\nhttp {}\n' });
    await expect(lint({ cwd: dir, noConfig: true, policyFiles: ['a.yaml', 'b.yaml'] })).rejects.toThrow('rule id "acme/upstream-check" is defined twice: by a.yaml:2 and by b.yaml:2');
  });

  it('loads policies from config globs relative to the config file', async () => {
    const dir = await project({
      'deploy/hoplint.config.yaml': 'policies: ["policies/*.yaml"]\n',
      'deploy/policies/a.yaml': VALID,
      'deploy/edge/nginx.conf': 'events {}\nhttp {\n    upstream app { server 10.0.0.1; }\n}\n',
    });
    const result = await lint({ cwd: join(dir, 'deploy'), paths: ['edge'] });
    expect(result.findings.filter((finding) => finding.ruleId.startsWith('acme/')).map((f) => [f.file, f.line, f.column])).toEqual([['edge/nginx.conf', 3, 5]]);
  });
});
