import { UsageError } from '../../core/errors.js';
import { registryForCommand } from '../../project/registry.js';
import { REGISTRY_FLAGS } from '../registry-flags.js';
import { parseFlags } from '../args.js';
import type { CliIO } from '../io.js';

/** `hoplint rules [--format table|json]`: every rule with its layer, default severity and fix safety. */
export async function rulesCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseFlags({ args: argv, options: { format: { type: 'string', short: 'f' }, ...REGISTRY_FLAGS } as const });
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(`hoplint rules: unknown format "${format}"; expected table or json`);
  const registry = await registryForCommand({ cwd: io.cwd, configFile: values.config, noConfig: values['no-config-lookup'], policyFiles: values.policy });
  const rules = registry.all().map(({ rule }) => rule.meta);
  if (format === 'json') {
    const rows = rules.map((meta) => ({ id: meta.id, layer: meta.layer, severity: meta.severity, fixable: meta.fixable ?? null, summary: meta.summary, docsUrl: meta.docsUrl }));
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const header = ['ID', 'LAYER', 'SEVERITY', 'FIXABLE', 'SUMMARY'];
  const rows = rules.map((meta) => [meta.id, meta.layer, meta.optIn ? `${meta.severity} (opt-in)` : meta.severity, meta.fixable ?? '-', meta.summary]);
  const widths = header.slice(0, -1).map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string => cells.map((cell, i) => (i < widths.length ? cell.padEnd(widths[i]!) : cell)).join('  ').trimEnd();
  io.stdout.write(`${[line(header), ...rows.map(line)].join('\n')}\n\n${rules.length} rules; \`hoplint explain <id>\` tells more.\n`);
  return 0;
}
