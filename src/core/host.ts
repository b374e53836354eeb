import { readFile, readdir, stat } from 'node:fs/promises';

/**
 * Where file contents come from. The CLI reads the disk; the language server overlays its open
 * buffers. Errors are thrown as Node's errno exceptions (`ENOENT`, `EACCES`, `EISDIR`, …).
 */
export interface FileHost {
  readFile(path: string): Promise<Uint8Array>;
  stat(path: string): Promise<{ isFile: boolean; isDirectory: boolean; size: number }>;
  readDir(path: string): Promise<string[]>;
}

export const diskHost: FileHost = {
  readFile: (path) => readFile(path),
  stat: async (path) => {
    const s = await stat(path);
    return { isFile: s.isFile(), isDirectory: s.isDirectory(), size: s.size };
  },
  readDir: (path) => readdir(path),
};
