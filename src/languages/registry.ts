import type { LanguageId, WorkspaceFile } from '../model/workspace.js';
import { parseKubernetesFiles } from './adapters/kubernetes.js';
import { parseNetworkFiles } from './adapters/network.js';
import { parseNginxFiles } from './adapters/nginx.js';
import { parseSysctlFiles } from './adapters/sysctl.js';
import type { LanguageDefinition } from './adapters/types.js';

export type { LanguageDefinition, LanguageParseResult, ParseContext, ReachedFile } from './adapters/types.js';

/** One entry per language: how its classified files become typed documents and syntax issues. */
export const LANGUAGES: Record<LanguageId, LanguageDefinition> = {
  nginx: { id: 'nginx', label: 'nginx/Tengine', parse: parseNginxFiles },
  sysctl: { id: 'sysctl', label: 'sysctl', parse: parseSysctlFiles },
  kubernetes: { id: 'kubernetes', label: 'Kubernetes YAML', parse: parseKubernetesFiles },
  network: { id: 'network', label: 'CNI/network', parse: parseNetworkFiles },
};

/** Whether `#` starts a comment in this file, so inline suppressions can be written in it (not in JSON). */
export function hasHashComments(file: WorkspaceFile): boolean {
  return file.language === 'nginx' || file.language === 'sysctl' || !/^\s*[[{]/.test(file.text);
}
