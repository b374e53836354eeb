import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ruleModules } from '../rules/index.js';
import { REPO_ROOT } from './support/cli.js';
import { writeTree } from './support/temp-tree.js';

const run = promisify(execFile);
const SCRIPT = join(REPO_ROOT, 'scripts', 'gen-rule-index.mjs');

const trees: string[] = [];
afterEach(async () => {
  for (const tree of trees.splice(0)) await rm(tree, { recursive: true, force: true });
});

describe('rules/index.ts', () => {
  it('is in sync with the folders under rules/ (run `npm run gen:rules` when this fails)', async () => {
    await expect(run(process.execPath, [SCRIPT, '--check'])).resolves.toBeDefined();
  });

  it('lists each rule under the folder named by its id', () => {
    for (const { dir, rule } of ruleModules) expect(rule.meta.id).toBe(dir);
  });

  it('is generated from a folder listing, and --check fails when a rule folder is added', async () => {
    const rulesDir = await writeTree({
      'nginx/b-rule/index.ts': 'export default {};\n',
      'nginx/a-rule/index.ts': 'export default {};\n',
      'nginx/a-rule/README.md': '# a\n',
      'sysctl/tcp-x/index.ts': 'export default {};\n',
      'sysctl/no-index/README.md': 'not a rule yet\n',
    });
    trees.push(rulesDir);
    await run(process.execPath, [SCRIPT, '--rules-dir', rulesDir]);
    const generated = await readFile(join(rulesDir, 'index.ts'), 'utf8');
    expect(generated).toContain("import nginxARule from './nginx/a-rule/index.js';\nimport nginxBRule from './nginx/b-rule/index.js';\nimport sysctlTcpX from './sysctl/tcp-x/index.js';\n");
    expect(generated).toContain("  { dir: 'nginx/a-rule', rule: nginxARule },\n  { dir: 'nginx/b-rule', rule: nginxBRule },\n  { dir: 'sysctl/tcp-x', rule: sysctlTcpX },\n");
    expect(generated).not.toContain('no-index');
    await expect(run(process.execPath, [SCRIPT, '--check', '--rules-dir', rulesDir])).resolves.toBeDefined();

    await mkdir(join(rulesDir, 'hop', 'new-rule'), { recursive: true });
    await writeFile(join(rulesDir, 'hop', 'new-rule', 'index.ts'), 'export default {};\n');
    await expect(run(process.execPath, [SCRIPT, '--check', '--rules-dir', rulesDir])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('out of date') });
  });
});
