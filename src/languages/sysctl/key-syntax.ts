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

/**
 * A glob over dotted keys. Assignments are expanded with glob(3) over /proc/sys paths, so `*` stays
 * inside one component; `-pattern` exclusions are matched with fnmatch(3) without FNM_PATHNAME, so
 * there `*` also crosses separators.
 */
export function globToRegExp(pattern: string, mode: 'assignment' | 'exclusion'): RegExp {
  const any = mode === 'assignment' ? '[^.]' : '.';
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') source += `${any}*`;
    else if (c === '?') source += any;
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) {
        source += '\\[';
        continue;
      }
      const body = pattern.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      const members = (negated ? body.slice(1) : body).replace(/[\\\]^]/g, '\\$&');
      source += `[${negated ? '^' : ''}${members}]`;
      i = close;
    } else source += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
