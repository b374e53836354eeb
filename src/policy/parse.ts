import { pathToFileURL } from 'node:url';
import type { Ajv, ValidateFunction } from 'ajv';
import picomatch from 'picomatch';
import { parseDocument } from 'yaml';
import { LineIndex } from '../core/source.js';
import { yamlLocator, type PathLocator } from '../core/yaml-locator.js';
import { describeSchemaError, mostSpecificError } from '../core/schema-errors.js';
import { ConfigError } from '../core/errors.js';
import { globMatcher, toPosix } from '../core/paths.js';
import type { Rule } from '../engine/rule.js';
import { RULE_LAYERS } from '../languages/registry.js';
import { compilePolicy, type PreparedPolicy } from './compile.js';
import { checkTemplate } from './message.js';
import { parseNginxSelector } from './nginx-selector.js';
import { parseObjectPath } from './object-path.js';
import { policyFileValidator, policyPropertiesAt, userSchemaCompiler } from './schema.js';
import { SELECT_KINDS, type PolicyFileInput, type PolicyInput, type SelectKind } from './types.js';

/** Id prefixes of hoplint's own rules (its rule layers) and its name: a policy must use its team's namespace. */
const RESERVED_NAMESPACES: readonly string[] = [...RULE_LAYERS, 'hoplint'];

export interface LoadedPolicy {
  rule: Rule;
  input: PolicyInput;
  /** Index in the file's `policies`. */
  index: number;
}

export interface LoadedPolicyFile {
  /** Absolute path. */
  file: string;
  /** Relative to the cwd, as error messages and `hoplint test` name it. */
  displayName: string;
  policies: LoadedPolicy[];
  /** Position of a path in the file, e.g. `['policies', 0, 'tests', 1]`. */
  locate: PathLocator;
}

/** Validates and compiles policy-file text; `file` is where it says it comes from. */
export function parsePolicyFile(file: string, displayName: string, text: string): LoadedPolicyFile {
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const syntaxError = document.errors[0];
  if (syntaxError) {
    const position = new LineIndex(text).positionAt(syntaxError.pos[0]);
    throw new ConfigError(displayName, position.line, position.column, `invalid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${syntaxError.message.split('\n')[0]}`);
  }
  const locate = yamlLocator(document, text);
  const fail = (path: Array<string | number>, message: string, focus: 'key' | 'value' = 'value'): never => {
    const position = locate(path, focus);
    throw new ConfigError(displayName, position.line, position.column, message);
  };
  const data: unknown = document.toJS() ?? {};
  const { validate } = policyFileValidator();
  if (!validate(data)) {
    const described = describeSchemaError(mostSpecificError(validate.errors ?? []), data, policyPropertiesAt);
    fail(described.path, described.message.replace(/^config: /, ''), described.focus);
  }
  const input = data as PolicyFileInput;
  const ajv = userSchemaCompiler();
  const seen = new Map<string, number>();
  const policies = input.policies.map((policy, index): LoadedPolicy => {
    const at = (...path: Array<string | number>): Array<string | number> => ['policies', index, ...path];
    const previous = seen.get(policy.id);
    if (previous !== undefined) fail(at('id'), `policies[${index}].id: "${policy.id}" is already the id of policies[${previous}]`);
    seen.set(policy.id, index);
    const namespace = policy.id.split('/')[0]!;
    if (RESERVED_NAMESPACES.includes(namespace)) {
      fail(at('id'), `policies[${index}].id: "${namespace}/" is the namespace of hoplint's own rules; use your team's, e.g. "acme/${policy.id.split('/')[1]}"`);
    }
    const prepared = preparePolicy(policy, index, { file, displayFile: displayName, ajv, at, fail, line: locate(at()).line });
    return { rule: compilePolicy(prepared), input: policy, index };
  });
  return { file, displayName, policies, locate };
}

interface PrepareContext {
  file: string;
  displayFile: string;
  line: number;
  ajv: Ajv;
  at: (...path: Array<string | number>) => Array<string | number>;
  fail: (path: Array<string | number>, message: string, focus?: 'key' | 'value') => never;
}

/** Path to the first key named `name` inside a schema, depth first. */
function keyPath(value: unknown, name: string, depth = 0): Array<string | number> | undefined {
  if (value === null || typeof value !== 'object' || depth > 64) return undefined;
  for (const [key, child] of Object.entries(value)) {
    if (key === name) return [Array.isArray(value) ? Number(key) : key];
    const below = keyPath(child, name, depth + 1);
    if (below) return [Array.isArray(value) ? Number(key) : key, ...below];
  }
  return undefined;
}

function compileSchema(schema: Record<string, unknown> | boolean, where: string, path: Array<string | number>, context: PrepareContext): ValidateFunction {
  try {
    return context.ajv.compile(schema);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.replace(/^strict mode: /, '');
    // Point at the offending keyword when ajv names one (an unknown keyword is usually a typo).
    const keyword = /unknown keyword: "([^"]+)"/.exec(message)?.[1];
    const inner = keyword === undefined ? undefined : keyPath(schema, keyword);
    return context.fail(inner ? [...path, ...inner] : path, `${where}: not a valid JSON Schema: ${message}`, inner ? 'key' : 'value');
  }
}

function preparePolicy(policy: PolicyInput, index: number, context: PrepareContext): PreparedPolicy {
  const { at, fail } = context;
  const name = `policies[${index}]`;
  const kinds = SELECT_KINDS.filter((kind) => policy.select[kind] !== undefined);
  if (kinds.length !== 1) {
    fail(at('select'), kinds.length === 0 ? `${name}.select: needs one of ${SELECT_KINDS.map((kind) => `"${kind}"`).join(', ')}` : `${name}.select: selects ${kinds.map((kind) => `"${kind}"`).join(' and ')}; a policy selects one kind of node`);
  }
  const kind: SelectKind = kinds[0]!;
  if (policy.select.effective !== undefined && kind !== 'sysctl') fail(at('select', 'effective'), `${name}.select.effective: only applies to sysctl selects`, 'key');
  if (policy.assert === undefined && policy.require === undefined && policy.forbid === undefined) {
    fail(at(), `${name}: needs "assert", "require" or "forbid": what must hold for each selected node`);
  }
  if ((policy.require ?? policy.forbid) !== undefined && (kind === 'sysctl' || kind === 'network')) {
    fail(at(policy.require ? 'require' : 'forbid'), `${name}.${policy.require ? 'require' : 'forbid'}: applies to nginx and kubernetes selects; use "assert" for ${kind}`, 'key');
  }
  const prepared: PreparedPolicy = {
    input: policy,
    kind,
    file: context.file,
    displayFile: context.displayFile,
    line: context.line,
    docsUrl: policy.docs ?? `${pathToFileURL(context.file).href}#L${context.line}`,
    inFiles: () => true,
  };
  if (kind === 'nginx') {
    const selector = parseNginxSelector(policy.select.nginx!);
    if ('error' in selector) fail(at('select', 'nginx'), `${name}.select.nginx: ${selector.error}`);
    else prepared.nginxSelector = selector;
    for (const field of ['require', 'forbid'] as const) {
      policy[field]?.forEach((child, i) => {
        if (!/^[A-Za-z0-9_]+$/.test(child)) fail(at(field, i), `${name}.${field}[${i}]: "${child}" is not an nginx directive name`);
      });
    }
  }
  if (kind === 'kubernetes') {
    const path = policy.select.kubernetes!.path;
    const parsed = path === undefined ? [] : parseObjectPath(path);
    if ('error' in parsed) fail(at('select', 'kubernetes', 'path'), `${name}.select.kubernetes.path: ${parsed.error}`);
    for (const field of ['require', 'forbid'] as const) {
      policy[field]?.forEach((child, i) => {
        const steps = parseObjectPath(child);
        if ('error' in steps) fail(at(field, i), `${name}.${field}[${i}]: ${steps.error}`);
      });
    }
  }
  const templateProblem = checkTemplate(policy.message, kind);
  if (templateProblem) fail(at('message'), `${name}.message: ${templateProblem}`);
  if (policy.assert !== undefined) prepared.assert = compileSchema(policy.assert, `${name}.assert`, at('assert'), context);
  if (policy.select.where !== undefined) prepared.where = compileSchema(policy.select.where, `${name}.select.where`, at('select', 'where'), context);
  const files = policy.select.files;
  if (files !== undefined) {
    const list = typeof files === 'string' ? [files] : files;
    const matchers = new Map<string, (path: string) => boolean>();
    const anywhere = picomatch(list, { dot: true });
    // Relative to the config's directory, like every glob of the config; `**/gateway/**` also
    // matches the absolute path, so a pattern naming a directory works wherever the tree sits.
    prepared.inFiles = (absolutePath, workspace) => {
      let matches = matchers.get(workspace.root);
      if (!matches) {
        matches = globMatcher(workspace.root, list);
        matchers.set(workspace.root, matches);
      }
      return matches(absolutePath) || anywhere(toPosix(absolutePath));
    };
  }
  return prepared;
}
