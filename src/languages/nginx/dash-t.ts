import type { FileHost } from '../../core/host.js';

/**
 * `nginx -T` prints every configuration file it read, each one after a line
 * `# configuration file PATH:` and followed by one extra newline (see `ngx_dump_config` in
 * src/core/nginx.c). These helpers split such a dump back into its files.
 */
export interface DumpedFile {
  file: string;
  text: string;
  /** Lines of the dump before this file's first line: dump line = lineOffset + file line. */
  lineOffset: number;
}

const SEPARATOR_PREFIX = '# configuration file ';

function separatorPath(line: string): string | null {
  if (!line.startsWith(SEPARATOR_PREFIX)) return null;
  const trimmed = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (!trimmed.endsWith(':') || trimmed.length <= SEPARATOR_PREFIX.length + 1) return null;
  return trimmed.slice(SEPARATOR_PREFIX.length, -1);
}

interface LineCursor {
  start: number;
  end: number;
  next: number;
}

function* lines(text: string): Generator<LineCursor> {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    const next = end < 0 ? text.length : end + 1;
    if (end < 0) end = text.length;
    yield { start, end, next };
    start = next;
  }
}

/**
 * True when the text is `nginx -T` output: its first line that is neither blank nor one of
 * nginx's own `nginx: …` status lines is a `# configuration file PATH:` separator.
 */
export function looksLikeNginxDashT(text: string): boolean {
  for (const cursor of lines(text)) {
    const line = text.slice(cursor.start, cursor.end);
    if (line.trim() === '' || line.startsWith('nginx: ')) continue;
    return separatorPath(line) !== null;
  }
  return false;
}

/** Splits `nginx -T` output into the files it shows, in dump order. */
export function splitNginxDashT(text: string): DumpedFile[] {
  const files: DumpedFile[] = [];
  let current: { file: string; start: number; lineOffset: number } | null = null;
  let lineNumber = 0;
  const close = (end: number): void => {
    if (!current) return;
    let body = text.slice(current.start, end);
    // Drop the newline nginx adds after each file.
    if (body.endsWith('\r\n')) body = body.slice(0, -2);
    else if (body.endsWith('\n')) body = body.slice(0, -1);
    files.push({ file: current.file, text: body, lineOffset: current.lineOffset });
  };
  for (const cursor of lines(text)) {
    lineNumber++;
    const path = separatorPath(text.slice(cursor.start, cursor.end));
    if (path === null) continue;
    close(cursor.start);
    current = { file: path, start: cursor.next, lineOffset: lineNumber };
  }
  close(text.length);
  return files;
}

function errnoError(code: string, message: string, path: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: ${message}, '${path}'`);
  error.code = code;
  error.path = path;
  return error;
}

/** A read-only host over the files of a dump; directories are implied by the file paths. */
export function dumpHost(files: readonly DumpedFile[]): FileHost {
  const contents = new Map<string, Uint8Array>();
  const encoder = new TextEncoder();
  for (const entry of files) if (!contents.has(entry.file)) contents.set(entry.file, encoder.encode(entry.text));
  const children = (dir: string): string[] => {
    const prefix = dir === '/' ? '/' : dir === '.' || dir === '' ? '' : `${dir.replace(/\/+$/, '')}/`;
    const names = new Set<string>();
    for (const path of contents.keys()) {
      if (!path.startsWith(prefix)) continue;
      const rest = path.slice(prefix.length);
      if (rest === '' || (prefix === '' && path.startsWith('/'))) continue;
      const slash = rest.indexOf('/');
      names.add(slash < 0 ? rest : rest.slice(0, slash));
    }
    return [...names];
  };
  return {
    readFile: async (path) => {
      const bytes = contents.get(path);
      if (!bytes) throw errnoError('ENOENT', 'no such file or directory', path);
      return bytes;
    },
    stat: async (path) => {
      const bytes = contents.get(path);
      if (bytes) return { isFile: true, isDirectory: false, size: bytes.length };
      if (children(path).length > 0) return { isFile: false, isDirectory: true, size: 0 };
      throw errnoError('ENOENT', 'no such file or directory', path);
    },
    readDir: async (path) => {
      const names = children(path);
      if (names.length === 0 && !contents.has(path)) throw errnoError('ENOENT', 'no such file or directory', path);
      return names;
    },
  };
}
