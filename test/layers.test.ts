import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/cli.js';
import { writeTree } from './support/temp-tree.js';

const run = promisify(execFile);
const CHECKER = join(REPO_ROOT, 'scripts', 'check-layers.mjs');

let roots: string[] = [];

afterEach(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
  roots = [];
});

/** Runs the checker over a tree of the given files; resolves to its exit code and error output. */
async function checkTree(files: Record<string, string>): Promise<{ code: number; stderr: string }> {
  const root = await writeTree(files, 'hoplint-layers-');
  roots.push(root);
  try {
    await run(process.execPath, [CHECKER, '--root', root]);
    return { code: 0, stderr: '' };
  } catch (error) {
    const failed = error as { code?: number; stderr?: string };
    return { code: failed.code ?? -1, stderr: failed.stderr ?? '' };
  }
}

describe('the layer checker (scripts/check-layers.mjs)', () => {
  it('passes on this repository', async () => {
    await expect(run(process.execPath, [CHECKER])).resolves.toBeDefined();
  });

  it('passes on imports that point left, and on a language imported through its index', async () => {
    const result = await checkTree({
      'src/core/source.ts': 'export type Span = number;\n',
      'src/languages/nginx/index.ts': "export * from './ast.js';\n",
      'src/languages/nginx/ast.ts': "import type { Span } from '../../core/source.js';\nexport type Node = Span;\n",
      'src/link/workspace.ts': "import type { Node } from '../languages/nginx/index.js';\nexport type W = Node;\n",
      'src/kit/index.ts': "export type { W } from '../link/workspace.js';\n",
      'rules/nginx/example/index.ts': "import type { W } from '../../../src/kit/index.js';\nimport { helper } from './helper.js';\nexport type R = W;\nexport { helper };\n",
      'rules/nginx/example/helper.ts': 'export const helper = 1;\n',
    });
    expect(result).toEqual({ code: 0, stderr: '' });
  });

  it('fails on an import that points right', async () => {
    const result = await checkTree({
      'src/core/paths.ts': "import { run } from '../engine/runner.js';\nexport const x = run;\n",
      'src/engine/runner.ts': 'export const run = 1;\n',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('src/core/paths.ts: "../engine/runner.js" — core/ may not import engine/');
  });

  it('fails on a rule that reaches past the kit', async () => {
    const result = await checkTree({
      'src/link/workspace.ts': 'export type W = 1;\n',
      'rules/cni/example/index.ts': "import type { W } from '../../../src/link/workspace.js';\nexport type R = W;\n",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('rules/cni/example/index.ts: "../../../src/link/workspace.js" — a rule imports only from the kit');
  });

  it("fails on a language that imports another language's internals", async () => {
    const result = await checkTree({
      'src/languages/nginx/index.ts': "export * from './ast.js';\n",
      'src/languages/nginx/ast.ts': 'export type Node = 1;\n',
      'src/languages/sysctl/parse.ts': "import type { Node } from '../nginx/ast.js';\nexport type S = Node;\n",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('a language is imported through its index.ts, not src/languages/nginx/ast.ts');
  });

  it('fails on file I/O in the engine and on a test under src/', async () => {
    const result = await checkTree({
      'src/engine/runner.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
      'src/engine/runner.test.ts': "import { read } from './runner.js';\nexport const x = read;\n",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('src/engine/runner.ts: "node:fs" — engine/ does no file I/O');
    expect(result.stderr).toContain('src/engine/runner.test.ts: tests live in test/ or beside a rule, not in src/');
  });

  it('fails when anything but the project registry imports the rules', async () => {
    const result = await checkTree({
      'rules/index.ts': 'export const RULES = [];\n',
      'src/cli/main.ts': "import { RULES } from '../../rules/index.js';\nexport const r = RULES;\n",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('only the project layer');
  });
});
