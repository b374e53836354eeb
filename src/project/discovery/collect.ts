import type { FileHost } from '../../core/host.js';
import type { SyntaxIssue } from '../../core/syntax.js';
import { classifyByContent, classifyByPath, isContentCandidate } from '../../languages/detect.js';
import type { WorkspaceFile } from '../../link/workspace.js';
import type { LanguageId } from '../../languages/registry.js';
import { fileIssue, readSource } from '../../core/read-source.js';
import type { Target } from './expand.js';

export interface CollectOptions {
  host: FileHost;
  /** The language the config's `files` globs assign to a path, if any. */
  languageOverride: (absolutePath: string) => LanguageId | undefined;
  /** Whether the config's per-language `ignores` drop a file of that language. */
  ignoredAs: (absolutePath: string, language: LanguageId) => boolean;
  displayPath: (absolutePath: string) => string;
  isReported: (absolutePath: string) => boolean;
}

export interface Collected {
  files: WorkspaceFile[];
  issues: SyntaxIssue[];
}

function unknownLanguage(path: string): SyntaxIssue {
  return fileIssue(path, 'hoplint cannot tell which config language this file is; list it under `files.<nginx|sysctl|kubernetes|network>` in hoplint.config.yaml');
}

/**
 * Reads and classifies each target. A file the path or the config says is a config file is
 * always read, and a failure to read it is a syntax issue; a file that only might be one
 * (a `.yaml`, a bare `.conf`) is read to look at its content and skipped when it is not.
 * Files named on the command line are never skipped silently.
 */
export async function collectFiles(targets: readonly Target[], options: CollectOptions): Promise<Collected> {
  const files: WorkspaceFile[] = [];
  const issues: SyntaxIssue[] = [];
  // One file at a time: the disk host reads small files synchronously, so overlapping reads gains nothing.
  for (const { absolutePath, explicit, walkIssue } of targets) {
    if (walkIssue !== undefined) {
      issues.push(fileIssue(absolutePath, walkIssue));
      continue;
    }
    const displayPath = options.displayPath(absolutePath);
    const forced = options.languageOverride(absolutePath);
    const byPath = forced ? { language: forced, strength: 'strong' as const } : classifyByPath(displayPath);
    if (!byPath && !explicit && !isContentCandidate(displayPath)) continue;
    const read = await readSource(options.host, absolutePath, { explicit });
    if (!read.ok) {
      if (byPath || explicit) issues.push(read.issue);
      continue;
    }
    const language = byPath?.strength === 'strong' ? byPath.language : (classifyByContent(displayPath, read.text) ?? byPath?.language);
    if (!language) {
      if (explicit) issues.push(unknownLanguage(absolutePath));
      continue;
    }
    if (options.ignoredAs(absolutePath, language)) continue;
    issues.push(...read.issues);
    files.push({ path: displayPath, absolutePath, language, text: read.text, reported: options.isReported(absolutePath) });
  }
  return { files, issues };
}
