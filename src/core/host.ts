import { closeSync, constants, openSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import { readdir } from 'node:fs/promises';

/** A file that is neither regular nor a directory. */
export type SpecialFileKind = 'fifo' | 'device' | 'socket';

export interface FileInfo {
  isFile: boolean;
  isDirectory: boolean;
  size: number;
  /** Set for FIFOs (named pipes, and the pipes of a shell's `<(…)`), devices and sockets. */
  special?: SpecialFileKind;
}

/**
 * Where file contents come from. The CLI reads the disk; the language server overlays its open
 * buffers. Errors are thrown as Node's errno exceptions (`ENOENT`, `EACCES`, `EISDIR`, …).
 */
export interface FileHost {
  /** `maxBytes`: a source that grows past it (a FIFO; regular files are checked by size first) fails with `EFBIG`. */
  readFile(path: string, options?: { maxBytes?: number }): Promise<Uint8Array>;
  stat(path: string): Promise<FileInfo>;
  readDir(path: string): Promise<string[]>;
}

/** How long a FIFO whose writer is connected may stay silent before the read gives up (`ETIMEDOUT`). */
export const FIFO_IDLE_LIMIT_MS = 10_000;
/** How long a FIFO is watched for a writer to open it (one may be starting just as hoplint opens it). */
export const FIFO_WRITER_WAIT_MS = 1_000;
const FIFO_POLL_MS = 5;

function errnoError(code: string, message: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}, read '${path}'`), { code, path });
}

function specialKind(stats: Stats): SpecialFileKind | undefined {
  if (stats.isFIFO()) return 'fifo';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  if (stats.isSocket()) return 'socket';
  return undefined;
}

/**
 * Reads a FIFO without ever blocking: opened non-blocking, so a FIFO nobody writes to ends as
 * `ENOWRITER` after FIFO_WRITER_WAIT_MS instead of hanging in open(), and polled while a writer is
 * connected (a shell's `<(…)`, or a process that opened it first) until it closes its end.
 */
async function readFifo(path: string, maxBytes: number): Promise<Uint8Array> {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const chunks: Buffer[] = [];
    const buffer = Buffer.allocUnsafe(64 * 1024);
    let total = 0;
    let writerSeen = false;
    let lastData = Date.now();
    for (;;) {
      let count: number;
      try {
        count = readSync(fd, buffer, 0, buffer.length, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        writerSeen = true;
        if (Date.now() - lastData > FIFO_IDLE_LIMIT_MS) throw errnoError('ETIMEDOUT', `no data from the writer for ${FIFO_IDLE_LIMIT_MS / 1000} s`, path);
        await new Promise((resolve) => setTimeout(resolve, FIFO_POLL_MS));
        continue;
      }
      if (count === 0) {
        // No writer has the FIFO open: the end of the data, or a writer that has yet to open it.
        if (writerSeen) break;
        if (Date.now() - lastData > FIFO_WRITER_WAIT_MS) throw errnoError('ENOWRITER', 'FIFO has no writer', path);
        await new Promise((resolve) => setTimeout(resolve, FIFO_POLL_MS));
        continue;
      }
      writerSeen = true;
      lastData = Date.now();
      total += count;
      if (total > maxBytes) throw errnoError('EFBIG', 'file too large', path);
      chunks.push(Buffer.from(buffer.subarray(0, count)));
    }
    return Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}

/** The path the last `stat` found to be a regular file: readers stat a file, then read it without a second stat. */
let lastStatedRegularFile: string | undefined;

/**
 * Reads a regular file synchronously: config files are small, and each asynchronous read costs
 * several round trips through libuv's thread pool (open, fstat, read, close), which for thousands
 * of files takes several times longer than the reads themselves. A FIFO is polled (see readFifo);
 * a device or socket is refused, since it may never end (`/dev/zero`) or never answer.
 */
async function readDiskFile(path: string, options: { maxBytes?: number } = {}): Promise<Uint8Array> {
  if (path === lastStatedRegularFile) {
    lastStatedRegularFile = undefined;
    return readFileSync(path);
  }
  const stats = statSync(path);
  if (stats.isFile()) return readFileSync(path);
  if (stats.isDirectory()) throw errnoError('EISDIR', 'illegal operation on a directory', path);
  const kind = specialKind(stats);
  if (kind === 'fifo') return readFifo(path, options.maxBytes ?? Number.MAX_SAFE_INTEGER);
  throw errnoError(kind === 'socket' ? 'ESOCKET' : 'EDEVICE', `is a ${kind ?? 'special file'}`, path);
}

export const diskHost: FileHost = {
  readFile: readDiskFile,
  stat: async (path) => {
    lastStatedRegularFile = undefined;
    const stats = statSync(path);
    if (stats.isFile()) lastStatedRegularFile = path;
    const special = specialKind(stats);
    return { isFile: stats.isFile(), isDirectory: stats.isDirectory(), size: stats.size, ...(special ? { special } : {}) };
  },
  readDir: (path) => readdir(path),
};
