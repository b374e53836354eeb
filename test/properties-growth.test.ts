import { describe, expect, it } from 'vitest';
import { PATHOLOGICAL_UNITS } from '../bench/fuzz/mutate.mjs';
import type { FuzzTargetName } from '../bench/fuzz/targets.mjs';
import { fuzzTarget } from './support/fuzz-api.js';

/*
 * Cost must grow linearly with input size. Tests do not time anything (speed is the bench and
 * fuzz scripts' business, `npm run fuzz` prints the n → 8n time ratios); they check what can be
 * counted — the positions a parser produces for n and 8n repetitions of a unit grow at most
 * linearly — and that inputs built to make a backtracking regex or a rescanning loop explode
 * (long runs of one character) are parsed at all.
 */

const TARGETS: FuzzTargetName[] = ['nginx', 'sysctl', 'yaml', 'kubernetes', 'network-yaml', 'cni', 'flannel'];
const FACTOR = 8;
const BASE_CHARS = 500;
/** Units run at a size where a quadratic scan would not finish within the test timeout. */
const BACKTRACKING_UNITS = [' ', '\t', '#', '\\', '"', "'", ':', '-', '- ', '{', '[', '=', '\r'];
const BACKTRACKING_CHARS = 60_000;

describe.each(TARGETS)('%s grows linearly', (target) => {
  it('produces at most 8× the positions for 8× the input, for every pathological unit', async () => {
    const run = fuzzTarget(target);
    const ratios: string[] = [];
    for (const unit of PATHOLOGICAL_UNITS) {
      const small = unit.repeat(Math.ceil(BASE_CHARS / unit.length));
      const one = await run.run(small);
      const eight = await run.run(small.repeat(FACTOR));
      expect(one.problems).toEqual([]);
      expect(eight.problems).toEqual([]);
      // A constant covers positions every input gets once (a document span, a summary issue).
      if (eight.work > FACTOR * one.work + 16) ratios.push(`${JSON.stringify(unit)}: ${one.work} → ${eight.work}`);
    }
    expect(ratios).toEqual([]);
  });

  it('parses long runs of characters that make backtracking regexes explode', async () => {
    const run = fuzzTarget(target);
    for (const unit of BACKTRACKING_UNITS) {
      const text = `a${unit.repeat(BACKTRACKING_CHARS / unit.length)}b\n`;
      expect((await run.run(text)).problems).toEqual([]);
    }
  });
});
