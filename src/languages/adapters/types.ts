import type { SyntaxIssue } from '../../core/syntax.js';
import type { FileHost } from '../../core/host.js';
import type { DirectiveTable } from '../nginx/directives/index.js';
import type { WorkspaceDocuments, WorkspaceFile } from '../../model/workspace.js';

export interface ParseContext {
  host: FileHost;
  /** The unit's nginx directive table: the built-in one plus the config's `nginx.directives`. */
  nginxDirectives: DirectiveTable;
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
