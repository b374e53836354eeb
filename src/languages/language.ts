import type { FileHost } from '../core/host.js';
import type { Position, SourceRange } from '../core/source.js';
import type { SyntaxIssue } from '../core/syntax.js';
import type { LanguageDocuments } from './documents.js';
import type { DirectiveTable } from './nginx/index.js';

/** A file a language is handed: already read and classified as that language. */
export interface SourceFile {
  /** As displayed in reports: relative to the working directory, `/`-separated. */
  path: string;
  absolutePath: string;
  /** Decoded text; empty when the file could not be read. */
  text: string;
  /** Whether findings in this file are reported (pre-commit and `--changed-since` lint a subset). */
  reported: boolean;
}

/** Per-unit facts the languages read, from the unit's config; nothing here outlives the unit. */
export interface LanguageSettings {
  /** The unit's nginx directive table: the built-in one plus the config's `nginx.directives`. */
  nginxDirectives: DirectiveTable;
}

/** What parsing a unit's files is given: where to read (nginx follows includes) and the unit's settings. */
export interface ParseContext extends LanguageSettings {
  host: FileHost;
}

/** A file a language read on its own, e.g. an nginx `include` target outside the linted paths. */
export interface ReachedFile {
  absolutePath: string;
  text: string;
}

export interface LanguageParseResult {
  documents: Partial<LanguageDocuments>;
  issues: SyntaxIssue[];
  reached?: ReachedFile[];
}

/** A path split the way detection reads it: lower-cased directory names, base name and extension. */
export interface PathParts {
  dirs: readonly string[];
  base: string;
  /** From the last dot of the base name (`.conf`), or empty. */
  ext: string;
}

/**
 * What detection may ask about a file's content, computed at most once per file whatever
 * number of languages ask: its format by extension and first character, the JSON value, and
 * the lines that are neither blank nor comments.
 */
export interface ContentProbe {
  text: string;
  /** `yaml` for `.yaml`/`.yml`, `json` for `.json` or a text starting with `{`, else `conf`. */
  format: 'yaml' | 'json' | 'conf';
  /** The parsed JSON value, or `invalid` when the text does not parse. */
  json(): unknown;
  /** Up to 200 lines that are not blank and do not start with `#` or `;`. */
  significantLines(): readonly string[];
}

export const INVALID_JSON: unique symbol = Symbol('invalid JSON');

/**
 * How a language recognises its files. A `strong` path match decides alone; a `hint` yields to
 * clear content. Content claims carry a rank: the lowest rank among the languages that claim a
 * text wins (a YAML with `apiVersion` and `kind` is Kubernetes before anything else).
 */
export interface LanguageDetection {
  /** When the path alone names two languages strongly (`sysctl.d/nginx.conf`), the lower number wins. */
  pathPrecedence: number;
  /** Extensions of files that are read to look at their content when the path does not settle them. */
  contentExtensions: readonly string[];
  byPath(parts: PathParts): 'strong' | 'hint' | undefined;
  byContent(parts: PathParts, probe: ContentProbe): number | undefined;
}

/** A hover question: where the cursor is (1-based, UTF-16 columns) in a file of this language. */
export interface HoverQuery {
  path: string;
  text: string;
  position: Position;
  settings: LanguageSettings;
}

/** What a language says about the token under the cursor, as Markdown, and the token's range. */
export interface HoverAnswer {
  markdown: string;
  range: SourceRange;
}

/** One config language: everything the pipeline needs to know about it. */
export interface LanguageDefinition {
  /** How reports and messages name it, e.g. `nginx/Tengine`. */
  label: string;
  detection: LanguageDetection;
  /** Classified files become typed documents and syntax issues. */
  parse(files: SourceFile[], context: ParseContext): Promise<LanguageParseResult>;
  /** Whether `#` starts a comment in this text, so inline suppressions can be written in it (not in JSON). */
  hasHashComments(text: string): boolean;
  /** Editor hover on a token of the language (a directive name, a sysctl key). */
  hover?(query: HoverQuery): HoverAnswer | undefined;
}
