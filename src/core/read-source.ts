import { decodeText, LineIndex } from './source.js';
import { FIFO_IDLE_LIMIT_MS, type FileHost } from './host.js';
import type { SyntaxIssue } from './syntax.js';

/** Config files are small; anything larger is a generated file or a mistake, not read whole. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const BINARY_SNIFF_BYTES = 8000;

export type ReadResult = { ok: true; text: string; issues: SyntaxIssue[] } | { ok: false; issue: SyntaxIssue };

/** A problem with a file as a whole, placed at its first character. */
export function fileIssue(file: string, message: string): SyntaxIssue {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1, start: 0, end: 0, message };
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'cannot read file: no such file';
    case 'EACCES':
    case 'EPERM':
      return 'cannot read file: permission denied';
    case 'EISDIR':
      return 'cannot read file: it is a directory';
    case 'ELOOP':
      return 'cannot read file: a loop of symlinks';
    case 'EFBIG':
      return `cannot read file: more than ${formatSize(MAX_FILE_BYTES)} came through it; hoplint reads config files up to that size`;
    case 'ENOWRITER':
      return 'cannot read file: it is a FIFO (named pipe) that no process writes to';
    case 'ETIMEDOUT':
      return `cannot read file: the process writing to this FIFO sent nothing for ${FIFO_IDLE_LIMIT_MS / 1000} s`;
    case 'EDEVICE':
      return 'cannot read file: it is a device, not a config file';
    case 'ESOCKET':
      return 'cannot read file: it is a socket, not a config file';
    default:
      return `cannot read file: ${code ?? (error instanceof Error ? error.message : String(error))}`;
  }
}

function formatSize(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/**
 * A file's text, or the syntax issue that says why there is none: unreadable, binary
 * (a NUL byte early on), larger than MAX_FILE_BYTES, a device or socket, or a FIFO that was not
 * named on the command line (`explicit`): a FIFO found by walking a directory is never waited on.
 * Invalid UTF-8 is decoded with U+FFFD and reported at the first bad character; a UTF-8 byte
 * order mark is dropped, as editors do.
 */
export async function readSource(host: FileHost, path: string, options: { explicit?: boolean } = {}): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    const info = await host.stat(path);
    if (info.size > MAX_FILE_BYTES) {
      return { ok: false, issue: fileIssue(path, `file is ${formatSize(info.size)}; hoplint reads config files up to ${formatSize(MAX_FILE_BYTES)}`) };
    }
    if (info.special === 'fifo' && !options.explicit) {
      return { ok: false, issue: fileIssue(path, 'not read: it is a FIFO (named pipe); name it on the command line to lint what is written to it') };
    }
    bytes = await host.readFile(path, { maxBytes: MAX_FILE_BYTES });
  } catch (error) {
    return { ok: false, issue: fileIssue(path, describeReadError(error)) };
  }
  return decodeSource(path, bytes);
}

export function decodeSource(path: string, bytes: Uint8Array): ReadResult {
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    return { ok: false, issue: fileIssue(path, 'binary file (contains NUL bytes); hoplint reads text config files') };
  }
  const decoded = decodeText(bytes);
  const text = decoded.text.startsWith('\uFEFF') ? decoded.text.slice(1) : decoded.text;
  if (decoded.validUtf8) return { ok: true, text, issues: [] };
  const offset = Math.max(0, text.indexOf('\uFFFD'));
  const issue = { ...new LineIndex(text).span(path, offset, offset + 1), message: 'file is not valid UTF-8; save it as UTF-8' };
  return { ok: true, text, issues: [issue] };
}
