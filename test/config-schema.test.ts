import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_IDS } from '../src/languages/registry.js';
import { CONFIG_SCHEMA } from '../src/project/config/schema-document.js';
import { REPO_ROOT } from './support/cli.js';

const run = promisify(execFile);

type Node = { properties?: Record<string, Node>; oneOf?: Node[]; definitions?: Record<string, Node> };

describe('the config JSON Schema', () => {
  it('is the file in schemas/, as `npm run build` writes it', async () => {
    await expect(run(process.execPath, [join(REPO_ROOT, 'scripts', 'gen-config-schema.mjs'), '--check'])).resolves.toBeDefined();
  });

  it('keys files and ignores by the languages of the registry', () => {
    const properties = (CONFIG_SCHEMA as Node).properties!;
    expect(Object.keys(properties.files!.properties!)).toEqual([...LANGUAGE_IDS]);
    expect(Object.keys(properties.ignores!.oneOf![1]!.properties!)).toEqual(['all', ...LANGUAGE_IDS]);
  });

  it('has a policy select kind for every language of the registry', () => {
    const policySchema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', 'hoplint.policy.schema.json'), 'utf8')) as Node;
    const kinds = Object.keys(policySchema.definitions!.select!.properties!);
    for (const id of LANGUAGE_IDS) expect(kinds).toContain(id);
  });
});
