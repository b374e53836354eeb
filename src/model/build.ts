import type { FileHost } from '../core/host.js';
import type { SyntaxIssue } from '../core/syntax.js';
import { DirectiveTable } from '../languages/nginx/directives/index.js';
import type { SourceRange } from '../core/source.js';
import { buildKubernetesModel } from '../languages/kubernetes/index.js';
import { mergeCalicoNetworks } from '../languages/network/index.js';
import { LANGUAGES } from '../languages/registry.js';
import { computeEffectiveSysctls } from '../languages/sysctl/index.js';
import { collectNatEvidence } from './nat-evidence.js';
import { nginxModelOf } from './nginx/cache.js';
import {
  emptyDocuments,
  LANGUAGE_IDS,
  type Environment,
  type Workspace,
  type WorkspaceDocuments,
  type WorkspaceFile,
  type WorkspaceIndexes,
} from './workspace.js';

export interface BuildWorkspaceInput {
  root: string;
  environment: Environment;
  /** Classified files with their text (see engine/discovery). */
  files: WorkspaceFile[];
  /** Issues found while reading the files (unreadable, binary, not UTF-8…). */
  readIssues: SyntaxIssue[];
  host: FileHost;
  /** The unit's nginx directive table (default: the built-in one). */
  nginxDirectives?: DirectiveTable;
  displayPath: (absolutePath: string) => string;
  isReported: (absolutePath: string) => boolean;
  /** Where the config file states `environment.clientsBehindSnat`, for related locations. */
  clientsBehindSnatAt?: SourceRange;
}

/**
 * Parses every classified file with its language's parser and assembles the Workspace. Files a
 * parser reached on its own (nginx `include` targets) join `files` so that their findings get
 * code frames and suppressions like any other file.
 */
export async function buildWorkspace(input: BuildWorkspaceInput): Promise<Workspace> {
  const documents = emptyDocuments();
  const files = [...input.files];
  const syntaxIssues = [...input.readIssues];
  const context = { host: input.host, nginxDirectives: input.nginxDirectives ?? DirectiveTable.builtin };
  const allFiles = files;
  for (const id of LANGUAGE_IDS) {
    const files = input.files.filter((file) => file.language === id);
    if (files.length === 0) continue;
    const result = await LANGUAGES[id].parse(files, context);
    mergeDocuments(documents, result.documents);
    for (const issue of result.issues) syntaxIssues.push(issue); // a spread of 130,000 issues overflows the stack
    for (const reached of result.reached ?? []) {
      allFiles.push({
        path: input.displayPath(reached.absolutePath),
        absolutePath: reached.absolutePath,
        language: id,
        text: reached.text,
        reported: input.isReported(reached.absolutePath),
      });
    }
  }
  const indexes = linkDocuments(documents, input);
  syntaxIssues.push(...indexes.kubernetes.issues);
  return { root: input.root, environment: input.environment, files: allFiles, syntaxIssues, ...documents, ...indexes };
}

function mergeDocuments(into: WorkspaceDocuments, from: Partial<WorkspaceDocuments>): void {
  for (const key of Object.keys(from) as (keyof WorkspaceDocuments)[]) {
    const values = from[key];
    if (values) (into[key] as unknown[]).push(...values);
  }
}

/** The cross-file indexes: effective sysctls, the Kubernetes model, merged networks, NAT evidence. */
function linkDocuments(documents: WorkspaceDocuments, input: BuildWorkspaceInput): WorkspaceIndexes {
  const kubernetes = buildKubernetesModel(documents.yaml);
  // Calico's MTU (calico-config) and its encapsulation (IPPool) usually live in different files.
  documents.networks = mergeCalicoNetworks(documents.networks);
  const nat = collectNatEvidence({
    kubernetes,
    rancher: documents.rancher,
    yaml: documents.yaml,
    nginx: documents.nginx.map(nginxModelOf),
    ...(input.environment.clientsBehindSnat !== undefined
      ? { clientsBehindSnat: { value: input.environment.clientsBehindSnat, ...(input.clientsBehindSnatAt ? { location: input.clientsBehindSnatAt } : {}) } }
      : {}),
  });
  return {
    sysctl: { files: documents.sysctlFiles, effective: computeEffectiveSysctls(documents.sysctlFiles) },
    kubernetes,
    nat,
  };
}
