import { parseSysctl } from '../sysctl/index.js';
import type { WorkspaceFile } from '../../model/workspace.js';
import type { LanguageParseResult } from './types.js';

export async function parseSysctlFiles(files: WorkspaceFile[]): Promise<LanguageParseResult> {
  const parsed = files.map((file) => parseSysctl(file.absolutePath, file.text));
  return { documents: { sysctlFiles: parsed }, issues: parsed.flatMap((file) => file.issues) };
}
