/**
 * The directive table: nginx, Tengine and OpenResty, plus the third-party module directives a
 * hoplint config declares. A name maps to every definition of it (`server` is five of them), and
 * the caller picks by context, as nginx itself does. A table never changes once built: a unit's
 * declarations make a new table over the built-in one, so units (and language-server workspaces)
 * never see each other's directives.
 */
import { NGINX_DIRECTIVES } from './nginx.js';
import { OPENRESTY_DIRECTIVES } from './openresty.js';
import { TENGINE_DIRECTIVES } from './tengine.js';
import type { DirectiveSpec } from './types.js';

export type { ArgShape, DirectiveSpec, NginxContext } from './types.js';

const NONE: readonly DirectiveSpec[] = Object.freeze([]);

/** `specs` added to `into`; a re-declared (name, module) pair replaces the old one so a config can correct an entry. */
function addAll(into: Map<string, DirectiveSpec[]>, specs: readonly DirectiveSpec[], base: (name: string) => readonly DirectiveSpec[]): void {
  for (const spec of specs) {
    let list = into.get(spec.name);
    if (list === undefined) {
      list = [...base(spec.name)];
      into.set(spec.name, list);
    }
    const at = list.findIndex((s) => s.module === spec.module);
    if (at >= 0) list[at] = spec;
    else list.push(spec);
  }
}

export class DirectiveTable {
  /** Names this table defines itself; the rest are looked up in `base`. */
  readonly #own = new Map<string, DirectiveSpec[]>();
  readonly #base: DirectiveTable | undefined;
  #sortedNames: readonly string[] | undefined;
  #foldedNames: Map<string, string> | undefined;

  private constructor(base: DirectiveTable | undefined, specs: readonly DirectiveSpec[]) {
    this.#base = base;
    addAll(this.#own, specs, (name) => base?.lookup(name) ?? NONE);
  }

  /** nginx, Tengine and OpenResty: what every unit starts from. */
  static readonly builtin: DirectiveTable = new DirectiveTable(undefined, [...NGINX_DIRECTIVES, ...TENGINE_DIRECTIVES, ...OPENRESTY_DIRECTIVES]);

  /** This table with `specs` (third-party directives a config declares) added; this table itself stays as it is. */
  with(specs: readonly DirectiveSpec[]): DirectiveTable {
    return specs.length === 0 ? this : new DirectiveTable(this, specs);
  }

  /** Every definition of `name` (exact, case-sensitive, like nginx); empty when unknown. */
  lookup(name: string): readonly DirectiveSpec[] {
    return this.#own.get(name) ?? this.#base?.lookup(name) ?? NONE;
  }

  has(name: string): boolean {
    return this.#own.has(name) || (this.#base?.has(name) ?? false);
  }

  /** All known directive names, sorted. */
  names(): readonly string[] {
    if (this.#sortedNames === undefined) {
      const names = new Set(this.#base?.names());
      for (const name of this.#own.keys()) names.add(name);
      this.#sortedNames = Object.freeze([...names].sort());
    }
    return this.#sortedNames;
  }

  /**
   * The closest known directive name for a did-you-mean, or undefined when `name` is known or
   * nothing is close: same name up to case/`_`/`-`, else edit distance ≤ 2 (≤ 1 for names of
   * four characters or fewer, where two edits reach too many unrelated names).
   */
  suggest(name: string): string | undefined {
    if (name.length === 0 || this.has(name)) return undefined;
    const sameFolded = this.#folded().get(fold(name));
    if (sameFolded !== undefined) return sameFolded;

    const lower = name.toLowerCase();
    const limit = lower.length <= 4 ? 1 : 2;
    let best: string | undefined;
    let bestScore = Number.POSITIVE_INFINITY;
    for (const candidate of this.names()) {
      const distance = editDistance(lower, candidate, limit);
      if (distance > limit) continue;
      // Ties go to the candidate that keeps the typed first letter, then the shorter name.
      const score = distance * 4 + (candidate[0] === lower[0] ? 0 : 2) + (candidate.length > lower.length ? 1 : 0);
      if (score < bestScore) {
        bestScore = score;
        best = candidate;
      }
    }
    return best;
  }

  #folded(): Map<string, string> {
    if (this.#foldedNames === undefined) {
      this.#foldedNames = new Map();
      for (const name of this.names()) {
        const key = fold(name);
        if (!this.#foldedNames.has(key)) this.#foldedNames.set(key, name);
      }
    }
    return this.#foldedNames;
  }
}

/** Lowercased, without `_` and `-`: `Proxy-Pass`, `proxypass` and `proxy_pass` fold alike. */
function fold(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}

/**
 * Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions),
 * giving up once every path exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, prevPrev[j - 2]! + 1);
      }
      row.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}
