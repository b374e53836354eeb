import type { SyntaxIssue } from '../../core/syntax.js';
import type { FileHost } from '../../core/host.js';
import type { DirectiveSpec } from '../nginx/directives/types.js';
import type { WorkspaceDocuments, WorkspaceFile } from '../../model/workspace.js';

export interface ParseContext {
  host: FileHost;
  /** Third-party nginx directives declared under `nginx.directives` in the config. */
  nginxDirectives: DirectiveSpec[];
}

/** A file a language read on its own, e.g. an nginx `include` target outside the linted paths. */
export interface ReachedFile {
  absolutePath: string;
  text: string;
}

export interface LanguageParseResult {
  documents: Partial<WorkspaceDocuments>;
  issues: SyntaxIssue[];
  reached?: ReachedFile[];
}

/** One config language: how its classified files become typed documents and syntax issues. */
export interface LanguageDefinition {
  id: WorkspaceFile['language'];
  label: string;
  parse(files: WorkspaceFile[], context: ParseContext): Promise<LanguageParseResult>;
}
