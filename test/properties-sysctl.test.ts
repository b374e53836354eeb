import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPositions } from '../bench/fuzz/positions.mjs';
import { LineIndex } from '../src/core/source.js';
import { parseSysctl } from '../src/languages/sysctl/index.js';
import { computeEffectiveSysctls } from '../src/link/index.js';
import { corpusFor, itHoldsParserProperties, mutationArbitrary } from './support/parser-properties.js';
import { applyMutations } from '../bench/fuzz/mutate.mjs';

const SYSCTL_TOKENS = ['net.ipv4.tcp_tw_reuse', 'net.ipv4.conf.all.rp_filter', 'kernel.*', 'net.*.conf.[ae]*.x', '=', ' = ', '-', ' # inline', '; x', '1', '0 65535', '\n', '/'];

describe('sysctl parser and effective values (properties)', () => {
  itHoldsParserProperties('sysctl', { tokens: SYSCTL_TOKENS, numRuns: 100 });

  it('gives every effective value from an applied assignment of the files, whatever their directories and masking', () => {
    const directory = fc.constantFrom('/etc/sysctl.d', '/run/sysctl.d', '/usr/local/lib/sysctl.d', '/usr/lib/sysctl.d', '/lib/sysctl.d', '/etc');
    const name = fc.constantFrom('10-a.conf', '50-b.conf', '99-c.conf', 'sysctl.conf', 'x.txt');
    const seeds = corpusFor('sysctl').map((seed) => seed.text);
    const text = fc.tuple(fc.constantFrom(...seeds), fc.array(mutationArbitrary, { maxLength: 3 })).map(([seed, mutations]) => applyMutations(seed, mutations));
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(directory, name, text), { minLength: 1, maxLength: 5, selector: ([dir, base]) => `${dir}/${base}` }), (entries) => {
        const files = entries.map(([dir, base, content]) => parseSysctl(`${dir}/${base}`, content));
        const texts = new Map(files.map((file) => [file.file, file.text]));
        const effective = computeEffectiveSysctls(files);
        const assignments = new Set(files.flatMap((file) => file.assignments));
        for (const key of effective.keys()) {
          const value = effective.get(key)!;
          expect(assignments.has(value.assignment)).toBe(true);
          expect(value.history.filter((entry) => entry.outcome === 'applied').map((entry) => entry.assignment)).toContain(value.assignment);
        }
        const values = effective.keys().map((key) => effective.get(key));
        expect(checkPositions([files, values, effective.globs, effective.masked], (file) => texts.get(file), LineIndex).problems).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps positions on huge lines, lone CRs and long runs of separators', () => {
    fc.assert(
      fc.property(fc.constantFrom(' ', '=', '-', '#', ';', '.', '*', '\r', '\\', 'a'), fc.integer({ min: 1, max: 50_000 }), fc.constantFrom('', 'net.x = ', '-'), (unit, count, prefix) => {
        const text = prefix + unit.repeat(count);
        const parsed = parseSysctl('/etc/sysctl.conf', text);
        expect(checkPositions(parsed, () => text, LineIndex).problems).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });
});
