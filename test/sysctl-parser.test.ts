import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseKey, parseSysctl, type SysctlAssignment } from '../src/languages/sysctl/index.js';
import type { Span } from '../src/core/source.js';

const CORPUS = '/work/shared/corpus/real/sysctl';

function parseCorpus(name: string) {
  const file = join(CORPUS, name);
  return parseSysctl(file, readFileSync(file, 'utf8'));
}

function at(span: Span): string {
  return `${span.line}:${span.column}-${span.endLine}:${span.endColumn}`;
}

function summary(a: SysctlAssignment) {
  return { key: a.key, value: a.value, key_at: at(a.keySpan), value_at: at(a.valueSpan), ignoreFailure: a.ignoreFailure, exclude: a.exclude, isGlob: a.isGlob };
}

describe('parseSysctl on the real corpus', () => {
  it('reads procps sysctl.conf: slash keys become dotted, commented-out settings stay comments', () => {
    const parsed = parseCorpus('procps-sysctl.conf');
    expect(parsed.issues).toEqual([]);
    expect(parsed.assignments.map((a) => [a.key, a.value, a.keySpan.line])).toEqual([
      ['net.ipv4.tcp_syncookies', '1', 10],
      ['net.ipv4.conf.all.log_martians', '1', 13],
      ['net.ipv4.conf.all.accept_redirects', '0', 16],
      ['net.ipv4.conf.all.accept_source_route', '0', 17],
      ['net.ipv4.icmp_echo_ignore_broadcasts', '1', 18],
      ['kernel.pid_max', '10000', 59],
    ]);
    const broadcasts = parsed.assignments[4]!;
    expect(broadcasts.rawKey).toBe('net/ipv4/icmp_echo_ignore_broadcasts');
    expect(at(broadcasts.keySpan)).toBe('18:1-18:37');
    expect(at(broadcasts.valueSpan)).toBe('18:39-18:40');
    expect(at(broadcasts.lineSpan)).toBe('18:1-18:40');
    expect(at(parsed.assignments[5]!.valueSpan)).toBe('59:16-59:21');
    expect(parsed.comments[0]).toMatchObject({ text: '# /etc/sysctl.conf - Configuration file for setting system variables', span: { line: 1, column: 1 } });
    expect(parsed.comments.find((c) => c.text === '#net/ipv4/ip_forward=1')?.span.line).toBe(21);
    expect(parsed.comments.find((c) => c.text.startsWith('#net.ipv4.ip_local_port_range'))?.span.line).toBe(24);
  });

  it('reads systemd 50-default.conf including the "-" ignore-failure key and a two-number value', () => {
    const parsed = parseCorpus('systemd-50-default.conf');
    expect(parsed.issues).toEqual([]);
    expect(parsed.assignments).toHaveLength(11);
    expect(summary(parsed.assignments[2]!)).toEqual({
      key: 'net.ipv4.conf.all.rp_filter', value: '2', key_at: '25:1-25:28', value_at: '25:31-25:32', ignoreFailure: false, exclude: false, isGlob: false,
    });
    expect(summary(parsed.assignments[5]!)).toEqual({
      key: 'net.ipv4.ping_group_range', value: '0 2147483647', key_at: '39:2-39:27', value_at: '39:30-39:42', ignoreFailure: true, exclude: false, isGlob: false,
    });
    expect(parsed.assignments.at(-1)).toMatchObject({ key: 'fs.protected_fifos', value: '1' });
  });

  it('reads the procps glob test: a glob, a named override and a "-" exclusion glob', () => {
    const parsed = parseCorpus('procps-glob-test.conf');
    expect(parsed.issues).toEqual([]);
    expect(parsed.assignments.map(summary)).toEqual([
      { key: 'fs.protected_*', value: '2', key_at: '4:1-4:15', value_at: '4:18-4:19', ignoreFailure: false, exclude: false, isGlob: true },
      { key: 'fs.protected_hardlinks', value: '1', key_at: '5:1-5:23', value_at: '5:26-5:27', ignoreFailure: false, exclude: false, isGlob: false },
      { key: 'fs.protected_regul*', value: undefined, key_at: '6:2-6:21', value_at: '6:21-6:21', ignoreFailure: false, exclude: true, isGlob: true },
    ]);
    expect(parsed.comments.map((c) => c.span.line)).toEqual([1, 2, 3]);
  });

  it('reads the procps slash test', () => {
    const parsed = parseCorpus('procps-slash-test.conf');
    expect(parsed.issues).toEqual([]);
    expect(parsed.assignments.map(summary)).toEqual([
      { key: 'kernel.hostname', value: 'procps-test', key_at: '1:1-1:16', value_at: '1:19-1:30', ignoreFailure: false, exclude: false, isGlob: false },
    ]);
  });
});

describe('key normalisation', () => {
  it.each([
    ['net.ipv4.ip_forward', 'net.ipv4.ip_forward'],
    ['net/ipv4/ip_forward', 'net.ipv4.ip_forward'],
    ['net/ipv4/conf/eth0.100/rp_filter', 'net.ipv4.conf.eth0/100.rp_filter'],
    ['net.ipv4.conf.eth0/100.rp_filter', 'net.ipv4.conf.eth0/100.rp_filter'],
    ['kernel', 'kernel'],
  ])('%s -> %s', (raw, dotted) => {
    expect(normaliseKey(raw)).toBe(dotted);
  });
});

describe('line shapes', () => {
  it('accepts "key=value", surrounding whitespace, tabs inside values, ";" comments and CRLF', () => {
    const text = 'net.ipv4.ip_forward=1\r\n\t net.ipv4.ip_local_port_range =\t32768\t60999  \r\n; a comment\r\nvm.swappiness =\r\n';
    const parsed = parseSysctl('x.conf', text);
    expect(parsed.issues).toEqual([]);
    expect(parsed.assignments.map(summary)).toEqual([
      { key: 'net.ipv4.ip_forward', value: '1', key_at: '1:1-1:20', value_at: '1:21-1:22', ignoreFailure: false, exclude: false, isGlob: false },
      { key: 'net.ipv4.ip_local_port_range', value: '32768\t60999', key_at: '2:3-2:31', value_at: '2:34-2:45', ignoreFailure: false, exclude: false, isGlob: false },
      { key: 'vm.swappiness', value: '', key_at: '4:1-4:14', value_at: '4:16-4:16', ignoreFailure: false, exclude: false, isGlob: false },
    ]);
    expect(parsed.comments).toEqual([{ text: '; a comment', span: expect.objectContaining({ line: 3, column: 1, endColumn: 12 }) }]);
    const range = parsed.assignments[1]!;
    expect(text.slice(range.valueSpan.start, range.valueSpan.end)).toBe('32768\t60999');
  });

  it('keeps a trailing "# …" in the value and records it as an inline comment', () => {
    const parsed = parseSysctl('x.conf', 'net.ipv4.tcp_tw_reuse = 1 # reuse TIME-WAIT\nkernel.core_pattern = |/bin/dump %p;x\nkernel.hostname = # none\nnet.core.somaxconn = 4096\t; tuned\n');
    expect(parsed.issues).toEqual([]);
    const [reuse, pattern, hostname, somaxconn] = parsed.assignments;
    expect(reuse!.value).toBe('1 # reuse TIME-WAIT');
    expect(reuse!.inlineComment).toEqual({ text: '# reuse TIME-WAIT', span: expect.objectContaining({ line: 1, column: 27, endColumn: 44 }) });
    expect(pattern!.inlineComment).toBeUndefined();
    expect(hostname!.inlineComment?.span.column).toBe(19);
    expect(somaxconn!.inlineComment?.text).toBe('; tuned');
  });

  it('counts columns in UTF-16 units', () => {
    const parsed = parseSysctl('x.conf', 'kernel.hostname = h\u{1F600}st # emoji\n');
    expect(parsed.assignments[0]!.inlineComment?.span.column).toBe(25);
    expect(parsed.assignments[0]!.valueSpan.endColumn).toBe(32);
  });

  it('reads "-key" alone as a glob exclusion, with or without a glob', () => {
    const parsed = parseSysctl('x.conf', '-net.ipv4.conf.lo.rp_filter\n-net.ipv4.conf.*.log_martians   \n');
    expect(parsed.assignments.map((a) => [a.key, a.exclude, a.isGlob, a.value])).toEqual([
      ['net.ipv4.conf.lo.rp_filter', true, false, undefined],
      ['net.ipv4.conf.*.log_martians', true, true, undefined],
    ]);
  });
});

describe('malformed input gives positioned issues', () => {
  it.each([
    ['a line without "="', 'net.ipv4.ip_forward 1\n', '1:1-1:22', /line is not an assignment/],
    ['a key-less assignment', '  = 1\n', '1:3-1:4', /missing key before "="/],
    ['a lone "-"', '-   \n', '1:1-1:2', /"-" must be followed by a key/],
    ['a space after "-"', '- net.ipv4.ip_forward = 1\n', '1:2-1:3', /whitespace between "-" and the key/],
    ['a space inside the key', 'net.ipv4 .ip_forward = 1\n', '1:9-1:10', /contains whitespace/],
    ['a bad line among good ones', 'vm.swappiness = 10\n\nfoo bar baz\nvm.dirty_ratio = 5\n', '3:1-3:12', /"foo bar baz"/],
    ['a bad last line without newline', 'vm.swappiness = 10\r\noops', '2:1-2:5', /not an assignment/],
  ])('%s', (_name, text, position, message) => {
    const parsed = parseSysctl('bad.conf', text);
    expect(parsed.issues).toHaveLength(1);
    const issue = parsed.issues[0]!;
    expect(at(issue)).toBe(position);
    expect(issue.message).toMatch(message);
    expect(issue.file).toBe('bad.conf');
    expect(issue.ruleId).toBeUndefined();
  });

  it('keeps the good lines around a bad one', () => {
    const parsed = parseSysctl('bad.conf', 'vm.swappiness = 10\n\nfoo bar baz\nvm.dirty_ratio = 5\n');
    expect(parsed.assignments.map((a) => a.key)).toEqual(['vm.swappiness', 'vm.dirty_ratio']);
  });

  it('reports a binary file once, at its first NUL', () => {
    const parsed = parseSysctl('bin.conf', 'vm.x = 1\nab\u0000cd\u0000\nfoo\n');
    expect(parsed.issues).toHaveLength(1);
    expect(at(parsed.issues[0]!)).toBe('2:3-2:4');
    expect(parsed.issues[0]!.message).toMatch(/binary/);
    expect(parsed.assignments).toEqual([]);
  });

  it('never throws, and every span slices back to its token', () => {
    const line = fc.stringMatching(/^[ \t]*[-#;]?[a-z./*=\u00e9 \t#;0-9-]{0,30}$/);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => {
        const text = lines.join(eol);
        const parsed = parseSysctl('p.conf', text);
        for (const a of parsed.assignments) {
          expect(text.slice(a.keySpan.start, a.keySpan.end)).toBe(a.rawKey);
          if (a.value !== undefined) expect(text.slice(a.valueSpan.start, a.valueSpan.end)).toBe(a.value);
          expect(a.value === undefined || a.value === a.value.trim()).toBe(true);
        }
        for (const issue of parsed.issues) expect(issue.end).toBeGreaterThan(issue.start);
      }),
    );
  });
});
