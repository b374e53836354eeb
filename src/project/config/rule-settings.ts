import type { Ajv, ValidateFunction } from 'ajv';
import { newAjv } from '../../core/ajv.js';
import { SEVERITIES, type Severity } from '../../core/finding.js';
import type { RuleSetting, RuleSettings } from '../../engine/settings.js';
import { UNUSED_DISABLE_RULE_ID } from '../../engine/builtin-rules.js';
import { ConfigError, UsageError } from '../../core/errors.js';
import type { RuleRegistry } from '../../engine/registry.js';
import type { Rule } from '../../engine/rule.js';
import { didYouMean } from '../../core/suggest.js';
import { presetSeverity } from './presets.js';
import { describeSchemaError, mostSpecificError } from '../../core/schema-errors.js';
import type { LoadedConfig, PresetName, RuleSettingInput, SeverityOrOff } from './types.js';

export type { RuleSetting, RuleSettings };

export interface RuleOverride {
  id: string;
  severity: SeverityOrOff;
}

const optionValidators = new WeakMap<Rule<object>, ValidateFunction>();
let optionsAjv: Ajv | undefined;

function validatorFor(rule: Rule<object>): ValidateFunction | undefined {
  if (!rule.meta.optionsSchema) return undefined;
  let validate = optionValidators.get(rule);
  if (!validate) {
    optionsAjv ??= newAjv({ allErrors: true, strict: false, useDefaults: false });
    validate = optionsAjv.compile(rule.meta.optionsSchema);
    optionValidators.set(rule, validate);
  }
  return validate;
}

function splitSetting(setting: RuleSettingInput): { severity: SeverityOrOff; options?: Record<string, unknown> } {
  return Array.isArray(setting) ? { severity: setting[0], options: setting[1] } : { severity: setting };
}

function checkOptions(rule: Rule<object>, options: Record<string, unknown>, loaded: LoadedConfig, displayFile: string): void {
  const id = rule.meta.id;
  const at = (path: Array<string | number>, focus: 'key' | 'value' = 'value') => loaded.locate(['rules', id, 1, ...path], focus);
  const validate = validatorFor(rule);
  if (!validate) {
    if (Object.keys(options).length === 0) return;
    const position = at([]);
    throw new ConfigError(displayFile, position.line, position.column, `rules.${id}: this rule takes no options`);
  }
  if (validate(options)) return;
  const error = mostSpecificError(validate.errors ?? []);
  const properties = (): string[] => Object.keys((rule.meta.optionsSchema?.properties as Record<string, unknown> | undefined) ?? {});
  const described = describeSchemaError(error, options, properties);
  const position = at(described.path, described.focus);
  throw new ConfigError(displayFile, position.line, position.column, `rules.${id} options: ${described.message}`);
}

export function parseSeverity(value: string, where: string): SeverityOrOff {
  if (value === 'off' || (SEVERITIES as readonly string[]).includes(value)) return value as SeverityOrOff;
  throw new UsageError(`invalid severity "${value}"${where}; expected one of off, error, warning, info${didYouMean(value, ['off', ...SEVERITIES])}`);
}

/**
 * Severity and options of every rule: the preset, then the config's `rules`, then
 * `reportUnusedDisables`, then `--rule` overrides. Unknown ids and invalid options are
 * positioned errors.
 */
export function resolveRuleSettings(
  registry: RuleRegistry,
  loaded: LoadedConfig,
  overrides: readonly RuleOverride[] = [],
  reportUnusedDisables?: boolean | Severity,
): RuleSettings {
  const config = loaded.config;
  const displayFile = loaded.displayName;
  const presets: PresetName[] = config.extends === undefined ? ['recommended'] : Array.isArray(config.extends) ? config.extends : [config.extends];
  const settings: RuleSettings = new Map();
  const set = (rule: Rule<object>, severity: SeverityOrOff, options?: Record<string, unknown>): void => {
    if (severity === 'off') settings.delete(rule.meta.id);
    else settings.set(rule.meta.id, { severity, options: { ...rule.meta.defaultOptions, ...(options ?? settings.get(rule.meta.id)?.options) } });
  };

  for (const { rule } of registry.all()) set(rule, presetSeverity(rule, presets));

  for (const [id, input] of Object.entries(config.rules ?? {})) {
    const entry = registry.get(id);
    if (!entry) {
      const position = loaded.locate(['rules', id], 'key');
      throw new ConfigError(displayFile, position.line, position.column, `unknown rule "${id}"${didYouMean(id, registry.ids())}`);
    }
    const { severity, options } = splitSetting(input);
    if (options !== undefined) checkOptions(entry.rule, options, loaded, displayFile);
    set(entry.rule, severity, options);
  }

  const unused = reportUnusedDisables ?? config.reportUnusedDisables;
  if (unused !== undefined && unused !== false) {
    const rule = registry.require(UNUSED_DISABLE_RULE_ID, '');
    set(rule.rule, unused === true ? (settings.get(UNUSED_DISABLE_RULE_ID)?.severity ?? rule.rule.meta.severity) : unused);
  }

  for (const override of overrides) set(registry.require(override.id, ' in --rule').rule, override.severity);
  return settings;
}
