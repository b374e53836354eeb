import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { diskHost, type FileHost } from '../../core/host.js';
import type { CliIO } from '../io.js';
import { loadNginxConfig, writeCrossplaneJson } from '../../languages/nginx/index.js';

const USAGE =
  'usage: hoplint parse [--combine] [--single-file] [--include-comments] [--strict] [--indent N] [--context C] [--positions] FILE|-';

/** The name stdin's text is known by; includes in it resolve against the working directory. */
export const STDIN_NAME = '<stdin>';

async function readStream(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** Reads relative paths against the command's working directory, and stdin under {@link STDIN_NAME}. */
function commandHost(cwd: string, stdin: Uint8Array | null): FileHost {
  const at = (path: string): string => resolve(cwd, path);
  return {
    readFile: async (path) => (stdin && path === STDIN_NAME ? stdin : diskHost.readFile(at(path))),
    stat: async (path) => (stdin && path === STDIN_NAME ? { isFile: true, isDirectory: false, size: stdin.length } : diskHost.stat(at(path))),
    readDir: (path) => diskHost.readDir(at(path)),
  };
}

function usageError(io: CliIO, message: string): number {
  io.stderr.write(`hoplint parse: ${message}\n${USAGE}\n`);
  return 2;
}

/**
 * `hoplint parse`: prints crossplane's JSON payload for an nginx config (or an `nginx -T`
 * dump). Exit code 0 when the payload's status is ok, 1 when failed, 2 on usage errors.
 */
export async function parseCommand(argv: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        combine: { type: 'boolean' },
        'single-file': { type: 'boolean' },
        'include-comments': { type: 'boolean' },
        strict: { type: 'boolean' },
        indent: { type: 'string', short: 'i' },
        context: { type: 'string' },
        positions: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) return usageError(io, positionals.length === 0 ? 'missing FILE (or - for stdin)' : 'expected exactly one FILE');
  let indent: number | undefined;
  if (values.indent !== undefined) {
    if (!/^\d+$/.test(values.indent) || Number(values.indent) > 10) return usageError(io, `invalid --indent "${values.indent}" (expected 0-10)`);
    indent = Number(values.indent);
  }
  const context = values.context === undefined ? [] : values.context.split(/[\s,/]+/).filter((part) => part !== '');

  const target = positionals[0]!;
  const stdin = target === '-' ? await readStream(io.stdin) : null;
  const root = stdin ? STDIN_NAME : target;
  const config = await loadNginxConfig(root, {
    host: commandHost(io.cwd, stdin),
    context,
    singleFile: values['single-file'] === true,
  });
  const status = writeCrossplaneJson(
    config,
    {
      combine: values.combine === true,
      includeComments: values['include-comments'] === true,
      strict: values.strict === true,
      positions: values.positions === true,
      indent,
    },
    (chunk) => io.stdout.write(chunk),
  );
  io.stdout.write('\n');
  return status === 'ok' ? 0 : 1;
}
