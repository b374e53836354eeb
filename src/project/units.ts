import { dirname } from 'node:path';
import type { SyntaxIssue } from '../core/syntax.js';
import type { WorkspaceFile } from '../link/index.js';
import { findConfigFile, loadConfigFile } from './config/load.js';
import type { LoadedConfig } from './config/types.js';

/**
 * One directory with its own config and the files below it: its environment and rule settings
 * apply to them, and cross-file rules correlate files of one unit only.
 */
export interface LintUnit {
  loaded: LoadedConfig;
  files: WorkspaceFile[];
  issues: SyntaxIssue[];
}

/** Groups files by the nearest config file above them; files without one of their own stay with `main`. */
export async function splitIntoUnits(main: LoadedConfig, files: WorkspaceFile[], issues: SyntaxIssue[], cwd: string): Promise<LintUnit[]> {
  const nearest = new Map<string, string | undefined>();
  const configOf = (path: string): string | undefined => {
    const dir = dirname(path);
    if (!nearest.has(dir)) nearest.set(dir, findConfigFile(dir));
    return nearest.get(dir);
  };
  const units = new Map<string, LintUnit>();
  const unitFor = async (path: string): Promise<LintUnit> => {
    const file = configOf(path);
    const key = file === undefined || file === main.file ? '' : file;
    let unit = units.get(key);
    if (!unit) {
      // A config above the one the run started from governs nothing more than the run's own config does.
      const loaded = key === '' || (main.file !== undefined && !key.startsWith(dirname(main.file))) ? main : await loadConfigFile(key, cwd);
      unit = units.get(loaded === main ? '' : key) ?? { loaded, files: [], issues: [] };
      units.set(loaded === main ? '' : key, unit);
    }
    return unit;
  };
  for (const file of files) (await unitFor(file.absolutePath)).files.push(file);
  for (const issue of issues) (await unitFor(issue.file)).issues.push(issue);
  if (units.size === 0) units.set('', { loaded: main, files: [], issues: [] });
  return [...units.values()];
}

