import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { LspClient } from './support/lsp-client.js';
import { writeTree } from './support/temp-tree.js';

const trees: string[] = [];
afterEach(async () => {
  for (const tree of trees.splice(0)) await rm(tree, { recursive: true, force: true });
});

it('the language server shows policy findings like built-in ones, with their docs link', async () => {
  const nginx = 'events {}\nhttp {\n    upstream api { server 10.0.0.1:8080 max_fails=0; }\n}\n';
  const dir = await writeTree(
    {
      'hoplint.config.yaml': 'policies: [team.yaml]\n',
      'team.yaml': "policies:\n  - id: acme/upstream-check\n    severity: error\n    message: 'upstream {{args.0}} has no check'\n    docs: https://wiki.example/check\n    select: { nginx: http > upstream }\n    require: [check]\n",
      'nginx.conf': nginx,
    },
    'hoplint-policy-lsp-',
  );
  trees.push(dir);
  const { client } = await LspClient.start(dir);
  try {
    const uri = pathToFileURL(join(dir, 'nginx.conf')).href;
    const published = await client.open(uri, nginx, 'nginx');
    const diagnostic = published.diagnostics.find((entry) => entry.code === 'acme/upstream-check');
    expect(diagnostic).toMatchObject({
      message: 'upstream api has no check',
      severity: 1,
      range: { start: { line: 2, character: 4 }, end: { line: 2, character: 12 } },
      codeDescription: { href: 'https://wiki.example/check' },
    });
  } finally {
    await client.stop();
  }
});
