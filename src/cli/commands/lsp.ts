import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node.js';
import { startServer } from '../../lsp/server.js';
import { parseFlags } from '../args.js';
import type { CliIO } from '../io.js';

/**
 * `hoplint lsp [--stdio]`: the language server on standard input and output (`--stdio` is what
 * editors pass; it is also the default). It runs until the client sends `exit`, which ends the
 * process; nothing else may write to stdout meanwhile, so console output goes to the client's log.
 */
export async function lspCommand(argv: string[], io: CliIO): Promise<number> {
  parseFlags({ args: argv, options: { stdio: { type: 'boolean' } }, allowPositionals: false });
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(io.stdin), new StreamMessageWriter(io.stdout));
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.info = console.log;
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  process.on('uncaughtException', (error) => connection.console.error(`hoplint: uncaught: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`hoplint: unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
  startServer(connection);
  // The connection ends the process on `exit` (0 after `shutdown`, 1 otherwise) or when stdin closes.
  return new Promise<number>(() => undefined);
}
