import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';
import { BIN } from './cli.js';

export interface LspPosition {
  line: number;
  character: number;
}
export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}
export interface LspDiagnostic {
  range: LspRange;
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  relatedInformation?: Array<{ location: { uri: string; range: LspRange }; message: string }>;
  data?: unknown;
}
export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: LspDiagnostic[];
}
export interface LspTextEdit {
  range: LspRange;
  newText: string;
}
export interface LspCodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: LspDiagnostic[];
  edit?: { changes?: Record<string, LspTextEdit[]> };
}

/** Guards against a hung server only; no test asserts on time. */
const WAIT_LIMIT_MS = 20_000;

/**
 * A real JSON-RPC client for `node bin/hoplint.js lsp --stdio`, as an editor would drive it:
 * it records every publishDiagnostics and lets tests wait for the next one of a document.
 */
export class LspClient {
  readonly published: PublishedDiagnostics[] = [];
  readonly logs: string[] = [];
  readonly shownMessages: string[] = [];
  private waiters: Array<{ test: (p: PublishedDiagnostics) => boolean; resolve: (p: PublishedDiagnostics) => void }> = [];
  private readonly exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
  ) {
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
      this.published.push(params);
      const ready = this.waiters.filter((waiter) => waiter.test(params));
      this.waiters = this.waiters.filter((waiter) => !ready.includes(waiter));
      for (const waiter of ready) waiter.resolve(params);
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => this.logs.push(params.message));
    connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
      this.shownMessages.push(params.message);
      return null;
    });
    connection.onNotification('window/showMessage', (params: { message: string }) => this.shownMessages.push(params.message));
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
  }

  static async start(rootPath: string, options: { capabilities?: Record<string, unknown>; initializationOptions?: Record<string, unknown> } = {}): Promise<{ client: LspClient; capabilities: Record<string, unknown>; serverInfo?: { name: string } }> {
    const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: rootPath, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(child, connection);
    const rootUri = new URL(`file://${rootPath}`).href;
    const result = (await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'root' }],
      capabilities: options.capabilities ?? {},
      initializationOptions: options.initializationOptions ?? {},
    })) as { capabilities: Record<string, unknown>; serverInfo?: { name: string } };
    await connection.sendNotification('initialized', {});
    return { client, ...result };
  }

  /** The next publishDiagnostics for `uri` that satisfies `test` (default: any). */
  nextDiagnostics(uri: string, test: (p: PublishedDiagnostics) => boolean = () => true): Promise<PublishedDiagnostics> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}; server log:\n${[...this.logs, ...this.shownMessages].join('\n')}`)), WAIT_LIMIT_MS);
      this.waiters.push({
        test: (p) => p.uri === uri && test(p),
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  async open(uri: string, text: string, languageId = 'plaintext', version = 1): Promise<PublishedDiagnostics> {
    const next = this.nextDiagnostics(uri, (p) => p.version === version);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    return next;
  }

  /** Replaces the whole text (as editors with full sync do) and waits for that version's diagnostics. */
  async change(uri: string, version: number, text: string): Promise<PublishedDiagnostics> {
    const next = this.nextDiagnostics(uri, (p) => p.version === version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return next;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** `shutdown` then `exit`; resolves with the server's exit code. */
  async stop(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    this.child.kill();
  }
}

/** Applies LSP text edits to a text (positions resolved against the original, applied from the end). */
export function applyLspEdits(text: string, edits: readonly LspTextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') lineStarts.push(i + 1);
    else if (text[i] === '\r' && text[i + 1] !== '\n') lineStarts.push(i + 1);
  }
  const offset = (p: LspPosition): number => Math.min(text.length, (lineStarts[p.line] ?? text.length) + p.character);
  const ordered = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const edit of ordered) out = out.slice(0, offset(edit.range.start)) + edit.newText + out.slice(offset(edit.range.end));
  return out;
}
