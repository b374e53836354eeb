import { UsageError } from '../core/errors.js';
import { packageVersion } from '../core/package-root.js';
import { RuleCrashError } from '../engine/runner.js';
import { USAGE } from './help.js';
import { processIO, type CliIO } from './io.js';

export { setModuleImporter } from '../core/module-import.js';

type Command = (argv: string[], io: CliIO) => Promise<number>;

/**
 * Each command's module is loaded only when it runs: `hoplint parse` then never pays for the
 * rule pack, the YAML parser or the JSON Schema validator at start-up.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  parse: async () => (await import('./commands/parse.js')).parseCommand,
  rules: async () => (await import('./commands/rules.js')).rulesCommand,
  explain: async () => (await import('./commands/explain.js')).explainCommand,
  init: async () => (await import('./commands/init.js')).initCommand,
  lsp: async () => (await import('./commands/lsp.js')).lspCommand,
  test: async () => (await import('./commands/test.js')).testCommand,
};

function wantsHelp(argv: string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}

/**
 * The `hoplint` command. Returns the exit code: 0 clean, 1 findings over the threshold,
 * 2 usage or configuration error. Never throws and never prints a stack trace.
 */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  try {
    const [first, ...rest] = argv;
    if (first === '--version' || first === '-v') {
      io.stdout.write(`hoplint ${packageVersion()}\n`);
      return 0;
    }
    const command = first === undefined ? undefined : COMMANDS[first];
    if (command && first !== 'parse' && wantsHelp(rest)) {
      io.stdout.write(USAGE);
      return 0;
    }
    if (command) return await (await command())(rest, io);
    if (wantsHelp(argv)) {
      io.stdout.write(USAGE);
      return 0;
    }
    if (argv.includes('--version') || argv.includes('-v')) {
      io.stdout.write(`hoplint ${packageVersion()}\n`);
      return 0;
    }
    const { lintCommand } = await import('./commands/lint.js');
    return await lintCommand(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`hoplint: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof RuleCrashError ? error.message : error instanceof Error ? error.message : String(error);
    io.stderr.write(`hoplint: internal error: ${message}\n`);
    return 2;
  }
}
