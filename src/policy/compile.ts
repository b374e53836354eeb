import type { ValidateFunction } from 'ajv';
import type { SourceRange } from '../core/source.js';
import type { Workspace } from '../link/workspace.js';
import { defineRule, type FindingInput, type Rule } from '../engine/rule.js';
import type { RuleExample } from '../engine/rule-docs.js';
import { rulePrefixOf } from '../languages/registry.js';
import { renderMessage } from './message.js';
import type { NginxSelector } from './nginx-selector.js';
import { selectKubernetes } from './select/kubernetes.js';
import { selectNetworks } from './select/network.js';
import { selectNginx } from './select/nginx.js';
import { selectSysctl } from './select/sysctl.js';
import type { Match, PolicyInput, PolicyTest, SelectKind } from './types.js';
import { describeViolation } from './violation.js';


/** A policy checked and compiled: what `compilePolicy` turns into a rule. */
export interface PreparedPolicy {
  input: PolicyInput;
  kind: SelectKind;
  nginxSelector?: NginxSelector;
  assert?: ValidateFunction;
  where?: ValidateFunction;
  /** Whether a file (absolute) is one the policy looks at (`select.files`). */
  inFiles: (absolutePath: string, workspace: Workspace) => boolean;
  /** The policy file, absolute, and where the policy starts in it. */
  file: string;
  /** The policy file as `hoplint explain` names it (relative to the cwd it was loaded from). */
  displayFile: string;
  line: number;
  /** `docs`, else a link to the policy in its file. */
  docsUrl: string;
}

function selectMatches(policy: PreparedPolicy, workspace: Workspace, displayPath: (file: string) => string): Match[] {
  const select = policy.input.select;
  switch (policy.kind) {
    case 'nginx':
      return selectNginx(workspace, policy.nginxSelector!, displayPath);
    case 'sysctl':
      return selectSysctl(workspace, typeof select.sysctl === 'string' ? [select.sysctl] : (select.sysctl ?? []), select.effective ?? true, displayPath);
    case 'kubernetes':
      return selectKubernetes(workspace, select.kubernetes!);
    case 'network':
      return selectNetworks(workspace, select.network!, displayPath);
  }
}

function languageOf(path: string): RuleExample['language'] {
  if (/\.ya?ml$/i.test(path)) return 'yaml';
  if (/\.(json|conflist)$/i.test(path)) return 'json';
  if (/sysctl/i.test(path)) return 'sysctl';
  return 'nginx';
}

/** A bad and a good snippet for `hoplint explain`, taken from the policy's own one-file tests. */
function examplesFrom(tests: readonly PolicyTest[] = []): RuleExample[] {
  const single = tests.filter((test) => Object.keys(test.files).length === 1);
  const bad = single.find((test) => test.expect.length > 0);
  const good = single.find((test) => test.expect.length === 0 && Object.keys(test.files)[0] === Object.keys(bad?.files ?? {})[0]);
  if (!bad || !good) return [];
  const [path, badText] = Object.entries(bad.files)[0]!;
  return [{ language: languageOf(path), bad: badText.trimEnd(), good: Object.values(good.files)[0]!.trimEnd() }];
}

/** The rule a policy stands for: listed, configured, suppressed and reported like a built-in one. */
export function compilePolicy(policy: PreparedPolicy): Rule {
  const { input } = policy;
  const origin = `Policy defined in ${policy.displayFile}:${policy.line}.`;
  return defineRule({
    meta: {
      id: input.id,
      layer: rulePrefixOf(policy.kind),
      severity: input.severity ?? 'warning',
      summary: input.summary ?? input.message,
      docsUrl: policy.docsUrl,
      tags: ['policy', ...(input.tags ?? [])],
    },
    docs: {
      description: input.description ? `${input.description}\n\n${origin}` : origin,
      howToFix: input.howToFix ?? 'Change the configuration so that it meets the policy, or suppress the finding with a hoplint-disable comment that says why.',
      examples: examplesFrom(input.tests),
    },
    check({ workspace, report }) {
      const byPath = new Map(workspace.files.map((file) => [file.absolutePath, file.path]));
      const displayPath = (file: string): string => byPath.get(file) ?? file;
      for (const match of selectMatches(policy, workspace, displayPath)) {
        if (!policy.inFiles(match.file, workspace)) continue;
        if (policy.where && !policy.where(match.view)) continue;
        const emit = (range: SourceRange, specials: Record<string, unknown>): void => {
          const finding: FindingInput = {
            ...range,
            message: renderMessage(input.message, { id: input.id, path: match.path, file: displayPath(match.file), ...specials }, match.view, match.context),
          };
          report(finding);
        };
        for (const name of input.require ?? []) {
          if (match.findChildren(name).length === 0) emit(match.anchor, { child: name, error: policy.kind === 'nginx' ? `no "${name}" directive` : `missing "${name}"` });
        }
        for (const name of input.forbid ?? []) {
          for (const found of match.findChildren(name)) emit(found, { child: name, error: policy.kind === 'nginx' ? `"${name}" directive is not allowed here` : `"${name}" is not allowed` });
        }
        if (policy.assert && !policy.assert(match.view)) {
          const violation = describeViolation(policy.assert.errors ?? [], match.view);
          emit(match.locate(violation.path), { error: violation.text });
        }
      }
    },
  });
}
