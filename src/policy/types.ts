import type { SourceRange } from '../core/source.js';
import type { Severity } from '../core/finding.js';
import { LANGUAGE_IDS, type LanguageId } from '../languages/registry.js';

/** A policy file as written (validated against schemas/hoplint.policy.schema.json). */
export interface PolicyFileInput {
  $schema?: string;
  policies: PolicyInput[];
}

export type Patterns = string | string[];

export interface KubernetesSelectInput {
  kind: Patterns;
  apiVersion?: Patterns;
  namespace?: Patterns;
  name?: Patterns;
  labels?: Record<string, string>;
  path?: string;
}

export interface NetworkSelectInput {
  source?: Patterns;
  encapsulation?: Patterns;
  name?: Patterns;
}

export interface SelectInput {
  nginx?: string;
  sysctl?: Patterns;
  effective?: boolean;
  kubernetes?: KubernetesSelectInput;
  network?: true | NetworkSelectInput;
  files?: Patterns;
  where?: Record<string, unknown> | boolean;
}

export interface PolicyTestExpectation {
  file?: string;
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  message?: string;
}

export interface PolicyTest {
  name: string;
  files: Record<string, string>;
  config?: Record<string, unknown>;
  expect: PolicyTestExpectation[];
}

export interface PolicyInput {
  id: string;
  severity?: Severity;
  message: string;
  summary?: string;
  description?: string;
  howToFix?: string;
  docs?: string;
  tags?: string[];
  select: SelectInput;
  assert?: Record<string, unknown> | boolean;
  require?: string[];
  forbid?: string[];
  tests?: PolicyTest[];
}

/** What a policy selects nodes of: one of the languages. */
export type SelectKind = LanguageId;
export const SELECT_KINDS: readonly SelectKind[] = LANGUAGE_IDS;

/** A path inside a view, as ajv's instancePath segments: `['args', 0]`. */
export type ViewPath = ReadonlyArray<string | number>;

/** One node a policy selected: its typed view and how to point at parts of it. */
export interface Match {
  /** The plain JSON object the policy's `where` and `assert` schemas see. */
  view: unknown;
  /** Absolute path of the file the node is written in. */
  file: string;
  /** Where a finding about the node as a whole points (a directive's name, a sysctl value…). */
  anchor: SourceRange;
  /** The most precise location of a part of the view; the anchor when the part has none. */
  locate(path: ViewPath): SourceRange;
  /** Where the child directives (nginx) or the key path (Kubernetes) named `name` are written; empty when absent. */
  findChildren(name: string): SourceRange[];
  /** Extra placeholder values besides the view's fields (a Kubernetes object's kind, name, namespace). */
  context: Record<string, unknown>;
  /** How `{{path}}` names the node: `http > upstream`, `spec.template.spec.containers[0]`. */
  path: string;
}
