import { dirname, isAbsolute, join } from 'node:path';
import { constants as osConstants } from 'node:os';
import { diskHost, type FileHost } from '../../core/host.js';
import { decodeText, type Span } from '../../core/source.js';
import type { NginxConfig, NginxDirective, NginxFile, NginxParseError, NginxStatement } from './ast.js';
import { analyzeNginx, errorAtToken } from './analyze.js';
import { DirectiveTable } from './directives/index.js';
import { contextFromPath } from './contexts.js';
import { dumpHost, looksLikeNginxDashT, splitNginxDashT } from './dash-t.js';
import { expandGlob, hasGlobMagic } from './glob.js';
import { setReportedLine } from './nginx-lines.js';
import { parseNginxText } from './parser.js';

export interface LoadNginxOptions {
  /** Where files are read from (default: the disk); the language server overlays open buffers. */
  host?: FileHost;
  /** Context the root file is read in, e.g. `['http', 'server']` for a server snippet. */
  context?: string[];
  /** Files larger than this are not parsed (default 64 MiB). */
  maxFileBytes?: number;
  /** Deepest chain of nested includes followed (default 100). */
  maxIncludeDepth?: number;
  /** Most files read for one config (default 10,000). */
  maxFiles?: number;
  /** Parse the root file only; `include`s are not followed and get no `includes`. */
  singleFile?: boolean;
  /** The directives checked against (default: nginx, Tengine and OpenResty); a unit's config adds its own. */
  directives?: DirectiveTable;
}

export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;
export const DEFAULT_MAX_INCLUDE_DEPTH = 100;
export const DEFAULT_MAX_FILES = 10_000;
const BINARY_SNIFF_BYTES = 8192;

/** nginx prints `strerror` text after the errno number; these are glibc's words. */
const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  ELOOP: 'Too many levels of symbolic links',
  EMFILE: 'Too many open files',
  ENAMETOOLONG: 'File name too long',
  EIO: 'Input/output error',
};

/** `open() "PATH" failed (2: No such file or directory)`, as nginx words a failed open. */
export function fileErrorMessage(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const errno = (code && (osConstants.errno as Record<string, number>)[code]) || 5;
  const text = (code && ERRNO_TEXT[code]) || (error instanceof Error ? error.message : String(error));
  // nginx opens a directory fine and fails when reading it.
  const call = code === 'EISDIR' ? 'pread()' : 'open()';
  return `${call} "${path}" failed (${errno}: ${text})`;
}

function startOfFile(file: string): Span {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1, start: 0, end: 0 };
}

function emptyFile(file: string, error: NginxParseError): NginxFile {
  return { file, text: '', statements: [], errors: [error] };
}

function hasNulByte(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  for (let i = 0; i < limit; i++) if (bytes[i] === 0) return true;
  return false;
}

type ReadResult = { ok: true; file: NginxFile } | { ok: false; message: string };

/** Reads and parses one file; problems inside the file are in its errors, failures to open in `message`. */
async function readNginxFile(host: FileHost, path: string, maxFileBytes: number): Promise<ReadResult> {
  let size: number;
  try {
    const stat = await host.stat(path);
    if (stat.isDirectory) return { ok: false, message: fileErrorMessage(path, { code: 'EISDIR' }) };
    size = stat.size;
  } catch (error) {
    return { ok: false, message: fileErrorMessage(path, error) };
  }
  const tooLarge = (bytes: number): ReadResult => ({
    ok: true,
    file: emptyFile(path, {
      ...startOfFile(path),
      code: 'limit',
      message: `file is too large (${bytes} bytes, the limit is ${maxFileBytes})`,
    }),
  });
  if (size > maxFileBytes) return tooLarge(size);
  let bytes: Uint8Array;
  try {
    bytes = await host.readFile(path, { maxBytes: maxFileBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EFBIG') return tooLarge(maxFileBytes + 1);
    return { ok: false, message: fileErrorMessage(path, error) };
  }
  if (bytes.length > maxFileBytes) return tooLarge(bytes.length);
  if (hasNulByte(bytes)) {
    return {
      ok: true,
      file: emptyFile(path, { ...startOfFile(path), code: 'syntax', message: 'binary file, not an nginx configuration' }),
    };
  }
  // nginx has no notion of a byte order mark: it reads one as part of the first word.
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const { text } = decodeText(bytes);
  return { ok: true, file: parseNginxText(path, bom && !text.startsWith('\uFEFF') ? `\uFEFF${text}` : text) };
}

/** Every `include` directive of a file in source order (explicit stack: blocks may nest deeply). */
function includeDirectives(statements: NginxStatement[]): NginxDirective[] {
  const found: NginxDirective[] = [];
  const stack: { statements: NginxStatement[]; index: number }[] = [{ statements, index: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.index >= top.statements.length) {
      stack.pop();
      continue;
    }
    const statement = top.statements[top.index++]!;
    if (statement.type !== 'directive') continue;
    if (statement.name === 'include' && statement.block === null && statement.args.length === 1 && statement.terminator) {
      found.push(statement);
    } else if (statement.block && statement.block.length > 0) {
      stack.push({ statements: statement.block, index: 0 });
    }
  }
  return found;
}

function includeError(
  directive: NginxDirective,
  code: NginxParseError['code'],
  message: string,
  file: NginxFile,
): NginxParseError {
  const error = errorAtToken(directive.args[0] ?? directive.nameToken, code, message);
  // nginx prints the line of the `;` it stopped at.
  if (directive.terminator) setReportedLine(error, file, directive.terminator.start, directive.terminator.line);
  return error;
}

/**
 * Errors in file order (files nginx reads first come first, unknown files last), then by
 * offset; equal keys keep their order. Grouped by file first, so the sort compares numbers
 * only: a file of 100,000 stray braces has as many errors.
 */
function sortErrors(files: Map<string, NginxFile>, errors: NginxParseError[]): NginxParseError[] {
  const groups = new Map<string, NginxParseError[]>();
  for (const file of files.keys()) groups.set(file, []);
  const elsewhere: NginxParseError[] = [];
  for (const error of errors) (groups.get(error.file) ?? elsewhere).push(error);
  const sorted: NginxParseError[] = [];
  for (const group of [...groups.values(), elsewhere]) {
    group.sort((a, b) => a.start - b.start);
    for (const error of group) sorted.push(error);
  }
  return sorted;
}

/**
 * Loads a root config and every file its `include`s reach, the way nginx does: include paths
 * are relative to the root's directory, globs are expanded and sorted, a missing explicit file
 * is an error at the `include`, cycles are reported with their chain. `nginx -T` output is
 * recognised and its embedded files are used instead of the disk. Never throws.
 */
export async function loadNginxConfig(root: string, options: LoadNginxOptions = {}): Promise<NginxConfig> {
  let host = options.host ?? diskHost;
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const maxIncludeDepth = options.maxIncludeDepth ?? DEFAULT_MAX_INCLUDE_DEPTH;
  const maxFiles = options.maxFiles ?? DEFAULT_MAX_FILES;
  const contextPath = options.context ?? [];
  const files = new Map<string, NginxFile>();
  const errors: NginxParseError[] = [];

  let first = await readNginxFile(host, root, maxFileBytes);
  if (first.ok && looksLikeNginxDashT(first.file.text)) {
    const dumped = splitNginxDashT(first.file.text);
    if (dumped.length > 0) {
      host = dumpHost(dumped);
      root = dumped[0]!.file;
      first = await readNginxFile(host, root, maxFileBytes);
    }
  }
  if (!first.ok) {
    const rootFile = emptyFile(root, { ...startOfFile(root), code: 'include', message: first.message });
    files.set(root, rootFile);
    return { root, files, errors: [...rootFile.errors], context: contextPath };
  }
  files.set(root, first.file);

  if (!options.singleFile) {
    const prefix = dirname(root);
    const active: string[] = [];
    let fileLimitReported = false;

    const resolveIncludes = async (file: NginxFile): Promise<void> => {
      active.push(file.file);
      for (const directive of includeDirectives(file.statements)) {
        const argument = directive.args[0]!.value;
        const pattern = isAbsolute(argument) ? argument : join(prefix, argument);
        let targets: string[];
        if (hasGlobMagic(pattern)) {
          targets = await expandGlob(pattern, host);
        } else {
          targets = [pattern];
        }
        const resolved: string[] = [];
        for (const target of targets) {
          const cycleAt = active.indexOf(target);
          if (cycleAt >= 0) {
            const chain = [...active.slice(cycleAt), target].join(' -> ');
            errors.push(includeError(directive, 'include', `include cycle: ${chain}`, file));
            continue;
          }
          if (files.has(target)) {
            resolved.push(target);
            continue;
          }
          if (active.length >= maxIncludeDepth) {
            errors.push(includeError(directive, 'limit', `includes nested too deeply (more than ${maxIncludeDepth} levels)`, file));
            continue;
          }
          if (files.size >= maxFiles) {
            if (!fileLimitReported) {
              errors.push(includeError(directive, 'limit', `too many included files (more than ${maxFiles})`, file));
              fileLimitReported = true;
            }
            continue;
          }
          const read = await readNginxFile(host, target, maxFileBytes);
          if (!read.ok) {
            errors.push(includeError(directive, 'include', read.message, file));
            continue;
          }
          files.set(target, read.file);
          resolved.push(target);
          await resolveIncludes(read.file);
        }
        directive.includes = resolved;
      }
      active.pop();
    };
    await resolveIncludes(first.file);
  }

  // One push per error: spreading a file's 130,000 errors as arguments overflows the stack.
  for (const file of files.values()) for (const error of file.errors) errors.push(error);
  const table = options.directives ?? DirectiveTable.builtin;
  for (const error of analyzeNginx(first.file, files, contextFromPath(contextPath, table), table)) errors.push(error);
  return { root, files, errors: sortErrors(files, errors), context: contextPath };
}
