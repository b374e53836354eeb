import { readFileSync, statSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';

/**
 * Where file contents come from. The CLI reads the disk; the language server overlays its open
 * buffers. Errors are thrown as Node's errno exceptions (`ENOENT`, `EACCES`, `EISDIR`, …).
 */
export interface FileHost {
  readFile(path: string): Promise<Uint8Array>;
  stat(path: string): Promise<{ isFile: boolean; isDirectory: boolean; size: number }>;
  readDir(path: string): Promise<string[]>;
}

/** The path the last `stat` found to be a regular file: readers stat a file, then read it without a second stat. */
let lastStatedRegularFile: string | undefined;

/**
 * Reads a regular file synchronously: config files are small, and each asynchronous read costs
 * several round trips through libuv's thread pool (open, fstat, read, close), which for thousands
 * of files takes several times longer than the reads themselves. Anything else (a FIFO, a pipe
 * from process substitution, a device) is read asynchronously, since it may wait for a writer.
 */
async function readDiskFile(path: string): Promise<Uint8Array> {
  const regular = path === lastStatedRegularFile || statSync(path).isFile();
  lastStatedRegularFile = undefined;
  return regular ? readFileSync(path) : readFile(path);
}

export const diskHost: FileHost = {
  readFile: readDiskFile,
  stat: async (path) => {
    lastStatedRegularFile = undefined;
    const s = statSync(path);
    if (s.isFile()) lastStatedRegularFile = path;
    return { isFile: s.isFile(), isDirectory: s.isDirectory(), size: s.size };
  },
  readDir: (path) => readdir(path),
};
