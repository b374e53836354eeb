import type { FileHost } from './host.js';

/** A host that serves some files from memory (stdin, editor buffers) and the rest from `base`. */
export function overlayHost(base: FileHost, files: ReadonlyMap<string, Uint8Array>): FileHost {
  return {
    readFile: async (path) => files.get(path) ?? base.readFile(path),
    stat: async (path) => {
      const bytes = files.get(path);
      return bytes === undefined ? base.stat(path) : { isFile: true, isDirectory: false, size: bytes.length };
    },
    readDir: (path) => base.readDir(path),
  };
}
