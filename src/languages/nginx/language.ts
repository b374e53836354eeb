import { basename } from 'node:path';
import type { SyntaxIssue } from '../../core/syntax.js';
import type { NginxConfig } from './ast.js';
import { loadNginxConfig } from './index.js';
import type { DirectiveTable } from './directives/index.js';
import type { NginxParseError } from './ast.js';
import type { LanguageDefinition, LanguageParseResult, ParseContext, ReachedFile, SourceFile } from '../language.js';
import { isNginxIncludeOnlyName, nginxDetection } from './detect.js';
import { nginxHover } from './hover.js';
import { buildNginxModel } from './model/index.js';

const MAIN_ONLY = /^\s*(?:http|events|stream|mail)\s*\{|^\s*(?:worker_processes|worker_rlimit_nofile|load_module|daemon|pid|user|env)\s/m;
const SERVER_LEVEL = /^\s*location\s/m;
const SERVER_BLOCK = /^\s*server\s*\{/m;

/**
 * The block a stand-alone file is read in. `nginx.conf` is the main context; a `conf.d/` or
 * `sites-enabled/` file holding `server {}` blocks is an `http {}` body; a snippet of
 * `location`s is a `server {}` body.
 */
export function inferNginxContext(file: SourceFile): string[] {
  const name = basename(file.absolutePath).toLowerCase();
  if (name === 'nginx.conf' || name === 'tengine.conf') return [];
  if (isNginxIncludeOnlyName(name)) return ['http'];
  if (MAIN_ONLY.test(file.text)) return [];
  if (SERVER_LEVEL.test(file.text) && !SERVER_BLOCK.test(file.text)) return ['http', 'server'];
  return ['http'];
}

/** The rule that reports directives the unit's table does not know; the analyzer's errors are its findings. */
export const UNKNOWN_DIRECTIVE_RULE_ID = 'nginx/unknown-directive';

const NAME_IN_MESSAGE = /"([^"]+)"/;

/** An unknown directive as a finding of its rule, with the closest name the unit's table knows. */
function unknownDirectiveIssue(config: NginxConfig, error: NginxParseError, table: DirectiveTable): SyntaxIssue {
  const text = config.files.get(error.file)?.text;
  const name = text?.slice(error.start, error.end) || NAME_IN_MESSAGE.exec(error.message)?.[1] || '';
  const suggestion = table.suggest(name);
  const hint = suggestion ? `; did you mean "${suggestion}"?` : '; if a third-party module provides it, declare it under nginx.directives in hoplint.config.yaml';
  return {
    file: error.file,
    line: error.line,
    column: error.column,
    endLine: error.endLine,
    endColumn: error.endColumn,
    start: error.start,
    end: error.end,
    message: `unknown directive "${name}"${hint}`,
    ruleId: UNKNOWN_DIRECTIVE_RULE_ID,
  };
}

function rootPriority(file: SourceFile): number {
  const context = inferNginxContext(file);
  if (context.length === 0) return basename(file.absolutePath).toLowerCase() === 'nginx.conf' ? 0 : 1;
  return isNginxIncludeOnlyName(file.absolutePath) ? 3 : 2;
}

/** Largest trees first; a tree whose root another kept tree includes is linted in that tree's context. */
function keepOutermost(configs: NginxConfig[]): NginxConfig[] {
  const kept: NginxConfig[] = [];
  const reached = new Set<string>();
  for (const config of [...configs].sort((a, b) => b.files.size - a.files.size)) {
    if (reached.has(config.root)) continue;
    kept.push(config);
    for (const file of config.files.keys()) reached.add(file);
  }
  return configs.filter((config) => kept.includes(config));
}

export async function parseNginxFiles(files: SourceFile[], context: ParseContext): Promise<LanguageParseResult> {
  const ordered = [...files].sort((a, b) => rootPriority(a) - rootPriority(b));
  const covered = new Set<string>();
  const configs: NginxConfig[] = [];
  for (const file of ordered) {
    if (covered.has(file.absolutePath)) continue;
    const config = await loadNginxConfig(file.absolutePath, { host: context.host, context: inferNginxContext(file), directives: context.nginxDirectives });
    configs.push(config);
    for (const path of config.files.keys()) covered.add(path);
  }
  const roots = keepOutermost(configs);

  const issues: SyntaxIssue[] = [];
  const reached: ReachedFile[] = [];
  const known = new Set(files.map((file) => file.absolutePath));
  for (const config of roots) {
    for (const error of config.errors) {
      if (error.code === 'unknown-directive') {
        issues.push(unknownDirectiveIssue(config, error, context.nginxDirectives));
        continue;
      }
      issues.push({ file: error.file, line: error.line, column: error.column, endLine: error.endLine, endColumn: error.endColumn, start: error.start, end: error.end, message: error.message });
    }
    for (const [path, parsed] of config.files) {
      if (known.has(path)) continue;
      known.add(path);
      reached.push({ absolutePath: path, text: parsed.text });
    }
  }
  return { documents: { nginx: roots, nginxModels: roots.map((config) => buildNginxModel(config)) }, issues, reached };
}

export const nginxLanguage: LanguageDefinition = {
  label: 'nginx/Tengine',
  detection: nginxDetection,
  parse: parseNginxFiles,
  hasHashComments: () => true,
  hover: nginxHover,
};
