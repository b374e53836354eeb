import type { LanguageDefinition, LanguageParseResult, SourceFile } from '../language.js';
import { sysctlDetection } from './detect.js';
import { sysctlHover } from './hover.js';
import { parseSysctl } from './parser.js';

export async function parseSysctlFiles(files: SourceFile[]): Promise<LanguageParseResult> {
  const parsed = files.map((file) => parseSysctl(file.absolutePath, file.text));
  return { documents: { sysctlFiles: parsed }, issues: parsed.flatMap((file) => file.issues) };
}

export const sysctlLanguage: LanguageDefinition = {
  label: 'sysctl',
  detection: sysctlDetection,
  parse: parseSysctlFiles,
  hasHashComments: () => true,
  hover: sysctlHover,
};
