import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlob } from '../src/languages/sysctl/index.js';

/** The plain regular-expression reading of a glob, for short patterns only (it backtracks exponentially). */
function reference(pattern: string, mode: 'assignment' | 'exclusion'): RegExp {
  const any = mode === 'assignment' ? '[^.]' : '.';
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') source += `${any}*`;
    else if (c === '?') source += any;
    else if (c === '[' && pattern.indexOf(']', i + 2) >= 0) {
      const close = pattern.indexOf(']', i + 2);
      const body = pattern.slice(i + 1, close);
      const negated = body.startsWith('!');
      const members = negated ? body.slice(1) : body;
      source += `(?=${any})[${negated ? '^' : ''}${members}]`;
      i = close;
    } else source += c === '.' ? '\\.' : c;
  }
  return new RegExp(`^${source}$`);
}

describe('compileGlob', () => {
  it('keeps *, ? and brackets inside one component for assignments, and lets exclusions cross dots', () => {
    expect(compileGlob('net.ipv4.conf.*.rp_filter', 'assignment').test('net.ipv4.conf.eth0/100.rp_filter')).toBe(true);
    expect(compileGlob('net.ipv4.conf.*.rp_filter', 'assignment').test('net.ipv4.conf.a.b.rp_filter')).toBe(false);
    expect(compileGlob('net.*', 'assignment').test('net.ipv4.tcp_syncookies')).toBe(false);
    expect(compileGlob('net.*', 'exclusion').test('net.ipv4.tcp_syncookies')).toBe(true);
    expect(compileGlob('net.ipv4.conf.eth[01].rp_filter', 'assignment').test('net.ipv4.conf.eth1.rp_filter')).toBe(true);
    expect(compileGlob('net.ipv4.conf.eth[!01].rp_filter', 'assignment').test('net.ipv4.conf.eth1.rp_filter')).toBe(false);
    expect(compileGlob('kernel.?', 'assignment').test('kernel..')).toBe(false);
  });

  it('answers at once for a pattern that makes a regular expression backtrack exponentially', () => {
    // The fuzz reproducer test/fuzz-regressions/sysctl-57d8ba090a1a.txt: a*a*…*b against 36 a's.
    const pattern = `${'a*'.repeat(15)}b`;
    expect(compileGlob(pattern, 'assignment').test('a'.repeat(36))).toBe(false);
    expect(compileGlob(pattern, 'exclusion').test(`${'a'.repeat(36)}b`)).toBe(true);
  });

  it('agrees with the regular-expression reading on short patterns', () => {
    const patternChar = fc.constantFrom('a', 'b', '.', '*', '?', '[ab]', '[!a]');
    const keyChar = fc.constantFrom('a', 'b', 'c', '.');
    fc.assert(
      fc.property(fc.array(patternChar, { maxLength: 7 }), fc.array(keyChar, { maxLength: 9 }), fc.constantFrom('assignment' as const, 'exclusion' as const), (parts, keyParts, mode) => {
        const pattern = parts.join('');
        const key = keyParts.join('');
        expect(compileGlob(pattern, mode).test(key)).toBe(reference(pattern, mode).test(key));
      }),
      { numRuns: 3000 },
    );
  });
});
