import { basename } from 'node:path';
import { CodeActionKind, TextDocuments, type CodeAction, type Connection, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAMES } from '../core/config-files.js';
import { classify } from '../languages/detect.js';
import { DirectiveTable } from '../languages/nginx/index.js';
import { initialize, watchFiles } from './capabilities.js';
import { FIX_ALL_KIND, quickFixes, type ActionContext } from './code-actions.js';
import { fixAllAction } from './fix-all.js';
import { guardWith, type Guard } from './guard.js';
import { hoverAt } from './hover.js';
import { DiagnosticsPublisher } from './publisher.js';
import { Session } from './session.js';
import { UnitResolver } from './units.js';
import { uriToPath } from './uri.js';

export interface ServerOptions {
  /** Delay between a change and its lint; `initializationOptions.debounceMs` overrides it. */
  debounceMs?: number;
}

const DEFAULT_DEBOUNCE_MS = 0;

function isConfigFile(path: string): boolean {
  return CONFIG_FILE_NAMES.includes(basename(path));
}

interface Server {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  session: Session;
  publisher: DiagnosticsPublisher;
  guard: Guard;
}

/** initialize, initialized (file watching, workspace folders) and shutdown. */
function handleLifecycle({ connection, session, publisher, guard }: Server): void {
  connection.onInitialize(guard('initialize', { capabilities: {} } as InitializeResult, (params) => initialize(session, params)));
  connection.onInitialized(
    guard('initialized', undefined, async () => {
      if (session.watchesFiles) await watchFiles(connection);
      if (session.followsFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(
          guard('workspace folders', undefined, (event) => {
            const removed = new Set(event.removed.map((folder) => uriToPath(folder.uri)));
            session.folders = [...session.folders.filter((folder) => !removed.has(folder)), ...event.added.map((folder) => uriToPath(folder.uri)).filter((path): path is string => path !== undefined)];
            session.latest.clear();
            publisher.scheduleAll();
          }),
        );
      }
    }),
  );
  connection.onShutdown(guard('shutdown', undefined, () => publisher.shutdown()));
}

/** Buffers opened, changed, closed and saved, and files changed on disk: what to lint again. */
function handleChanges({ connection, documents, session, publisher, guard }: Server): void {
  documents.onDidChangeContent(guard('change', undefined, (event) => publisher.scheduleBuffer(event.document)));
  documents.onDidClose(
    guard('close', undefined, (event) => {
      void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
      // The other buffers of its unit now see the file as it is on disk.
      const unit = session.linter.unitOf(event.document);
      if (unit && !unit.key.startsWith('buffer:')) publisher.scheduleUnit(unit);
      else if (unit) session.latest.delete(unit.key);
    }),
  );
  documents.onDidSave(
    guard('save', undefined, (event) => {
      const path = uriToPath(event.document.uri);
      if (path !== undefined && isConfigFile(path)) {
        session.forgetUnits();
        publisher.scheduleAll();
      }
    }),
  );
  connection.onDidChangeWatchedFiles(
    guard('watched files', undefined, (params) => {
      const paths = params.changes.map((change) => uriToPath(change.uri)).filter((path): path is string => path !== undefined);
      if (paths.some(isConfigFile)) {
        session.forgetUnits();
        publisher.scheduleAll();
        return;
      }
      for (const buffer of documents.all()) {
        const unit = session.linter.unitOf(buffer);
        if (unit && paths.some((path) => UnitResolver.covers(unit, path))) publisher.scheduleUnit(unit);
      }
    }),
  );
}

/** Quick fixes and suppressions at the cursor; the whole file's safe fixes when asked for by kind. */
function handleCodeActions({ connection, documents, session, guard }: Server): void {
  connection.onCodeAction(
    guard('code action', [] as CodeAction[], async (params) => {
      const buffer = documents.get(params.textDocument.uri);
      if (!buffer) return [];
      const current = await session.currentLint(buffer);
      if (!current) return [];
      const only = params.context.only;
      const wants = (kind: string): boolean => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
      const context: ActionContext = { uri: buffer.uri, path: current.path, linted: current.linted, uriOf: (path) => session.uriOf(path) };
      const actions = wants(CodeActionKind.QuickFix) ? quickFixes(params.range, context) : [];
      // Fixing a whole file re-lints it per pass: only when asked for by kind (on save, or the Source Action menu), not on every cursor move.
      if (only && wants(FIX_ALL_KIND)) {
        const fixAll = await fixAllAction(session.linter, buffer, current.path, current.linted);
        if (fixAll) actions.push(fixAll);
      }
      return actions;
    }),
  );
}

/** The findings under the cursor, and what the file's language says about the token there. */
function handleHover({ connection, documents, session, guard }: Server): void {
  connection.onHover(
    guard('hover', null, async (params) => {
      const buffer = documents.get(params.textDocument.uri);
      if (!buffer) return null;
      const current = await session.currentLint(buffer);
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
}

/**
 * The hoplint language server over an LSP connection: diagnostics from the engine on open and
 * change, quick fixes and suppressions as code actions, and hovers that explain findings, nginx
 * directives and sysctl keys. Every handler is guarded: an exception is logged, never fatal.
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const session = new Session(documents, options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
  const server: Server = { connection, documents, session, publisher: new DiagnosticsPublisher(connection, session), guard: guardWith(connection) };
  handleLifecycle(server);
  handleChanges(server);
  handleCodeActions(server);
  handleHover(server);
  documents.listen(connection);
  connection.listen();
}
