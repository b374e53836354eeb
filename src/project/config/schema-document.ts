import { SEVERITIES } from '../../core/finding.js';
import type { DirectiveDeclaration } from '../../languages/nginx/index.js';
import { DECLARABLE_CONTEXTS } from '../../languages/nginx/index.js';
import { LANGUAGE_IDS } from '../../languages/registry.js';
import type { Environment } from '../../link/index.js';
import type { HoplintConfig, PresetName } from './types.js';

/** A JSON Schema node, as much of the vocabulary as this schema uses. */
export type JsonSchema = { [keyword: string]: unknown };

/**
 * One schema per key of `T`, and no other: the compiler holds the config schema to the
 * TypeScript types, so a key added to a type without a schema (or the reverse) does not build.
 */
type PropertiesOf<T> = { [K in keyof Required<T>]: JsonSchema };

const PRESETS: readonly PresetName[] = ['recommended', 'strict'];
const globs = { $ref: '#/definitions/globs' };

/** `files` and `ignores` are keyed by language, as the language registry names them. */
function perLanguage(): Record<string, JsonSchema> {
  return Object.fromEntries(LANGUAGE_IDS.map((id) => [id, globs]));
}

const environment: PropertiesOf<Environment> = {
  lbIdleTimeoutSeconds: { type: 'number', exclusiveMinimum: 0, description: 'Idle timeout of the load balancer in front of the proxy, in seconds (e.g. 60 for AWS ELB, 900 for an Alibaba SLB).' },
  underlayMtu: { type: 'integer', minimum: 576, maximum: 65536, description: "MTU of the hosts' network that overlay traffic is encapsulated in, e.g. 1500 or 9001." },
  kernelVersion: { type: 'string', pattern: '^[0-9]+\\.[0-9]+', description: 'Kernel the sysctl files are applied on, e.g. "5.10" or "4.9.0-13-amd64".' },
  clientsBehindSnat: { type: 'boolean', description: 'Clients reach the servers through SNAT/NAT (a load balancer with SNAT, a routing mesh, a NAT gateway).' },
  nodePortRange: { type: 'string', pattern: '^[0-9]+-[0-9]+$', description: 'kube-apiserver --service-node-port-range, e.g. "30000-32767".' },
};

const nginx: PropertiesOf<NonNullable<HoplintConfig['nginx']>> = {
  directives: {
    description: 'Third-party module directives the build has: a name (accepted anywhere, with any arguments) or a declaration.',
    type: 'array',
    items: { oneOf: [{ type: 'string', pattern: '^[A-Za-z0-9_]+$' }, { $ref: '#/definitions/directiveDeclaration' }] },
  },
};

const directiveDeclaration: PropertiesOf<DirectiveDeclaration> = {
  name: { type: 'string', pattern: '^[A-Za-z0-9_]+$' },
  contexts: { type: 'array', items: { enum: [...DECLARABLE_CONTEXTS] }, uniqueItems: true },
  args: {
    description: '`none`, `flag` (on|off), `any`, an exact count, a list of allowed counts, or { "min": N }.',
    oneOf: [
      { enum: ['none', 'flag', 'any'] },
      { type: 'integer', minimum: 0 },
      { type: 'array', items: { type: 'integer', minimum: 0 }, minItems: 1 },
      { type: 'object', additionalProperties: false, required: ['min'], properties: { min: { type: 'integer', minimum: 0 } } },
    ],
  },
  block: { type: 'boolean', description: 'The directive takes a { … } block.' },
};

const config: PropertiesOf<HoplintConfig> = {
  $schema: { type: 'string', description: 'URI of this schema, for editors.' },
  extends: {
    description: 'Preset to start from. `recommended` (the default): every rule at its default severity. `strict`: warnings raised to errors, info to warnings, unused suppressions reported.',
    oneOf: [{ $ref: '#/definitions/preset' }, { type: 'array', items: { $ref: '#/definitions/preset' }, uniqueItems: true }],
  },
  rules: {
    description: 'Per-rule setting, keyed by rule id (`hoplint rules` lists them): `off`, a severity, or `[severity, {options}]`.',
    type: 'object',
    propertyNames: { pattern: '^[a-z0-9-]+(/[a-z0-9-]+)?$' },
    additionalProperties: { $ref: '#/definitions/ruleSetting' },
  },
  files: {
    description: 'Globs (relative to this file) of files to read as a language, whatever their name or content says. They are linted when a linted directory contains them.',
    type: 'object',
    additionalProperties: false,
    properties: perLanguage(),
  },
  ignores: {
    description: 'Globs (relative to this file) of paths never linted: a list for every language, or a list per language.',
    oneOf: [globs, { type: 'object', additionalProperties: false, properties: { all: globs, ...perLanguage() } }],
  },
  environment: {
    description: 'Facts about the deployment that no linted file states. Rules treat an absent fact as unknown.',
    type: 'object',
    additionalProperties: false,
    properties: environment,
  },
  nginx: { type: 'object', additionalProperties: false, properties: nginx },
  policies: {
    description: 'Policy files (YAML or JSON, see schemas/hoplint.policy.schema.json): paths or globs relative to this file. Their policies are rules like the built-in ones.',
    type: 'array',
    items: { type: 'string', minLength: 1 },
  },
  plugins: {
    description:
      'Rule modules to import: a path relative to this file (./rules/team.js) or a package name. Each exports rules made with `defineRule` from hoplint (default export: a rule, an array or an object of rules). Only this file and the command line can load code.',
    type: 'array',
    items: { type: 'string', minLength: 1 },
  },
  reportUnusedDisables: {
    description: 'Report hoplint-disable comments that suppress nothing (as --report-unused-disables).',
    oneOf: [{ type: 'boolean' }, { $ref: '#/definitions/severity' }],
  },
};

const SEVERITY_OR_OFF = ['off', ...SEVERITIES];

/**
 * The JSON Schema of hoplint.config.{yaml,yml,json}, built from the TypeScript types and the
 * language registry. Config files are validated against it, and `npm run build` writes it to
 * schemas/hoplint.config.schema.json for editors.
 */
export const CONFIG_SCHEMA: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/hoplint/hoplint/blob/main/schemas/hoplint.config.schema.json',
  title: 'hoplint configuration',
  description: 'hoplint.config.yaml / .yml / .json: rule severities and options, which files are which language, and facts about the deployment that no linted file states.',
  type: 'object',
  additionalProperties: false,
  properties: config,
  definitions: {
    preset: { enum: [...PRESETS] },
    severity: { enum: [...SEVERITIES] },
    globs: { type: 'array', items: { type: 'string', minLength: 1 } },
    ruleSetting: {
      oneOf: [{ enum: SEVERITY_OR_OFF }, { type: 'array', minItems: 1, maxItems: 2, items: [{ enum: SEVERITY_OR_OFF }, { type: 'object' }] }],
    },
    directiveDeclaration: { type: 'object', additionalProperties: false, required: ['name'], properties: directiveDeclaration },
  },
};
