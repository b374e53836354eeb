import { UsageError } from '../../core/errors.js';
import type { RuleMeta } from '../../engine/rule.js';
import type { RuleDocs } from '../../engine/rule-docs.js';
import { registryForCommand } from '../../project/registry.js';
import { REGISTRY_FLAGS } from '../registry-flags.js';
import { parseFlags } from '../args.js';
import type { CliIO } from '../io.js';

function indent(text: string, by = '    '): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '' : by + line))
    .join('\n');
}

const WIDTH = 88;

/** Prose re-flowed to the terminal width; examples keep their lines. */
function wrap(text: string, by = '    '): string {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line !== '' && by.length + line.length + 1 + word.length > WIDTH) {
        lines.push(by + line);
        line = word;
      } else {
        line = line === '' ? word : `${line} ${word}`;
      }
    }
    lines.push(line === '' ? '' : by + line);
  }
  return lines.join('\n');
}

/**
 * The rule's README when it has one (it tells the incident, mechanism, fix and examples in
 * full); otherwise Ruff-style sections from the docs the rule carries (a policy, a plugin).
 */
export function renderExplanation(meta: RuleMeta, docs: RuleDocs | undefined): string {
  const fix = meta.fixable ? `${meta.fixable} fix available` : 'no automatic fix';
  const header = `${meta.id}  (layer: ${meta.layer}, default severity: ${meta.severity}${meta.optIn ? ', opt-in' : ''}, ${fix})`;
  if (docs?.markdown !== undefined) return `${header}\n\n${docs.markdown.trimEnd()}\n\nDocs: ${meta.docsUrl}\n`;
  const sections = [header, '', meta.summary, '', 'Why', wrap(docs?.description ?? meta.summary), '', 'How to fix', wrap(docs?.howToFix ?? '')];
  for (const example of docs?.examples ?? []) {
    sections.push('', `Bad (${example.language})`, indent(example.bad), '', `Good (${example.language})`, indent(example.good));
  }
  if (meta.optionsSchema) sections.push('', 'Options (JSON Schema)', indent(JSON.stringify(meta.optionsSchema, null, 2)));
  sections.push('', `Docs: ${meta.docsUrl}`);
  return `${sections.join('\n')}\n`;
}

/** `hoplint explain <rule-id>`. */
export async function explainCommand(argv: string[], io: CliIO): Promise<number> {
  const { positionals, values } = parseFlags({ args: argv, options: REGISTRY_FLAGS, allowPositionals: true });
  if (positionals.length !== 1) throw new UsageError('hoplint explain needs exactly one rule id, e.g. hoplint explain nginx/unknown-directive');
  const registry = await registryForCommand({ cwd: io.cwd, configFile: values.config, noConfig: values['no-config-lookup'], policyFiles: values.policy });
  const entry = registry.require(positionals[0]!, '');
  io.stdout.write(renderExplanation(entry.rule.meta, registry.docsOf(entry.rule.meta.id)));
  return 0;
}
