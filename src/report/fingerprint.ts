import { createHash } from 'node:crypto';
import { LineIndex } from '../core/source.js';
import type { Finding } from '../core/finding.js';

/**
 * A key per finding that survives unrelated edits: rule id, file, the offending line's text
 * with whitespace collapsed, and how many identical (rule, file, text) findings came before.
 * Line numbers are left out so that inserting a line above does not make every finding below
 * look new to GitHub code scanning.
 */
export function fingerprints(findings: readonly Finding[], textOf: (file: string) => string | undefined): string[] {
  const indexes = new Map<string, LineIndex>();
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const text = textOf(finding.file) ?? '';
    let index = indexes.get(finding.file);
    if (!index) {
      index = new LineIndex(text);
      indexes.set(finding.file, index);
    }
    const lineText = index.lineText(finding.line).trim().replace(/\s+/g, ' ');
    const key = `${finding.ruleId}\u0000${finding.file}\u0000${lineText}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32);
  });
}
