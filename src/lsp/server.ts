import { basename, resolve } from 'node:path';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAMES } from '../core/config-files.js';
import { ConfigError } from '../core/errors.js';
import { lintAndFix } from '../project/fix.js';
import { packageVersion } from '../core/package-root.js';
import { classify } from '../languages/detect.js';
import { DirectiveTable } from '../languages/nginx/index.js';
import { FIX_ALL_KIND, quickFixes, type ActionContext } from './code-actions.js';
import { toDiagnostic } from './diagnostics.js';
import { hoverAt } from './hover.js';
import { WorkspaceLinter, type LintedUnit, type OpenBuffer } from './linter.js';
import { KeyedScheduler } from './scheduler.js';
import { UnitResolver, type LintUnit } from './units.js';
import { pathToUri, uriToPath } from './uri.js';

export interface ServerOptions {
  /** Delay between a change and its lint; `initializationOptions.debounceMs` overrides it. */
  debounceMs?: number;
}

/** What the client may pass as `initializationOptions`. */
interface InitializationOptions {
  debounceMs?: unknown;
}

const DEFAULT_DEBOUNCE_MS = 0;

function isConfigFile(path: string): boolean {
  return CONFIG_FILE_NAMES.includes(basename(path));
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * The hoplint language server over an LSP connection: diagnostics from the engine on open and
 * change, quick fixes and suppressions as code actions, and hovers that explain findings, nginx
 * directives and sysctl keys. Every handler is guarded: an exception is logged, never fatal.
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  let folders: string[] = [];
  let debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  let watchesFiles = false;
  let followsFolders = false;
  const units = new UnitResolver(() => folders);
  const buffers = (): OpenBuffer[] => documents.all();
  const linter = new WorkspaceLinter(units, buffers, () => folders[0] ?? process.cwd());
  const latest = new Map<string, LintedUnit>();
  /** Config files that carry an error diagnostic, by the unit whose lint failed on them. */
  const configErrorUris = new Map<string, string>();
  const shownErrors = new Set<string>();
  const scheduler = new KeyedScheduler(
    () => debounceMs,
    (key, error) => connection.console.error(`hoplint: linting ${key} failed: ${describe(error)}`),
  );

  const guard =
    <P, R>(name: string, fallback: R, handler: (params: P) => R | Promise<R>) =>
    async (params: P): Promise<R> => {
      try {
        return await handler(params);
      } catch (error) {
        connection.console.error(`hoplint: ${name} failed: ${describe(error)}`);
        return fallback;
      }
    };

  const uriOf = (path: string): string => documents.all().find((buffer) => uriToPath(buffer.uri) === path)?.uri ?? pathToUri(path);

  /** The buffer's path as the lint of its unit names it (a name made up for an `untitled:` buffer). */
  const pathIn = (buffer: OpenBuffer, unit: LintUnit): string => (unit.key === `buffer:${buffer.uri}` ? unit.paths[0]! : (uriToPath(buffer.uri) ?? unit.paths[0]!));

  function showOnce(message: string): void {
    if (shownErrors.has(message)) return;
    shownErrors.add(message);
    void connection.window.showErrorMessage(`hoplint: ${message}`);
  }

  function publishConfigError(unit: LintUnit, error: ConfigError): void {
    const uri = uriOf(resolve(unit.cwd, error.file));
    const position = { line: Math.max(0, error.line - 1), character: Math.max(0, error.column - 1) };
    const diagnostic: Diagnostic = { range: { start: position, end: position }, severity: 1, source: 'hoplint', code: 'config', message: error.detail };
    configErrorUris.set(unit.key, uri);
    void connection.sendDiagnostics({ uri, diagnostics: [diagnostic] });
  }

  function clearConfigError(unit: LintUnit): void {
    const uri = configErrorUris.get(unit.key);
    if (uri === undefined) return;
    configErrorUris.delete(unit.key);
    if (![...configErrorUris.values()].includes(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  async function lintAndPublish(unit: LintUnit): Promise<void> {
    let linted: LintedUnit;
    try {
      linted = await linter.lintUnit(unit);
    } catch (error) {
      if (error instanceof ConfigError) publishConfigError(unit, error);
      showOnce(error instanceof Error ? error.message : String(error));
      return;
    }
    clearConfigError(unit);
    latest.set(unit.key, linted);
    const registry = linted.result.registry;
    const related = (file: string): string => uriOf(linted.absolute(file));
    for (const buffer of documents.all()) {
      if (linter.unitOf(buffer)?.key !== unit.key) continue;
      // Changed while linting: the scheduler lints again, and that lint publishes.
      if (linted.versions.get(buffer.uri) !== buffer.version) continue;
      const findings = linted.findingsByPath.get(pathIn(buffer, unit)) ?? [];
      void connection.sendDiagnostics({ uri: buffer.uri, version: buffer.version, diagnostics: findings.map((finding) => toDiagnostic(finding, registry, related)) });
    }
  }

  function scheduleUnit(unit: LintUnit): void {
    scheduler.schedule(unit.key, () => lintAndPublish(unit));
  }

  function scheduleBuffer(buffer: OpenBuffer): void {
    const unit = linter.unitOf(buffer);
    if (unit) scheduleUnit(unit);
  }

  function scheduleAll(): void {
    const seen = new Set<string>();
    for (const buffer of documents.all()) {
      const unit = linter.unitOf(buffer);
      if (unit && !seen.has(unit.key)) {
        seen.add(unit.key);
        scheduleUnit(unit);
      }
    }
  }

  /** The lint of the buffer's unit at the buffer's current version, linting now if the last one is older. */
  async function currentLint(buffer: OpenBuffer): Promise<{ linted: LintedUnit; path: string } | undefined> {
    const unit = linter.unitOf(buffer);
    if (!unit) return undefined;
    let linted = latest.get(unit.key);
    if (!linted || linted.versions.get(buffer.uri) !== buffer.version) {
      linted = await linter.lintUnit(unit);
      latest.set(unit.key, linted);
    }
    return { linted, path: pathIn(buffer, unit) };
  }

  async function fixAllAction(buffer: TextDocument, path: string, linted: LintedUnit): Promise<CodeAction | undefined> {
    const fixable = (linted.findingsByPath.get(path) ?? []).filter((finding) => finding.fix?.safety === 'safe');
    if (fixable.length === 0) return undefined;
    const outcome = await lintAndFix(linter.optionsFor(linted.unit).options, {
      safety: 'safe',
      write: false,
      only: (finding) => linted.absolute(finding.file) === path && finding.fix!.edits.every((edit) => linted.absolute(edit.file) === path),
    });
    const fixed = outcome.files.find((file) => file.absolutePath === path);
    if (!fixed) return undefined;
    const end = buffer.positionAt(buffer.getText().length);
    return {
      title: 'Fix all safe hoplint problems in this file',
      kind: FIX_ALL_KIND,
      edit: { changes: { [buffer.uri]: [{ range: { start: { line: 0, character: 0 }, end }, newText: fixed.after.replace(/^\uFEFF/, '') }] } },
    };
  }

  connection.onInitialize(
    guard('initialize', { capabilities: {} } as InitializeResult, (params) => {
      const fromFolders = (params.workspaceFolders ?? []).map((folder) => uriToPath(folder.uri)).filter((path): path is string => path !== undefined);
      const fromRoot = params.rootUri ? uriToPath(params.rootUri) : (params.rootPath ?? undefined);
      folders = fromFolders.length > 0 ? fromFolders : fromRoot ? [fromRoot] : [];
      const init = (params.initializationOptions ?? {}) as InitializationOptions;
      if (typeof init.debounceMs === 'number' && init.debounceMs >= 0) debounceMs = init.debounceMs;
      watchesFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
      followsFolders = params.capabilities.workspace?.workspaceFolders === true;
      const result: InitializeResult = {
        capabilities: {
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
          codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
          hoverProvider: true,
          workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        },
        serverInfo: { name: 'hoplint', version: packageVersion() },
      };
      return result;
    }),
  );

  connection.onInitialized(
    guard('initialized', undefined, async () => {
      if (watchesFiles) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/hoplint.config.{yaml,yml,json}' }, { globPattern: '**/*.{conf,conflist,yaml,yml,json}' }, { globPattern: '**/sysctl.d/**' }],
        });
      }
      if (followsFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(
          guard('workspace folders', undefined, (event) => {
            const removed = new Set(event.removed.map((folder) => uriToPath(folder.uri)));
            folders = [...folders.filter((folder) => !removed.has(folder)), ...event.added.map((folder) => uriToPath(folder.uri)).filter((path): path is string => path !== undefined)];
            latest.clear();
            scheduleAll();
          }),
        );
      }
    }),
  );

  documents.onDidChangeContent(guard('change', undefined, (event) => scheduleBuffer(event.document)));

  documents.onDidClose(
    guard('close', undefined, (event) => {
      void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
      // The other buffers of its unit now see the file as it is on disk.
      const unit = linter.unitOf(event.document);
      if (unit && !unit.key.startsWith('buffer:')) scheduleUnit(unit);
      else if (unit) latest.delete(unit.key);
    }),
  );

  documents.onDidSave(
    guard('save', undefined, (event) => {
      const path = uriToPath(event.document.uri);
      if (path !== undefined && isConfigFile(path)) {
        units.forget();
        latest.clear();
        scheduleAll();
      }
    }),
  );

  connection.onDidChangeWatchedFiles(
    guard('watched files', undefined, (params) => {
      const paths = params.changes.map((change) => uriToPath(change.uri)).filter((path): path is string => path !== undefined);
      if (paths.some(isConfigFile)) {
        units.forget();
        latest.clear();
        scheduleAll();
        return;
      }
      for (const buffer of documents.all()) {
        const unit = linter.unitOf(buffer);
        if (unit && paths.some((path) => UnitResolver.covers(unit, path))) scheduleUnit(unit);
      }
    }),
  );

  connection.onCodeAction(
    guard('code action', [] as CodeAction[], async (params) => {
      const buffer = documents.get(params.textDocument.uri);
      if (!buffer) return [];
      const current = await currentLint(buffer);
      if (!current) return [];
      const only = params.context.only;
      const wants = (kind: string): boolean => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
      const context: ActionContext = { uri: buffer.uri, path: current.path, linted: current.linted, uriOf };
      const actions = wants(CodeActionKind.QuickFix) ? quickFixes(params.range, context) : [];
      // Fixing a whole file re-lints it per pass: only when asked for by kind (on save, or the Source Action menu), not on every cursor move.
      if (only && wants(FIX_ALL_KIND)) {
        const fixAll = await fixAllAction(buffer, current.path, current.linted);
        if (fixAll) actions.push(fixAll);
      }
      return actions;
    }),
  );

  connection.onHover(
    guard('hover', null, async (params) => {
      const buffer = documents.get(params.textDocument.uri);
      if (!buffer) return null;
      const current = await currentLint(buffer);
      const path = current?.path ?? uriToPath(buffer.uri) ?? buffer.uri;
      const text = buffer.getText();
      const language = current?.linted.languageByPath.get(path) ?? classify(path, text);
      return hoverAt({
        path,
        text,
        language,
        position: params.position,
        findings: current?.linted.findingsByPath.get(path) ?? [],
        registry: current?.linted.result.registry,
        settings: current?.linted.result.languageSettingsFor(path) ?? { nginxDirectives: DirectiveTable.builtin },
      });
    }),
  );

  connection.onShutdown(
    guard('shutdown', undefined, async () => {
      await scheduler.idle();
      scheduler.dispose();
    }),
  );

  documents.listen(connection);
  connection.listen();
}
