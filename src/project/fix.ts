import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Finding, FixSafety } from '../core/finding.js';
import { diskHost, type FileHost } from '../core/host.js';
import { decodeText } from '../core/source.js';
import type { LanguageId } from '../languages/registry.js';
import { overlayHost } from '../core/overlay-host.js';
import { applyEdits, selectFixes, type FixCandidate } from '../engine/fix-apply.js';
import { lint, type LintOptions, type LintResult } from './lint.js';

/** Enough for fixes that enable each other (a header fix after a version fix) without looping forever. */
export const MAX_FIX_PASSES = 10;

const BOM = '\uFEFF';

export interface FixOptions {
  /** `safe` applies safe fixes only; `unsafe` applies both. */
  safety: FixSafety;
  /** Write the fixed files (`--fix`); without it nothing on disk changes (`--fix-dry-run`). */
  write: boolean;
  maxPasses?: number;
  /** Which findings' fixes to apply (default: all of the chosen safety), e.g. one rule's. */
  only?: (finding: Finding) => boolean;
}

export interface AppliedFix {
  ruleId: string;
  title: string;
  /** Where the finding was, as displayed. */
  file: string;
  line: number;
  column: number;
}

export interface FixedFile {
  /** As displayed in reports. */
  path: string;
  absolutePath: string;
  /** The file's text before and after, as stored (a byte order mark kept). */
  before: string;
  after: string;
}

export interface FixOutcome {
  /** The lint of the fixed text: what remains. */
  result: LintResult;
  /** Files whose text changed, in path order. */
  files: FixedFile[];
  applied: AppliedFix[];
  /** Files with fixes that were left alone because they are not valid UTF-8 (rewriting them would corrupt their bytes). */
  notUtf8: string[];
  /** Lint passes run, the last one included. */
  passes: number;
  /** True when fixes still applied in the last allowed pass (the bound stopped the loop). */
  hitPassLimit: boolean;
}

interface FileState {
  path: string;
  absolutePath: string;
  /** The text the engine's offsets count in. */
  original: string;
  current: string;
  /** Written before the text: a byte order mark the engine's text does not include. */
  prefix: string;
}

/** Whether `--fix` (or `--fix-unsafe`) may apply this finding's fix. */
export function isFixApplicable(finding: Finding, safety: FixSafety): boolean {
  return finding.fix !== undefined && finding.fix.edits.length > 0 && (safety === 'unsafe' || finding.fix.safety === 'safe');
}

/**
 * A file's text as its language counts offsets: TextDecoder drops a leading byte order mark,
 * and so do most languages, but nginx reads one as part of the first word and keeps it.
 */
async function readState(host: FileHost, path: string, absolutePath: string, language: LanguageId | undefined): Promise<FileState | 'not-utf8' | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await host.readFile(absolutePath);
  } catch {
    return undefined;
  }
  const decoded = decodeText(bytes);
  if (!decoded.validUtf8) return 'not-utf8';
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const stripped = decoded.text.startsWith(BOM) ? decoded.text.slice(1) : decoded.text;
  const text = bom && language === 'nginx' ? BOM + stripped : stripped;
  return { path, absolutePath, original: text, current: text, prefix: bom && language !== 'nginx' ? BOM : '' };
}

/**
 * Lints, applies the fixes of the chosen safety, and lints again until no fix applies (at most
 * `maxPasses` lint passes). Each pass applies every fix that does not collide with another; the
 * ones that do are offered again by the next lint of the changed text. Texts change in memory
 * (the engine reads them through an overlay of the disk); with `write` the changed files are
 * written at the end. Only the edited ranges change: line endings, comments and a byte order
 * mark stay as they were. Files that are not valid UTF-8 are never rewritten.
 */
export async function lintAndFix(options: LintOptions, fix: FixOptions): Promise<FixOutcome> {
  const baseHost = options.host ?? diskHost;
  const maxPasses = Math.max(1, fix.maxPasses ?? MAX_FIX_PASSES);
  const states = new Map<string, FileState>();
  const notUtf8 = new Set<string>();
  const applied: AppliedFix[] = [];
  const stdinPath = options.stdin ? resolve(options.cwd ?? process.cwd(), options.stdin.filename) : undefined;
  const stdinBytes = typeof options.stdin?.text === 'string' ? new TextEncoder().encode(options.stdin.text) : options.stdin?.text;
  // Texts as they were before any fix: the disk, and standard input when that is what is linted.
  const readHost = stdinPath !== undefined && stdinBytes !== undefined ? overlayHost(baseHost, new Map([[stdinPath, stdinBytes]])) : baseHost;

  const hostNow = (): FileHost => {
    const changed = new Map<string, Uint8Array>();
    for (const state of states.values()) {
      if (state.current !== state.original) changed.set(state.absolutePath, new TextEncoder().encode(state.prefix + state.current));
    }
    return changed.size === 0 ? baseHost : overlayHost(baseHost, changed);
  };
  const optionsNow = (): LintOptions => {
    const host = hostNow();
    const stdinState = stdinPath === undefined ? undefined : states.get(stdinPath);
    if (options.stdin && stdinState) return { ...options, host, stdin: { ...options.stdin, text: stdinState.current } };
    return { ...options, host };
  };
  const stateOf = async (path: string, result: LintResult): Promise<FileState | undefined> => {
    const file = result.files.find((candidate) => candidate.path === path);
    if (!file || file.text === undefined) return undefined;
    const known = states.get(file.absolutePath);
    if (known) return known;
    if (notUtf8.has(file.path)) return undefined;
    const read = await readState(readHost, file.path, file.absolutePath, file.language);
    if (read === 'not-utf8') {
      notUtf8.add(file.path);
      return undefined;
    }
    // The engine saw another text than the file holds now (changed meanwhile): leave it alone.
    if (read === undefined || read.current.replace(/^\uFEFF/, '') !== file.text.replace(/^\uFEFF/, '')) return undefined;
    states.set(file.absolutePath, read);
    return read;
  };

  let result = await lint(options);
  let passes = 1;
  let hitPassLimit = false;
  for (;;) {
    const candidates: FixCandidate<Finding>[] = [];
    const byPath = new Map<string, FileState>();
    for (const finding of result.findings) {
      if (!isFixApplicable(finding, fix.safety) || (fix.only && !fix.only(finding))) continue;
      let usable = true;
      for (const edit of finding.fix!.edits) {
        const state = byPath.get(edit.file) ?? (await stateOf(edit.file, result));
        if (state) byPath.set(edit.file, state);
        else usable = false;
      }
      if (usable) candidates.push({ key: finding, fix: finding.fix! });
    }
    const selection = selectFixes(candidates, (path) => byPath.get(path)?.current.length);
    if (selection.accepted.length === 0) break;
    if (passes >= maxPasses) {
      hitPassLimit = true;
      break;
    }
    for (const [path, edits] of selection.editsByFile) {
      const state = byPath.get(path)!;
      state.current = applyEdits(state.current, edits);
    }
    for (const { key } of selection.accepted) applied.push({ ruleId: key.ruleId, title: key.fix!.title, file: key.file, line: key.line, column: key.column });
    result = await lint(optionsNow());
    passes++;
  }

  const files: FixedFile[] = [...states.values()]
    .filter((state) => state.current !== state.original)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((state) => ({
      path: state.path,
      absolutePath: state.absolutePath,
      before: state.prefix + state.original,
      after: state.prefix + state.current,
    }));
  if (fix.write) {
    for (const file of files) if (file.absolutePath !== stdinPath) await writeFile(file.absolutePath, file.after);
  }
  return { result, files, applied, notUtf8: [...notUtf8].sort(), passes, hitPassLimit };
}
