import { CodeActionKind, DidChangeWatchedFilesNotification, TextDocumentSyncKind, type Connection, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { packageVersion } from '../core/package-root.js';
import { FIX_ALL_KIND } from './code-actions.js';
import type { Session } from './session.js';
import { uriToPath } from './uri.js';

/** What the client may pass as `initializationOptions`. */
interface InitializationOptions {
  debounceMs?: unknown;
}

/** Takes in what the client says about itself at `initialize` and answers with the server's capabilities. */
export function initialize(session: Session, params: InitializeParams): InitializeResult {
  const fromFolders = (params.workspaceFolders ?? []).map((folder) => uriToPath(folder.uri)).filter((path): path is string => path !== undefined);
  const fromRoot = params.rootUri ? uriToPath(params.rootUri) : (params.rootPath ?? undefined);
  session.folders = fromFolders.length > 0 ? fromFolders : fromRoot ? [fromRoot] : [];
  const init = (params.initializationOptions ?? {}) as InitializationOptions;
  if (typeof init.debounceMs === 'number' && init.debounceMs >= 0) session.debounceMs = init.debounceMs;
  session.watchesFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  session.followsFolders = params.capabilities.workspace?.workspaceFolders === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      hoverProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'hoplint', version: packageVersion() },
  };
}

/** After `initialized`: asks the client to report the files a lint depends on. */
export async function watchFiles(connection: Connection): Promise<void> {
  await connection.client.register(DidChangeWatchedFilesNotification.type, {
    watchers: [{ globPattern: '**/hoplint.config.{yaml,yml,json}' }, { globPattern: '**/*.{conf,conflist,yaml,yml,json}' }, { globPattern: '**/sysctl.d/**' }],
  });
}
