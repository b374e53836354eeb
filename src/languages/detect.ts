import { CONFIG_FILE_NAMES } from '../core/config-files.js';
import { INVALID_JSON, type ContentProbe, type PathParts } from './language.js';
import { LANGUAGES, type LanguageId } from './registry.js';

/**
 * Which language a file is, from its path and, when the path is ambiguous, its content. Each
 * language says how it recognises its files (`detection` in its definition); this module asks
 * them all and settles between their claims.
 */
export interface PathMatch {
  language: LanguageId;
  strength: 'strong' | 'hint';
}

/** The last path split: discovery asks about each file's path several times in a row. */
let lastSplit: { path: string; parts: PathParts } | undefined;

function splitPath(path: string): PathParts {
  if (lastSplit?.path === path) return lastSplit.parts;
  const dirs: string[] = [];
  for (const segment of (path.includes('\\') ? path.replace(/\\/g, '/') : path).toLowerCase().split('/')) {
    if (segment !== '' && segment !== '.') dirs.push(segment);
  }
  const base = dirs.pop() ?? '';
  const dot = base.lastIndexOf('.');
  const parts: PathParts = { dirs, base, ext: dot > 0 ? base.slice(dot) : '' };
  lastSplit = { path, parts };
  return parts;
}

/** Languages by how strongly a path names them: the strong claim with the lowest precedence, else the first hint. */
const BY_PATH_PRECEDENCE = [...LANGUAGES].sort((a, b) => a.definition.detection.pathPrecedence - b.definition.detection.pathPrecedence);

export function classifyByPath(path: string): PathMatch | undefined {
  const parts = splitPath(path);
  let hint: LanguageId | undefined;
  for (const { id, definition } of BY_PATH_PRECEDENCE) {
    const strength = definition.detection.byPath(parts);
    if (strength === 'strong') return { language: id, strength };
    if (strength === 'hint') hint ??= id;
  }
  return hint === undefined ? undefined : { language: hint, strength: 'hint' };
}

const CONTENT_EXTENSIONS = new Set(LANGUAGES.flatMap((language) => language.definition.detection.contentExtensions));

/** Whether a file that the path does not settle is worth reading to look at its content. */
export function isContentCandidate(path: string): boolean {
  const { ext, base } = splitPath(path);
  if (CONFIG_FILE_NAMES.includes(base)) return false;
  return CONTENT_EXTENSIONS.has(ext);
}

function probeOf(parts: PathParts, text: string): ContentProbe | undefined {
  const format = parts.ext === '.yaml' || parts.ext === '.yml' ? 'yaml' : parts.ext === '.json' || text.trimStart().startsWith('{') ? 'json' : 'conf';
  // Helm and other templates are not YAML until rendered.
  if (format === 'yaml' && parts.dirs.includes('templates') && text.includes('{{')) return undefined;
  let json: unknown;
  let lines: readonly string[] | undefined;
  return {
    text,
    format,
    json() {
      if (json === undefined) {
        try {
          json = JSON.parse(text);
        } catch {
          json = INVALID_JSON;
        }
      }
      return json;
    },
    significantLines() {
      lines ??= text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '' && !/^\s*[#;]/.test(line)).slice(0, 200);
      return lines;
    },
  };
}

/** The language whose content claim ranks first (a lower rank is a surer sign). */
export function classifyByContent(path: string, text: string): LanguageId | undefined {
  const parts = splitPath(path);
  const probe = probeOf(parts, text);
  if (!probe) return undefined;
  let best: { id: LanguageId; rank: number } | undefined;
  for (const { id, definition } of LANGUAGES) {
    const rank = definition.detection.byContent(parts, probe);
    if (rank !== undefined && (best === undefined || rank < best.rank)) best = { id, rank };
  }
  return best?.id;
}

/** Path first; content when the path only hints or says nothing; the hint when content is silent. */
export function classify(path: string, text: string | undefined): LanguageId | undefined {
  const byPath = classifyByPath(path);
  if (byPath?.strength === 'strong') return byPath.language;
  const byContent = text === undefined ? undefined : classifyByContent(path, text);
  return byContent ?? byPath?.language;
}
