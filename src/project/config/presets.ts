import type { Severity } from '../../core/finding.js';
import type { Rule } from '../../engine/rule.js';
import type { PresetName, SeverityOrOff } from './types.js';

const RAISED: Record<Severity, Severity> = { error: 'error', warning: 'error', info: 'warning' };

/**
 * `recommended`: every rule at its default severity, opt-in rules off.
 * `strict`: every rule on, one level stricter (warning → error, info → warning).
 */
export function presetSeverity(rule: Rule<object>, presets: readonly PresetName[]): SeverityOrOff {
  if (presets.includes('strict')) return RAISED[rule.meta.severity];
  return rule.meta.optIn ? 'off' : rule.meta.severity;
}
