import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Finding } from '../core/finding.js';
import { diskHost } from '../core/host.js';
import { overlayHost } from '../core/overlay-host.js';
import { lint, type LintOptions, type LintResult } from '../project/lint.js';
import type { LanguageId } from '../languages/registry.js';
import type { LintUnit, UnitResolver } from './units.js';
import { uriToPath } from './uri.js';

/** An editor buffer as the server sees it. */
export interface OpenBuffer {
  uri: string;
  version: number;
  languageId: string;
  getText(): string;
}

/** Where a linted file's findings and text are, by absolute path. */
export interface LintedUnit {
  unit: LintUnit;
  result: LintResult;
  /** Buffer versions that went into this lint, by URI. */
  versions: Map<string, number>;
  findingsByPath: Map<string, Finding[]>;
  textByPath: Map<string, string>;
  languageByPath: Map<string, LanguageId>;
  /** Absolute path of a file as the report names it. */
  absolute(file: string): string;
}

/** File names for buffers that have none yet (`untitled:`), by editor language id. */
const UNTITLED_NAMES: Record<string, string> = {
  nginx: 'nginx.conf',
  sysctl: 'sysctl.conf',
  yaml: 'manifest.yaml',
  json: 'cni.conflist',
};

/** How the server lints: the unit of a buffer, with every open buffer laid over the disk. */
export class WorkspaceLinter {
  constructor(
    private readonly units: UnitResolver,
    private readonly buffers: () => readonly OpenBuffer[],
    private readonly fallbackCwd: () => string,
  ) {}

  /**
   * The unit a buffer belongs to. A buffer with no file on disk (new, or `untitled:`) is linted
   * alone, as text named after its path or its language; undefined when it has neither.
   */
  unitOf(buffer: OpenBuffer): LintUnit | undefined {
    const path = uriToPath(buffer.uri);
    if (path !== undefined && existsSync(path)) return this.units.unitOf(path);
    const name = path ?? (UNTITLED_NAMES[buffer.languageId] ? resolve(this.fallbackCwd(), UNTITLED_NAMES[buffer.languageId]!) : undefined);
    if (name === undefined) return undefined;
    return { key: `buffer:${buffer.uri}`, cwd: dirname(name), paths: [name] };
  }

  /** The engine's options for a unit: the buffers laid over the disk, and their versions. */
  optionsFor(unit: LintUnit): { options: LintOptions; versions: Map<string, number> } {
    const versions = new Map<string, number>();
    const overlay = new Map<string, Uint8Array>();
    const encoder = new TextEncoder();
    let stdin: LintOptions['stdin'];
    for (const buffer of this.buffers()) {
      const path = uriToPath(buffer.uri);
      const text = buffer.getText();
      if (unit.key === `buffer:${buffer.uri}`) {
        stdin = { text, filename: unit.paths[0]! };
        versions.set(buffer.uri, buffer.version);
        continue;
      }
      if (path === undefined) continue;
      overlay.set(path, encoder.encode(text));
      versions.set(buffer.uri, buffer.version);
    }
    const host = overlayHost(diskHost, overlay);
    return { options: { cwd: unit.cwd, host, ...(stdin ? { stdin } : { paths: unit.paths }) }, versions };
  }

  /** Lints one unit with the buffers as they are now. Throws what `lint()` throws (config errors). */
  async lintUnit(unit: LintUnit): Promise<LintedUnit> {
    const { options, versions } = this.optionsFor(unit);
    const result = await lint(options);
    const absolute = (file: string): string => resolve(result.cwd, file);
    const findingsByPath = new Map<string, Finding[]>();
    for (const finding of result.findings) {
      const path = absolute(finding.file);
      findingsByPath.set(path, [...(findingsByPath.get(path) ?? []), finding]);
    }
    const textByPath = new Map<string, string>();
    const languageByPath = new Map<string, LanguageId>();
    for (const file of result.files) {
      if (file.text !== undefined) textByPath.set(file.absolutePath, file.text);
      if (file.language !== undefined) languageByPath.set(file.absolutePath, file.language);
    }
    return { unit, result, versions, findingsByPath, textByPath, languageByPath, absolute };
  }
}
