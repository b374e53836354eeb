import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { CONFIG_FILE_NAMES } from '../core/config-files.js';

/**
 * What one lint covers. The engine treats a directory with its own hoplint config as a unit of
 * its own (its environment and rule settings, and cross-file rules correlate within it), so the
 * server lints the unit of the changed file, not the whole workspace.
 */
export interface LintUnit {
  /** Identifies the unit: its directory, or the file when it is linted alone. */
  key: string;
  cwd: string;
  /** What `lint()` walks: the unit's directory, or the one file. */
  paths: string[];
}

function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/** Finds units for paths, remembering which directories hold a config until told to forget. */
export class UnitResolver {
  private readonly hasConfig = new Map<string, boolean>();

  constructor(private readonly folders: () => readonly string[]) {}

  /** A config file appeared, changed or vanished: look again. */
  forget(): void {
    this.hasConfig.clear();
  }

  private configHere(dir: string): boolean {
    let known = this.hasConfig.get(dir);
    if (known === undefined) {
      known = CONFIG_FILE_NAMES.some((name) => existsSync(join(dir, name)));
      this.hasConfig.set(dir, known);
    }
    return known;
  }

  /**
   * The nearest directory with a hoplint config between the file and its workspace folder, else
   * the folder itself. A file outside every workspace folder is linted alone (with the includes
   * it reaches), since its directory may be anything, `/etc` included.
   */
  unitOf(path: string): LintUnit {
    const folder = this.folders()
      .filter((candidate) => isInside(path, candidate))
      .sort((a, b) => b.length - a.length)[0];
    if (folder === undefined) return { key: `file:${path}`, cwd: dirname(path), paths: [path] };
    for (let dir = dirname(path); isInside(dir, folder); dir = dirname(dir)) {
      if (this.configHere(dir)) return { key: dir, cwd: dir, paths: [dir] };
      if (dir === folder || dirname(dir) === dir) break;
    }
    return { key: folder, cwd: folder, paths: [folder] };
  }

  /** Whether a changed path can affect what the unit sees. */
  static covers(unit: LintUnit, path: string): boolean {
    return unit.paths.some((target) => isInside(path, target));
  }
}
