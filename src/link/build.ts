import type { FileHost } from '../core/host.js';
import type { SourceRange } from '../core/source.js';
import type { SyntaxIssue } from '../core/syntax.js';
import { emptyDocuments, mergeDocuments, type LanguageDocuments } from '../languages/documents.js';
import { DirectiveTable } from '../languages/nginx/index.js';
import { LANGUAGES } from '../languages/registry.js';
import { indexKubernetes } from './kubernetes.js';
import { collectNatEvidence } from './nat-evidence.js';
import { linkOverlayNetworks } from './overlay-networks.js';
import { computeEffectiveSysctls } from './sysctl-effective.js';
import type { Environment, Workspace, WorkspaceFile, WorkspaceIndexes } from './workspace.js';

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
  for (const { id, definition } of LANGUAGES) {
    const files = input.files.filter((file) => file.language === id);
    if (files.length === 0) continue;
    const result = await definition.parse(files, context);
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
  return { root: input.root, environment: input.environment, files: allFiles, syntaxIssues, ...documents, ...indexes };
}

/** The cross-file indexes: effective sysctls, the Kubernetes model, linked networks, NAT evidence. */
function linkDocuments(documents: LanguageDocuments, input: BuildWorkspaceInput): WorkspaceIndexes {
  const kubernetes = indexKubernetes(documents.kubernetesObjects);
  documents.networks = linkOverlayNetworks(documents.networks);
  const nat = collectNatEvidence({
    kubernetes,
    rancher: documents.rancher,
    yaml: documents.yaml,
    nginx: documents.nginxModels,
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
