import type { LanguageDefinition } from './language.js';
import { kubernetesLanguage } from './kubernetes/index.js';
import { networkLanguage } from './network/index.js';
import { nginxLanguage } from './nginx/index.js';
import { sysctlLanguage } from './sysctl/index.js';

/**
 * THE list of config languages, in the order their files are parsed (which is the order of
 * their documents in the workspace). Everything else that names languages derives from it:
 * `LanguageId`, the rule layers, the policy select kinds, the config file's `files` and `ignores`
 * keys. A language's rules are named after its `rulePrefix`, which is part of every public rule id.
 */
export const LANGUAGES = [
  { id: 'nginx', rulePrefix: 'nginx', definition: nginxLanguage },
  { id: 'sysctl', rulePrefix: 'sysctl', definition: sysctlLanguage },
  { id: 'kubernetes', rulePrefix: 'k8s', definition: kubernetesLanguage },
  { id: 'network', rulePrefix: 'cni', definition: networkLanguage },
] as const satisfies ReadonlyArray<{ id: string; rulePrefix: string; definition: LanguageDefinition }>;

export type LanguageId = (typeof LANGUAGES)[number]['id'];

export const LANGUAGE_IDS: readonly LanguageId[] = LANGUAGES.map((language) => language.id);

/** Rules that correlate two or more languages (an nginx backlog against the host's somaxconn). */
export const CROSS_LANGUAGE_LAYER = 'hop';
/** hoplint's own rules: `syntax` and `unused-disable`. */
export const CORE_LAYER = 'core';

/** The layer of a rule: its id prefix, one per language plus `hop` and `core`. */
export type RuleLayer = (typeof LANGUAGES)[number]['rulePrefix'] | typeof CROSS_LANGUAGE_LAYER | typeof CORE_LAYER;

export const RULE_LAYERS: readonly RuleLayer[] = [...LANGUAGES.map((language) => language.rulePrefix), CROSS_LANGUAGE_LAYER, CORE_LAYER];

const BY_ID = new Map<string, LanguageDefinition>(LANGUAGES.map((language) => [language.id, language.definition]));

export function languageDefinition(id: LanguageId): LanguageDefinition {
  return BY_ID.get(id)!;
}

/** The rule layer of a language's rules: `kubernetes` → `k8s`. */
export function rulePrefixOf(id: LanguageId): RuleLayer {
  return LANGUAGES.find((language) => language.id === id)!.rulePrefix;
}
