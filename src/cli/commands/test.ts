import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { UsageError } from '../../core/errors.js';
import type { LoadedPolicyFile } from '../../policy/parse.js';
import { loadPolicyFile, policyFilesFor } from '../../project/policies.js';
import { resolveConfig } from '../../project/config/load.js';
import { formatTestReport, runPolicyTests } from '../../project/policy-tests.js';
import { parseFlags } from '../args.js';
import type { CliIO } from '../io.js';

const POLICY_FILE = /\.(ya?ml|json)$/i;

/** Whether a file in a directory given to `hoplint test` is a policy file (a mapping with `policies`). */
async function looksLikePolicyFile(path: string): Promise<boolean> {
  const document = parseDocument(await readFile(path, 'utf8'), { prettyErrors: false });
  const data: unknown = document.errors.length > 0 ? undefined : document.toJS();
  return data !== null && typeof data === 'object' && !Array.isArray(data) && 'policies' in data;
}

async function policyFilesIn(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isFile() && POLICY_FILE.test(entry.name) && (await looksLikePolicyFile(path))) out.push(path);
  }
  return out;
}

async function namedPolicyFiles(paths: readonly string[], cwd: string): Promise<LoadedPolicyFile[]> {
  const files: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const stats = await stat(absolute).catch(() => undefined);
    if (!stats) throw new UsageError(`hoplint test: "${path}": no such file`);
    if (!stats.isDirectory()) files.push(absolute);
    else {
      const found = await policyFilesIn(absolute);
      if (found.length === 0) throw new UsageError(`hoplint test: no policy file (YAML or JSON with "policies") in "${path}"`);
      files.push(...found);
    }
  }
  const loaded: LoadedPolicyFile[] = [];
  for (const file of new Set(files)) loaded.push(await loadPolicyFile(file, cwd));
  return loaded;
}

/**
 * `hoplint test [policy files or directories…]`: runs each policy's `tests` (inline files linted
 * with only that policy on) and prints a pass/fail summary. Without paths, the config's
 * `policies`. Exit 0 when every test passes, 1 when one fails or there is none, 2 on a usage error
 * or an invalid policy file.
 */
export async function testCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseFlags({
    args: argv,
    options: { config: { type: 'string', short: 'c' }, 'no-config-lookup': { type: 'boolean' } } as const,
    allowPositionals: true,
  });
  const files =
    positionals.length > 0
      ? await namedPolicyFiles(positionals, io.cwd)
      : await policyFilesFor(await resolveConfig(io.cwd, { configFile: values.config, noConfig: values['no-config-lookup'] }, io.cwd), io.cwd);
  if (files.length === 0) throw new UsageError('hoplint test needs policy files: name them, or list them under "policies" in hoplint.config.yaml');
  const report = await runPolicyTests(files);
  io.stdout.write(formatTestReport(report));
  if (report.outcomes.length === 0) {
    io.stderr.write('hoplint: no policy has tests\n');
    return 1;
  }
  return report.outcomes.every((outcome) => outcome.passed) ? 0 : 1;
}
