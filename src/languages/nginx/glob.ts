import type { FileHost } from '../../core/host.js';

/**
 * The part of glob(3) that nginx's `include` uses (`ngx_open_glob`, flags 0): `*`, `?`, `[…]`
 * (with `!`/`^` negation and ranges) and `\` escapes, matched one directory level at a time.
 * Names starting with `.` match only a literal `.`; results are sorted like glob's (byte order);
 * a pattern that matches nothing yields an empty list, as nginx accepts.
 */

const STAR = 42;
const QUESTION = 63;
const LEFT_BRACKET = 91;
const RIGHT_BRACKET = 93;
const BACKSLASH = 92;
const EXCLAMATION = 33;
const CARET = 94;
const MINUS = 45;
const DOT = 46;

/** nginx decides between a plain include and a glob with `strpbrk(file, "*?[")`. */
export function hasGlobMagic(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (c === STAR || c === QUESTION || c === LEFT_BRACKET) return true;
  }
  return false;
}

function segmentHasMagic(segment: string): boolean {
  for (let i = 0; i < segment.length; i++) {
    const c = segment.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === STAR || c === QUESTION || c === LEFT_BRACKET) return true;
  }
  return false;
}

function unescapeSegment(segment: string): string {
  if (!segment.includes('\\')) return segment;
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    if (segment.charCodeAt(i) === BACKSLASH && i + 1 < segment.length) i++;
    out += segment[i];
  }
  return out;
}

/** Matches `[…]` at `at` against `ch`; returns the index after `]`, or -1 (no match), or -2 (not a class). */
function matchClass(pattern: string, at: number, ch: number): number {
  let i = at + 1;
  let negate = false;
  const first = pattern.charCodeAt(i);
  if (first === EXCLAMATION || first === CARET) {
    negate = true;
    i++;
  }
  let matched = false;
  let firstMember = true;
  while (i < pattern.length) {
    let c = pattern.charCodeAt(i);
    if (c === RIGHT_BRACKET && !firstMember) return matched !== negate ? i + 1 : -1;
    firstMember = false;
    if (c === BACKSLASH && i + 1 < pattern.length) {
      i++;
      c = pattern.charCodeAt(i);
    }
    if (pattern.charCodeAt(i + 1) === MINUS && i + 2 < pattern.length && pattern.charCodeAt(i + 2) !== RIGHT_BRACKET) {
      let hi = pattern.charCodeAt(i + 2);
      let next = i + 3;
      if (hi === BACKSLASH && i + 3 < pattern.length) {
        hi = pattern.charCodeAt(i + 3);
        next = i + 4;
      }
      if (ch >= c && ch <= hi) matched = true;
      i = next;
    } else {
      if (ch === c) matched = true;
      i++;
    }
  }
  return -2;
}

/** Whether one path segment `name` matches the glob segment `pattern`. */
export function matchGlobSegment(pattern: string, name: string): boolean {
  if (name.charCodeAt(0) === DOT) {
    const lead = pattern.charCodeAt(0) === BACKSLASH ? pattern.charCodeAt(1) : pattern.charCodeAt(0);
    if (lead !== DOT) return false;
  }
  let p = 0;
  let s = 0;
  let starP = -1;
  let starS = 0;
  while (s < name.length) {
    if (p < pattern.length) {
      const c = pattern.charCodeAt(p);
      if (c === STAR) {
        starP = p++;
        starS = s;
        continue;
      }
      if (c === QUESTION) {
        p++;
        s++;
        continue;
      }
      if (c === LEFT_BRACKET) {
        const next = matchClass(pattern, p, name.charCodeAt(s));
        if (next >= 0) {
          p = next;
          s++;
          continue;
        }
        if (next === -2 && name.charCodeAt(s) === LEFT_BRACKET) {
          p++;
          s++;
          continue;
        }
      } else if (c === BACKSLASH && p + 1 < pattern.length) {
        if (pattern.charCodeAt(p + 1) === name.charCodeAt(s)) {
          p += 2;
          s++;
          continue;
        }
      } else if (c === name.charCodeAt(s)) {
        p++;
        s++;
        continue;
      }
    }
    if (starP < 0) return false;
    p = starP + 1;
    s = ++starS;
  }
  while (p < pattern.length && pattern.charCodeAt(p) === STAR) p++;
  return p === pattern.length;
}

function joinPath(dir: string, name: string): string {
  if (dir === '') return name;
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

/** Expands `pattern` through `host`, one directory level at a time; sorted, never throws. */
export async function expandGlob(pattern: string, host: FileHost): Promise<string[]> {
  const absolute = pattern.startsWith('/');
  const segments = pattern.split('/').filter((segment) => segment !== '');
  let current: string[] = [absolute ? '/' : ''];
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!;
    const last = index === segments.length - 1;
    const next: string[] = [];
    if (!segmentHasMagic(segment)) {
      const literal = unescapeSegment(segment);
      for (const dir of current) next.push(joinPath(dir, literal));
    } else {
      for (const dir of current) {
        let names: string[];
        try {
          names = await host.readDir(dir === '' ? '.' : dir);
        } catch {
          continue;
        }
        for (const name of names) if (matchGlobSegment(segment, name)) next.push(joinPath(dir, name));
      }
    }
    current = next;
    if (current.length === 0) return [];
    if (!last && !segmentHasMagic(segment)) continue;
    if (!last) {
      // Only directories can hold the next level.
      const dirs: string[] = [];
      for (const candidate of current) if (await isDirectory(host, candidate)) dirs.push(candidate);
      current = dirs;
    }
  }
  const existing: string[] = [];
  for (const candidate of current) if (await exists(host, candidate)) existing.push(candidate);
  return existing.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function isDirectory(host: FileHost, path: string): Promise<boolean> {
  try {
    return (await host.stat(path)).isDirectory;
  } catch {
    return false;
  }
}

async function exists(host: FileHost, path: string): Promise<boolean> {
  try {
    await host.stat(path);
    return true;
  } catch {
    return false;
  }
}
