#!/usr/bin/env node
// Writes schemas/hoplint.config.schema.json from the schema the built code validates configs
// with (src/project/config/schema-document.ts, held to the TypeScript types and the language
// registry), for editors and `$schema` references. Run after tsc (it is part of `npm run build`).
// `--check` compares instead of writing and exits 1 when the file is out of date.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(repo, 'schemas', 'hoplint.config.schema.json');
const { CONFIG_SCHEMA } = await import(join(repo, 'dist', 'src', 'project', 'config', 'schema-document.js'));
const expected = `${JSON.stringify(CONFIG_SCHEMA, null, 2)}\n`;
const actual = existsSync(target) ? readFileSync(target, 'utf8') : '';
if (process.argv.includes('--check')) {
  if (actual !== expected) {
    process.stderr.write('schemas/hoplint.config.schema.json is out of date with src/project/config/schema-document.ts; run `npm run build`\n');
    process.exitCode = 1;
  }
} else if (actual !== expected) {
  writeFileSync(target, expected);
}
