import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import picomatch from 'picomatch';
import { compareFindings, type Finding, type Severity } from '../core/finding.js';
import { diskHost, type FileHost } from '../core/host.js';
import { overlayHost } from '../core/overlay-host.js';
import { displayPathFrom, globMatcher } from '../core/paths.js';
import type { SourceRange } from '../core/source.js';
import { didYouMean } from '../core/suggest.js';
import { UNUSED_DISABLE_RULE_ID } from '../engine/builtin-rules.js';
import type { RegisteredRule, RuleRegistry } from '../engine/registry.js';
import type { Rule } from '../engine/rule.js';
import { runRules, toFinding } from '../engine/runner.js';
import { applySuppressions, parseSuppressionComments, type SuppressedFinding, type SuppressionComment } from '../engine/suppressions.js';
import type { LanguageSettings } from '../languages/language.js';
import { declaredDirectives, DirectiveTable } from '../languages/nginx/index.js';
import { LANGUAGE_IDS, languageDefinition, type LanguageId } from '../languages/registry.js';
import { buildWorkspace, type WorkspaceFile } from '../link/index.js';
import { resolveConfig, type ConfigChoice } from './config/load.js';
import { resolveRuleSettings, type RuleOverride, type RuleSettings } from './config/rule-settings.js';
import type { HoplintConfig, LoadedConfig } from './config/types.js';
import { collectFiles } from './discovery/collect.js';
import { expandTargets, type Target } from './discovery/expand.js';
import { configuredRules, uniqueRules } from './policies.js';
import { createRegistry } from './registry.js';
import { splitIntoUnits } from './units.js';

export interface LintOptions extends ConfigChoice {
  /** Directory paths are resolved against and reports are relative to (default `process.cwd()`). */
  cwd?: string;
  /** Files, directories and globs (default `['.']`). */
  paths?: string[];
  /** `--rule id=severity`, applied last. */
  ruleOverrides?: RuleOverride[];
  /** Report suppression comments that suppress nothing (at the given severity, or the rule's). */
  reportUnusedDisables?: boolean | Severity;
  /** Lint this text as the file `filename` instead of `paths`. */
  stdin?: { text: string | Uint8Array; filename: string };
  host?: FileHost;
  /** Skip .gitignored paths while walking directories (default true). */
  gitignore?: boolean;
  /** Rules besides the shipped ones (plugins, a rule under test); they replace shipped rules with the same id. */
  extraRules?: Rule<object>[];
  /** Include the rules under `rules/` (default true). */
  shippedRules?: boolean;
  /** `--policy FILE`: policy files besides the config's `policies` (relative to `cwd`). */
  policyFiles?: string[];
  /** Whether findings in a file are reported (default: all). */
  isReported?: (absolutePath: string) => boolean;
  /**
   * Files, directories and globs read as context only: cross-file rules see them, their findings
   * are not reported. `paths` (or `stdin`) then name what is reported, and a file in `paths` that
   * hoplint does not recognise as a config is skipped as in a directory walk, since a hook passes
   * every changed file.
   */
  contextPaths?: string[];
}

export interface LintedFile {
  /** As displayed: relative to the cwd. */
  path: string;
  absolutePath: string;
  language?: LanguageId;
  /** Absent when the file could not be read. */
  text?: string;
}

export interface LintResult {
  cwd: string;
  /** Absolute path of the config file used, if any. */
  configFile?: string;
  /** Every reported file that was linted or failed to read, in path order. */
  files: LintedFile[];
  /** Sorted by file, line, column; paths as displayed. */
  findings: Finding[];
  suppressed: SuppressedFinding[];
  registry: RuleRegistry;
  /** The language settings of the unit a file belongs to (built-in ones for a file no unit linted). */
  languageSettingsFor(absolutePath: string): LanguageSettings;
  /** The rules that were on, with their severity and options. */
  settings: RuleSettings;
  /** The rules that were on, in registry order. */
  enabledRules: RegisteredRule[];
}

function configSearchStart(cwd: string, options: LintOptions): string {
  if (options.stdin && !options.contextPaths?.length) return dirname(resolve(cwd, options.stdin.filename));
  const first = options.contextPaths?.[0] ?? options.paths?.[0] ?? '.';
  const path = resolve(cwd, picomatch.scan(first).isGlob ? picomatch.scan(first).base || '.' : first);
  try {
    return statSync(path).isDirectory() ? path : dirname(path);
  } catch {
    return dirname(path);
  }
}

function ignoresOf(config: HoplintConfig): { all: string[]; byLanguage: Partial<Record<LanguageId, string[]>> } {
  const ignores = config.ignores;
  if (ignores === undefined) return { all: [], byLanguage: {} };
  if (Array.isArray(ignores)) return { all: ignores, byLanguage: {} };
  const { all = [], ...byLanguage } = ignores;
  return { all, byLanguage };
}

function clientsBehindSnatLocation(loaded: LoadedConfig): { clientsBehindSnatAt?: SourceRange } {
  if (!loaded.file || loaded.config.environment?.clientsBehindSnat === undefined) return {};
  const { line, column } = loaded.locate(['environment', 'clientsBehindSnat']);
  const length = String(loaded.config.environment.clientsBehindSnat).length;
  return { clientsBehindSnatAt: { file: loaded.file, line, column, endLine: line, endColumn: column + length } };
}

/**
 * The context walk's files in walk order (sysctl load order and include roots follow it), then the
 * reported files the walk did not reach. Reported files count as found by walking, not named, so
 * an unrecognised one is skipped; a stdin text keeps its explicit standing.
 */
function withContext(reported: Target[], context: Target[], keepExplicit: boolean): Target[] {
  const merged = new Map<string, Target>(context.map((target) => [target.absolutePath, { ...target, explicit: false }]));
  for (const target of reported) merged.set(target.absolutePath, { ...target, explicit: keepExplicit && target.explicit });
  return [...merged.values()];
}

/** Lints files, directories and globs (or one text from stdin) with the configured rules. */
export async function lint(options: LintOptions = {}): Promise<LintResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const loaded = await resolveConfig(cwd, options, configSearchStart(cwd, options));
  const { config, root } = loaded;
  // Policies and plugins come from config files and the command line only, never from a linted file.
  const rulesOf = async (unitConfig: LoadedConfig): Promise<Rule<object>[]> =>
    uniqueRules([options.extraRules ?? [], await configuredRules(unitConfig, { cwd, policyFiles: options.policyFiles })]);
  const unitRules = new Map<LoadedConfig, Rule<object>[]>([[loaded, await rulesOf(loaded)]]);
  let registry = createRegistry(unitRules.get(loaded), options.shippedRules ?? true);
  const settings = resolveRuleSettings(registry, loaded, options.ruleOverrides, options.reportUnusedDisables);
  const displayPath = displayPathFrom(cwd);
  let isReported = options.isReported ?? (() => true);

  const ignores = ignoresOf(config);
  const ignoredEverywhere = globMatcher(root, ignores.all);
  const languageFiles = LANGUAGE_IDS.map((id) => ({ id, matches: globMatcher(root, config.files?.[id]) }));
  const ignoredByLanguage = Object.fromEntries(LANGUAGE_IDS.map((id) => [id, globMatcher(root, ignores.byLanguage[id])])) as Record<LanguageId, (path: string) => boolean>;

  let host = options.host ?? diskHost;
  let targets: Target[];
  if (options.stdin) {
    const absolutePath = resolve(cwd, options.stdin.filename);
    const bytes = typeof options.stdin.text === 'string' ? new TextEncoder().encode(options.stdin.text) : options.stdin.text;
    host = overlayHost(host, new Map([[absolutePath, bytes]]));
    targets = [{ absolutePath, explicit: true }];
  } else {
    targets = await expandTargets(options.paths && options.paths.length > 0 ? options.paths : ['.'], {
      cwd,
      gitignore: options.gitignore ?? true,
      isIgnored: ignoredEverywhere,
    });
  }
  if (options.contextPaths && options.contextPaths.length > 0) {
    const context = await expandTargets(options.contextPaths, { cwd, gitignore: options.gitignore ?? true, isIgnored: ignoredEverywhere });
    const reportedPaths = new Set(targets.map((target) => target.absolutePath));
    const reportedByOption = isReported;
    isReported = (absolutePath) => reportedPaths.has(absolutePath) && reportedByOption(absolutePath);
    targets = withContext(targets, context, options.stdin !== undefined);
  }

  const collected = await collectFiles(targets, {
    host,
    languageOverride: (path) => languageFiles.find((entry) => entry.matches(path))?.id,
    ignoredAs: (path, language) => ignoredByLanguage[language](path),
    displayPath,
    isReported,
  });
  // Each directory with its own config is a unit: its environment and rule settings apply to the
  // files below it, and cross-file rules correlate files of one unit only.
  const units = options.config !== undefined || options.configFile !== undefined || options.noConfig || options.stdin
    ? [{ loaded, files: collected.files, issues: collected.issues }]
    : await splitIntoUnits(loaded, collected.files, collected.issues, cwd);
  const raw: Finding[] = [];
  const workspaceFiles: WorkspaceFile[] = [];
  const settingsByFile = new Map<string, LanguageSettings>();
  let enabled = settings;
  for (const unit of units) {
    if (!unitRules.has(unit.loaded)) unitRules.set(unit.loaded, await rulesOf(unit.loaded));
    const unitRegistry = unit.loaded === loaded ? registry : createRegistry(unitRules.get(unit.loaded), options.shippedRules ?? true);
    const unitSettings = unit.loaded === loaded ? settings : resolveRuleSettings(unitRegistry, unit.loaded, options.ruleOverrides, options.reportUnusedDisables);
    if (unit.loaded !== loaded) enabled = new Map([...enabled, ...unitSettings]);
    const unitConfig = unit.loaded.config;
    const nginxDirectives = DirectiveTable.builtin.with(declaredDirectives(unitConfig.nginx?.directives));
    const workspace = await buildWorkspace({
      root: unit.loaded.root,
      environment: unitConfig.environment ?? {},
      files: unit.files,
      readIssues: unit.issues,
      host,
      nginxDirectives,
      displayPath,
      isReported,
      ...clientsBehindSnatLocation(unit.loaded),
    });
    for (const finding of runRules(workspace, unitRegistry, unitSettings)) raw.push(finding); // a spread of 130,000 findings overflows the stack
    workspaceFiles.push(...workspace.files);
    for (const file of workspace.files) settingsByFile.set(file.absolutePath, { nginxDirectives });
  }
  if (unitRules.size > 1) registry = createRegistry(uniqueRules([...unitRules.values()]), options.shippedRules ?? true);
  const comments = new Map<string, SuppressionComment[]>();
  for (const file of workspaceFiles) {
    if (languageDefinition(file.language).hasHashComments(file.text)) comments.set(file.absolutePath, parseSuppressionComments(file.absolutePath, file.text));
  }
  const suppression = applySuppressions(raw, comments, (id) => registry.has(id), (id) => didYouMean(id, registry.ids()));
  const unusedSetting = enabled.get(UNUSED_DISABLE_RULE_ID);
  const unusedFindings = unusedSetting ? suppression.unused.map((unused) => toFinding(UNUSED_DISABLE_RULE_ID, unusedSetting.severity, unused)) : [];

  const fileByPath = new Map<string, WorkspaceFile>(workspaceFiles.map((file) => [file.absolutePath, file]));
  const reported = (finding: Finding): boolean => fileByPath.get(finding.file)?.reported ?? isReported(finding.file);
  const relocate = <T extends Finding>(finding: T): T => ({
    ...finding,
    file: displayPath(finding.file),
    ...(finding.related ? { related: finding.related.map((related) => ({ ...related, file: displayPath(related.file) })) } : {}),
    ...(finding.fix ? { fix: { ...finding.fix, edits: finding.fix.edits.map((edit) => ({ ...edit, file: displayPath(edit.file) })) } } : {}),
  });
  const findings = [...suppression.kept, ...unusedFindings].filter(reported).map(relocate);
  const suppressed = suppression.suppressed.filter(reported).map(relocate);

  const files = new Map<string, LintedFile>();
  for (const file of workspaceFiles) {
    if (file.reported) files.set(file.absolutePath, { path: file.path, absolutePath: file.absolutePath, language: file.language, text: file.text });
  }
  for (const issue of collected.issues) {
    if (!files.has(issue.file) && isReported(issue.file)) files.set(issue.file, { path: displayPath(issue.file), absolutePath: issue.file });
  }

  return {
    cwd,
    configFile: loaded.file,
    files: [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    findings: findings.sort(compareFindings),
    suppressed,
    registry,
    settings: enabled,
    enabledRules: registry.all().filter(({ rule }) => enabled.has(rule.meta.id)),
    languageSettingsFor: (absolutePath) => settingsByFile.get(absolutePath) ?? { nginxDirectives: DirectiveTable.builtin },
  };
}
