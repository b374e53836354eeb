import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver';
import { WorkspaceLinter, type LintedUnit, type OpenBuffer } from './linter.js';
import { UnitResolver, type LintUnit } from './units.js';
import { pathToUri, uriToPath } from './uri.js';

/** What the server knows between requests: the client's folders and abilities, and the latest lint of each unit. */
export class Session {
  folders: string[] = [];
  debounceMs: number;
  watchesFiles = false;
  followsFolders = false;
  readonly units: UnitResolver;
  readonly linter: WorkspaceLinter;
  /** The latest lint of each unit, by unit key. */
  readonly latest = new Map<string, LintedUnit>();

  constructor(
    readonly documents: TextDocuments<TextDocument>,
    debounceMs: number,
  ) {
    this.debounceMs = debounceMs;
    this.units = new UnitResolver(() => this.folders);
    this.linter = new WorkspaceLinter(this.units, () => documents.all(), () => this.folders[0] ?? process.cwd());
  }

  /** The URI of a path: the open buffer's own when there is one. */
  uriOf(path: string): string {
    return this.documents.all().find((buffer) => uriToPath(buffer.uri) === path)?.uri ?? pathToUri(path);
  }

  /** The buffer's path as the lint of its unit names it (a name made up for an `untitled:` buffer). */
  pathIn(buffer: OpenBuffer, unit: LintUnit): string {
    return unit.key === `buffer:${buffer.uri}` ? unit.paths[0]! : (uriToPath(buffer.uri) ?? unit.paths[0]!);
  }

  /** A config file appeared, changed or vanished: every unit and lint may be different now. */
  forgetUnits(): void {
    this.units.forget();
    this.latest.clear();
  }

  /** The lint of the buffer's unit at the buffer's current version, linting now if the last one is older. */
  async currentLint(buffer: OpenBuffer): Promise<{ linted: LintedUnit; path: string } | undefined> {
    const unit = this.linter.unitOf(buffer);
    if (!unit) return undefined;
    let linted = this.latest.get(unit.key);
    if (!linted || linted.versions.get(buffer.uri) !== buffer.version) {
      linted = await this.linter.lintUnit(unit);
      this.latest.set(unit.key, linted);
    }
    return { linted, path: this.pathIn(buffer, unit) };
  }
}
