// An in-memory FileHost (src/core/host.ts): the nginx loader follows includes without a disk.

function errnoError(code, path) {
  const error = new Error(`${code}: ${path}`);
  error.code = code;
  error.path = path;
  return error;
}

/** @param {Record<string, string>} files absolute path → text; directories are implied by the paths */
export function memoryHost(files) {
  const encoder = new TextEncoder();
  const contents = new Map(Object.entries(files).map(([path, text]) => [path, encoder.encode(text)]));
  const children = (dir) => {
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    const names = new Set();
    for (const path of contents.keys()) {
      if (path.startsWith(prefix)) names.add(path.slice(prefix.length).split('/')[0]);
    }
    names.delete('');
    return [...names];
  };
  return {
    readFile: async (path) => {
      const bytes = contents.get(path);
      if (bytes === undefined) throw errnoError(children(path).length > 0 ? 'EISDIR' : 'ENOENT', path);
      return bytes;
    },
    stat: async (path) => {
      const bytes = contents.get(path);
      if (bytes !== undefined) return { isFile: true, isDirectory: false, size: bytes.length };
      if (children(path).length > 0) return { isFile: false, isDirectory: true, size: 0 };
      throw errnoError('ENOENT', path);
    },
    readDir: async (path) => {
      const names = children(path);
      if (names.length === 0) throw errnoError(contents.has(path) ? 'ENOTDIR' : 'ENOENT', path);
      return names;
    },
  };
}
