/**
 * The two spellings of a sysctl key. The kernel's dotted form names `/proc/sys/net/ipv4/tcp_syncookies`
 * as `net.ipv4.tcp_syncookies`; a dot inside one path component (a VLAN `eth0.100`) is written `/`.
 * procps (`slashdot`) and systemd (`sysctl_normalize`) decide by the FIRST separator: a key whose first
 * separator is `/` is a path, and converting it swaps every `/` and `.`; a key whose first separator is
 * `.` is already dotted.
 */
export function normaliseKey(rawKey: string): string {
  const first = rawKey.search(/[./]/);
  if (first < 0 || rawKey[first] === '.') return rawKey;
  return rawKey.replace(/[./]/g, (separator) => (separator === '/' ? '.' : '/'));
}

/** procps treats a key with any of `*?[` as a glob (GLOB_CHARS in sysctl.c). */
export function isGlobKey(key: string): boolean {
  return /[*?[]/.test(key);
}

/** Tests one dotted key against a procps glob. */
export interface GlobPattern {
  test(key: string): boolean;
}

type GlobToken = { kind: 'literal'; char: string } | { kind: 'any' } | { kind: 'star' } | { kind: 'class'; members: RegExp };

function tokenize(pattern: string): GlobToken[] {
  const tokens: GlobToken[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') tokens.push({ kind: 'star' });
    else if (c === '?') tokens.push({ kind: 'any' });
    else if (c === '[' && pattern.indexOf(']', i + 2) >= 0) {
      const close = pattern.indexOf(']', i + 2);
      const body = pattern.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      const members = (negated ? body.slice(1) : body).replace(/[\\\]^]/g, '\\$&');
      // One bracket expression tests one character: no quantifier, so nothing to backtrack.
      tokens.push({ kind: 'class', members: new RegExp(`^[${negated ? '^' : ''}${members}]$`) });
      i = close;
    } else tokens.push({ kind: 'literal', char: c });
  }
  return tokens;
}

function matchesOne(token: GlobToken, char: string): boolean {
  if (token.kind === 'literal') return token.char === char;
  if (token.kind === 'any') return true;
  return token.kind === 'class' && token.members.test(char);
}

/**
 * Wildcard matching with one resume point (the last `*`): on a mismatch the last star takes one
 * more character. Linear in practice and at worst text × pattern, never exponential — a regular
 * expression of many `*` against a long key backtracks for minutes.
 */
function matchTokens(tokens: readonly GlobToken[], text: string): boolean {
  let p = 0;
  let t = 0;
  let starAt = -1;
  let starText = 0;
  while (t < text.length) {
    const token = tokens[p];
    if (token && token.kind === 'star') {
      starAt = p++;
      starText = t;
    } else if (token && matchesOne(token, text[t]!)) {
      p++;
      t++;
    } else if (starAt >= 0) {
      p = starAt + 1;
      t = ++starText;
    } else return false;
  }
  while (tokens[p]?.kind === 'star') p++;
  return p === tokens.length;
}

function splitComponents(tokens: readonly GlobToken[]): GlobToken[][] {
  const components: GlobToken[][] = [[]];
  for (const token of tokens) {
    if (token.kind === 'literal' && token.char === '.') components.push([]);
    else components.at(-1)!.push(token);
  }
  return components;
}

/**
 * A glob over dotted keys. Assignments are expanded with glob(3) over /proc/sys paths, so `*`, `?`
 * and brackets stay inside one component; `-pattern` exclusions are matched with fnmatch(3)
 * without FNM_PATHNAME, so there `*` also crosses separators.
 */
export function compileGlob(pattern: string, mode: 'assignment' | 'exclusion'): GlobPattern {
  const tokens = tokenize(pattern);
  if (mode === 'exclusion') return { test: (key) => matchTokens(tokens, key) };
  const components = splitComponents(tokens);
  return {
    test(key) {
      const parts = key.split('.');
      return parts.length === components.length && components.every((component, i) => matchTokens(component, parts[i]!));
    },
  };
}
