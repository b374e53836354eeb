import type { PathLocator } from '../../core/yaml-locator.js';
import type { Severity } from '../../core/finding.js';
import type { Environment } from '../../link/workspace.js';
import type { LanguageId } from '../../languages/registry.js';
import type { DirectiveDeclaration } from '../../languages/nginx/index.js';

export type { DirectiveDeclaration };

export type PresetName = 'recommended' | 'strict';
export type SeverityOrOff = Severity | 'off';
export type RuleSettingInput = SeverityOrOff | [SeverityOrOff] | [SeverityOrOff, Record<string, unknown>];

/** hoplint.config.yaml as written (validated against CONFIG_SCHEMA, see schema-document.ts, which must name every key). */
export interface HoplintConfig {
  $schema?: string;
  extends?: PresetName | PresetName[];
  rules?: Record<string, RuleSettingInput>;
  files?: Partial<Record<LanguageId, string[]>>;
  ignores?: string[] | Partial<Record<LanguageId | 'all', string[]>>;
  environment?: Environment;
  nginx?: { directives?: Array<string | DirectiveDeclaration> };
  reportUnusedDisables?: boolean | Severity;
  /** Policy files: paths or globs relative to the config file. */
  policies?: string[];
  /** Rule modules: paths relative to the config file, or package names. */
  plugins?: string[];
}

export interface LoadedConfig {
  /** Absolute path of the config file; undefined when none was found or it was given in code. */
  file?: string;
  /** How error messages name the config: its path relative to the cwd, or `<config>` when given in code. */
  displayName: string;
  /** Directory the config's globs are relative to. */
  root: string;
  config: HoplintConfig;
  locate: PathLocator;
}
