import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Fix, TextEdit } from '../src/core/finding.js';
import { applyEdits, selectFixes } from '../src/engine/fix-apply.js';
import { unifiedDiff } from '../src/engine/fix-diff.js';

const edit = (start: number, end: number, text: string, file = 'a.conf'): TextEdit => ({ file, start, end, text });
const fix = (...edits: TextEdit[]): Fix => ({ title: 't', safety: 'safe', edits });
const lengths = (map: Record<string, number>) => (file: string) => map[file];

describe('selectFixes', () => {
  it('takes fixes that do not overlap and defers the ones that do', () => {
    const selection = selectFixes(
      [
        { key: 'a', fix: fix(edit(0, 3, 'X')) },
        { key: 'b', fix: fix(edit(2, 5, 'Y')) },
        { key: 'c', fix: fix(edit(5, 6, 'Z')) },
      ],
      lengths({ 'a.conf': 10 }),
    );
    expect(selection.accepted.map((c) => c.key)).toEqual(['a', 'c']);
    expect(selection.deferred.map((c) => c.key)).toEqual(['b']);
    expect(selection.editsByFile.get('a.conf')).toEqual([edit(0, 3, 'X'), edit(5, 6, 'Z')]);
  });

  it('treats two insertions at one offset as a conflict, but an identical edit as already done', () => {
    const selection = selectFixes(
      [
        { key: 'a', fix: fix(edit(4, 4, 'one;')) },
        { key: 'b', fix: fix(edit(4, 4, 'two;')) },
        { key: 'c', fix: fix(edit(4, 4, 'one;')) },
      ],
      lengths({ 'a.conf': 10 }),
    );
    expect(selection.accepted.map((c) => c.key)).toEqual(['a', 'c']);
    expect(selection.deferred.map((c) => c.key)).toEqual(['b']);
    expect(selection.editsByFile.get('a.conf')).toEqual([edit(4, 4, 'one;')]);
  });

  it('takes a multi-file fix whole or not at all', () => {
    const selection = selectFixes(
      [
        { key: 'a', fix: fix(edit(0, 2, 'X', 'b.conf')) },
        { key: 'b', fix: fix(edit(0, 0, 'Y', 'a.conf'), edit(1, 3, 'Z', 'b.conf')) },
      ],
      lengths({ 'a.conf': 5, 'b.conf': 5 }),
    );
    expect(selection.accepted.map((c) => c.key)).toEqual(['a']);
    expect(selection.editsByFile.has('a.conf')).toBe(false);
  });

  it('never takes an edit outside the text or in an unknown file', () => {
    const selection = selectFixes(
      [
        { key: 'past-end', fix: fix(edit(3, 12, 'X')) },
        { key: 'reversed', fix: fix(edit(4, 2, 'X')) },
        { key: 'unknown', fix: fix(edit(0, 0, 'X', 'other.conf')) },
        { key: 'empty', fix: fix() },
      ],
      lengths({ 'a.conf': 10 }),
    );
    expect(selection.accepted).toEqual([]);
  });
});

describe('applyEdits', () => {
  it('replaces, inserts and deletes while keeping every other byte', () => {
    const text = 'a;\r\n  # keep\r\nproxy_http_version 1.0;\r\n';
    const version = text.indexOf('1.0');
    const out = applyEdits(text, [edit(version, version + 3, '1.1'), edit(0, 0, '# top\r\n'), edit(0, 2, 'b;')]);
    expect(out).toBe('# top\r\nb;\r\n  # keep\r\nproxy_http_version 1.1;\r\n');
  });

  it('applies any set of non-overlapping edits like one left-to-right rebuild', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 5 })), { maxLength: 8 }), (text, raw) => {
        const candidates = raw.map(([a, b, insert], i) => {
          const start = Math.min(a, b) % (text.length + 1);
          const end = Math.min(text.length, start + (Math.max(a, b) % 4));
          return { key: i, fix: fix(edit(start, end, insert)) };
        });
        const { editsByFile } = selectFixes(candidates, () => text.length);
        const edits = editsByFile.get('a.conf') ?? [];
        let expected = '';
        let cursor = 0;
        for (const e of edits) {
          expected += text.slice(cursor, e.start) + e.text;
          cursor = e.end;
        }
        expected += text.slice(cursor);
        expect(applyEdits(text, edits)).toBe(expected);
      }),
    );
  });
});

describe('unifiedDiff', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hoplint-diff-'));

  /** Applies our diff with GNU patch and checks that it reproduces the new text exactly. */
  function roundTripsThroughPatch(before: string, after: string): void {
    const file = join(dir, 'f.conf');
    writeFileSync(file, before);
    const diff = unifiedDiff('f.conf', before, after);
    const run = spawnSync('patch', ['--binary', '-s', '-p1', '-d', dir], { input: diff, encoding: 'utf8' });
    expect(run.status, `${run.stdout}${run.stderr}\n${diff}`).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(after);
  }

  it('prints the hunks of `diff -u`', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n';
    const after = 'a\nb\nc\nd\nE\nf\ng\nh\ni\nj\nk\n';
    expect(unifiedDiff('x.conf', before, after)).toBe(
      '--- a/x.conf\n+++ b/x.conf\n@@ -2,9 +2,10 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n i\n j\n+k\n',
    );
    expect(unifiedDiff('x.conf', before, before)).toBe('');
  });

  it('marks a missing final newline and keeps CRLF', () => {
    expect(unifiedDiff('x', 'a\r\nb', 'a\r\nc')).toBe('--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\r\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n');
    roundTripsThroughPatch('a\r\nb', 'a\r\nc\r\n');
  });

  it('round-trips through patch for any pair of texts', () => {
    const line = fc.constantFrom('a', 'b', 'c', 'listen 80;', '', '# c');
    const text = fc.array(line, { maxLength: 25 }).chain((lines) => fc.constantFrom('\n', '\r\n').chain((eol) => fc.boolean().map((last) => lines.join(eol) + (last && lines.length > 0 ? eol : ''))));
    fc.assert(
      fc.property(text, text, (before, after) => {
        roundTripsThroughPatch(before, after);
      }),
      { numRuns: 60 },
    );
  });
});
