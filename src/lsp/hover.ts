import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { Finding } from '../core/finding.js';
import type { RuleRegistry } from '../engine/registry.js';
import type { LanguageSettings } from '../languages/language.js';
import { languageDefinition, type LanguageId } from '../languages/registry.js';
import { rangeContains, toLspRange } from './positions.js';

export interface HoverInput {
  path: string;
  text: string;
  language: LanguageId | undefined;
  position: Position;
  /** The findings of this file from the last lint of this text. */
  findings: readonly Finding[];
  registry: RuleRegistry | undefined;
  /** The language settings of the file's unit (its nginx directive table), as its last lint read them. */
  settings: LanguageSettings;
}

function findingSection(finding: Finding, registry: RuleRegistry | undefined): string {
  const meta = registry?.get(finding.ruleId)?.rule.meta;
  const docs = registry?.docsOf(finding.ruleId);
  const lines = [`**${finding.ruleId}** (${finding.severity}): ${finding.message}`];
  if (meta) {
    lines.push('', meta.summary, '', `**Why.** ${docs?.description ?? ''}`, '', `**Fix.** ${docs?.howToFix ?? ''}`);
    if (finding.fix) lines.push('', `Quick fix available: ${finding.fix.title}${finding.fix.safety === 'unsafe' ? ' (unsafe: review the change)' : ''}.`);
    if (meta.docsUrl) lines.push('', `[Documentation](${meta.docsUrl})`);
  }
  return lines.join('\n');
}

/**
 * What the cursor is on: the findings there (message, why, how to fix), and what the file's
 * language says about the token (an nginx directive's table entry, a sysctl key's kernel facts).
 */
export function hoverAt(input: HoverInput): Hover | null {
  const sections: string[] = [];
  let range;
  for (const finding of input.findings) {
    const findingRange = toLspRange(finding);
    if (!rangeContains(findingRange, input.position)) continue;
    sections.push(findingSection(finding, input.registry));
    range ??= findingRange;
  }
  const hover = input.language === undefined ? undefined : languageDefinition(input.language).hover;
  const language = hover?.({
    path: input.path,
    text: input.text,
    position: { line: input.position.line + 1, column: input.position.character + 1 },
    settings: input.settings,
  });
  if (language) {
    sections.push(language.markdown);
    range = toLspRange(language.range);
  }
  if (sections.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, ...(range ? { range } : {}) };
}
