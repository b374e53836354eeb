import { lineEndingOf } from '../core/source.js';
import { closest } from '../core/suggest.js';
import type { WorkspaceFile } from '../link/index.js';

export interface FilesKit {
  /** A file's text by its absolute path (spans carry one while the engine runs) or as displayed. */
  textOf(file: string): string | undefined;
  /** How reports name a file (relative to the working directory), by its absolute path. */
  displayPath(file: string): string;
  /** The line ending new lines in `text` should use: CRLF when the file uses any, else LF. */
  lineEndingOf: typeof lineEndingOf;
  /** The candidate closest to a misspelt word, for did-you-mean hints. */
  closest: typeof closest;
}

export function createFilesKit(files: readonly WorkspaceFile[]): FilesKit {
  let byAbsolute: Map<string, WorkspaceFile> | undefined;
  let byDisplay: Map<string, WorkspaceFile> | undefined;
  const index = (): void => {
    if (byAbsolute) return;
    byAbsolute = new Map();
    byDisplay = new Map();
    for (const file of files) {
      if (!byAbsolute.has(file.absolutePath)) byAbsolute.set(file.absolutePath, file);
      if (!byDisplay.has(file.path)) byDisplay.set(file.path, file);
    }
  };
  return {
    textOf: (file) => {
      index();
      return (byAbsolute!.get(file) ?? byDisplay!.get(file))?.text;
    },
    displayPath: (file) => {
      index();
      return byAbsolute!.get(file)?.path ?? file;
    },
    lineEndingOf,
    closest,
  };
}
