/**
 * Lookup over the directive table: nginx, Tengine, OpenResty, plus third-party modules a
 * hoplint config declares. A name maps to every definition of it (`server` is five of them),
 * and the caller picks by context, as nginx itself does.
 */
import { NGINX_DIRECTIVES } from './nginx.js';
import { OPENRESTY_DIRECTIVES } from './openresty.js';
import { TENGINE_DIRECTIVES } from './tengine.js';
import type { DirectiveSpec } from './types.js';

export type { ArgShape, DirectiveSpec, NginxContext } from './types.js';

const NONE: readonly DirectiveSpec[] = Object.freeze([]);

const byName = new Map<string, DirectiveSpec[]>();
let sortedNames: readonly string[] | undefined;
let foldedNames: Map<string, string> | undefined;

function add(spec: DirectiveSpec): void {
  const list = byName.get(spec.name);
  if (list === undefined) {
    byName.set(spec.name, [spec]);
    return;
  }
  // A re-declared (name, module) pair replaces the old one so a config can correct an entry.
  const at = list.findIndex((s) => s.module === spec.module);
  if (at >= 0) list[at] = spec;
  else list.push(spec);
}

for (const spec of [...NGINX_DIRECTIVES, ...TENGINE_DIRECTIVES, ...OPENRESTY_DIRECTIVES]) add(spec);

/** Every definition of `name` (exact, case-sensitive, like nginx); empty when unknown. */
export function lookupDirective(name: string): readonly DirectiveSpec[] {
  return byName.get(name) ?? NONE;
}

/** All known directive names, sorted. */
export function allDirectiveNames(): readonly string[] {
  sortedNames ??= Object.freeze([...byName.keys()].sort());
  return sortedNames;
}

/** Adds third-party module directives (declared in a hoplint config) to the table. */
export function registerDirectives(specs: readonly DirectiveSpec[]): void {
  for (const spec of specs) add(spec);
  sortedNames = undefined;
  foldedNames = undefined;
}

/** Lowercased, without `_` and `-`: `Proxy-Pass`, `proxypass` and `proxy_pass` fold alike. */
function fold(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}

function folded(): Map<string, string> {
  if (foldedNames === undefined) {
    foldedNames = new Map();
    for (const name of allDirectiveNames()) {
      const key = fold(name);
      if (!foldedNames.has(key)) foldedNames.set(key, name);
    }
  }
  return foldedNames;
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

/**
 * The closest known directive name for a did-you-mean, or undefined when `name` is known or
 * nothing is close: same name up to case/`_`/`-`, else edit distance ≤ 2 (≤ 1 for names of
 * four characters or fewer, where two edits reach too many unrelated names).
 */
export function suggestDirective(name: string): string | undefined {
  if (name.length === 0 || byName.has(name)) return undefined;
  const sameFolded = folded().get(fold(name));
  if (sameFolded !== undefined) return sameFolded;

  const lower = name.toLowerCase();
  const limit = lower.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of allDirectiveNames()) {
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
