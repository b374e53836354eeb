import { describe, expect, it } from 'vitest';
import { parseSuppressionComments } from '../src/engine/suppressions.js';

const brief = (text: string) => parseSuppressionComments('f.conf', text).map(({ kind, line, column, endColumn, rules, reason }) => ({ kind, line, column, endColumn, ids: rules.map((r) => `${r.id}@${r.column}`), reason }));

describe('parseSuppressionComments', () => {
  it('finds nothing in a file without the marker', () => {
    expect(parseSuppressionComments('f.conf', 'events {}\nhttp {\n    # a comment\n}\n')).toEqual([]);
  });

  it('numbers lines ended by LF, CRLF and a lone CR alike', () => {
    const text = 'events {}\r\n\rhttp {\n  listen 80; # hoplint-disable-line a, b -- why\r  # hoplint-enable\n}';
    expect(brief(text)).toEqual([
      { kind: 'disable-line', line: 4, column: 14, endColumn: 48, ids: ['a@37', 'b@40'], reason: 'why' },
      { kind: 'enable', line: 5, column: 3, endColumn: 19, ids: [], reason: undefined },
    ]);
  });

  it('makes a disable file-wide only before the first content line', () => {
    expect(brief('# header\n\n; note\n  # hoplint-disable x\nevents {}\n# hoplint-disable y').map((c) => [c.kind, c.line])).toEqual([
      ['disable-file', 4],
      ['disable', 6],
    ]);
    expect(brief('listen 80; # hoplint-disable\n# hoplint-disable').map((c) => c.kind)).toEqual(['disable', 'disable']);
    expect(brief('events {} # hoplint-foo\n# hoplint-disable').map((c) => c.kind)).toEqual(['disable']);
  });
});
