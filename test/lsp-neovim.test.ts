import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT } from './support/cli.js';
import { writeTree } from './support/temp-tree.js';

// A real editor as the client: headless Neovim starts `hoplint lsp --stdio` for an nginx.conf
// and writes the diagnostics it received to a file (test/lsp-neovim/init.lua).

function findNvim(): string | undefined {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, 'nvim'))
    .find((path) => existsSync(path));
}

const NGINX = ['events {}', 'http {', '    server {', '        location / {', '            proxy_pass http://127.0.0.1:8081;', '        }', '    }', '}', ''].join('\n');

interface NvimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  code: string;
  message: string;
}

describe('Neovim as an LSP client', () => {
  const trees: string[] = [];
  afterAll(async () => {
    for (const tree of trees) await rm(tree, { recursive: true, force: true });
  });

  it('shows hoplint diagnostics in a headless Neovim', async () => {
    const nvim = findNvim();
    if (!nvim) {
      // .ci/run installs neovim; outside CI a machine without it has no editor to drive.
      expect(process.env.CI, 'CI must have nvim installed (.ci/run installs neovim)').toBeFalsy();
      return;
    }
    const dir = await writeTree({ 'hoplint.config.yaml': 'environment: {}\n', 'nginx.conf': NGINX });
    trees.push(dir);
    const out = join(dir, 'diagnostics.json');
    const run = spawnSync(nvim, ['--headless', '--clean', '-u', join(REPO_ROOT, 'test', 'lsp-neovim', 'init.lua')], {
      cwd: dir,
      env: { ...process.env, HOPLINT_FILE: join(dir, 'nginx.conf'), HOPLINT_OUT: out, HOPLINT_BIN: BIN, HOPLINT_NODE: process.execPath },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(existsSync(out), `nvim wrote no diagnostics (status ${run.status})\n${run.stdout}\n${run.stderr}`).toBe(true);
    const result = JSON.parse(readFileSync(out, 'utf8')) as { received: boolean; client: string; diagnostics: NvimDiagnostic[] };
    expect(result.received).toBe(true);
    expect(result.client).toBe('hoplint');
    expect(result.diagnostics.map(({ lnum, col, end_lnum, end_col, severity, code }) => ({ lnum, col, end_lnum, end_col, severity, code }))).toEqual([
      { lnum: 4, col: 12, end_lnum: 4, end_col: 22, severity: 2, code: 'nginx/proxy-http-version' },
    ]);
    expect(result.diagnostics[0]!.message).toContain('proxy_http_version 1.1;');
  });
});
