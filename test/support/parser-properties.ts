import fc from 'fast-check';
import { expect, it } from 'vitest';
import { loadCorpus } from '../../bench/fuzz/corpus.mjs';
import type { CorpusFile } from '../../bench/fuzz/corpus.mjs';
import { MUTATION_OPS, NEST_OPENERS, PAYLOADS, applyMutations } from '../../bench/fuzz/mutate.mjs';
import type { Mutation } from '../../bench/fuzz/mutate.mjs';
import type { FuzzTargetName } from '../../bench/fuzz/targets.mjs';
import { fuzzTarget } from './fuzz-api.js';
import { REPO_ROOT } from './cli.js';

let corpus: CorpusFile[] | undefined;

/** The real corpora (shared crossplane and real configs, oracle cases, examples, rule fixtures). */
export function corpusFor(target: FuzzTargetName): CorpusFile[] {
  corpus ??= loadCorpus(REPO_ROOT);
  return corpus.filter((file) => file.targets.includes(target));
}

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc
  .record({
    op: fc.constantFrom(...MUTATION_OPS),
    at: fc.nat(),
    at2: fc.nat(),
    size: fc.oneof(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 2048 })),
    count: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 8 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3000 }) }),
    payload: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PAYLOADS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }),
    nestOpener: fc.constantFrom(...NEST_OPENERS),
  })
  .map(({ nestOpener, ...mutation }) => (mutation.op === 'nest' ? { ...mutation, payload: nestOpener } : mutation));

/** Text whose characters are any UTF-16 code unit, lone surrogates included. */
const codeUnitString = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 200 });

/** Random bytes read the way files are: invalid UTF-8 becomes U+FFFD. */
const decodedBytes = fc.uint8Array({ maxLength: 400 }).map((bytes) => new TextDecoder('utf-8').decode(bytes));

function tokenSoup(extraTokens: readonly string[]): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...PAYLOADS, ...extraTokens), { maxLength: 80 }).map((parts) => parts.join(''));
}

async function expectClean(target: FuzzTargetName, text: string): Promise<void> {
  const outcome = await fuzzTarget(target).run(text);
  expect(outcome.problems).toEqual([]);
}

export interface ParserPropertyOptions {
  /** Words of the language that make random input reach deeper into the grammar. */
  tokens: readonly string[];
  numRuns: number;
}

/**
 * The hardening properties every parser must have: on random text, random bytes, token soup and
 * mutations of the real corpora it never throws and every position it reports lies inside the
 * file, consistent with its offsets (bench/fuzz/positions.mjs).
 */
export function itHoldsParserProperties(target: FuzzTargetName, options: ParserPropertyOptions): void {
  const { numRuns } = options;
  const property = (arbitrary: fc.Arbitrary<string>) => fc.asyncProperty(arbitrary, (text) => expectClean(target, text));

  it('never throws and keeps positions inside the file on random strings (any UTF-16 code unit)', async () => {
    await fc.assert(property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), codeUnitString)), { numRuns });
  });

  it('never throws and keeps positions inside the file on random bytes decoded as UTF-8', async () => {
    await fc.assert(property(decodedBytes), { numRuns });
  });

  it('never throws and keeps positions inside the file on soups of its own and other languages\' tokens', async () => {
    await fc.assert(property(tokenSoup(options.tokens)), { numRuns });
  });

  it('never throws and keeps positions inside the file on mutations of the real corpora', async () => {
    const seeds = corpusFor(target);
    expect(seeds.length).toBeGreaterThan(0);
    const mutated = fc
      .tuple(fc.constantFrom(...seeds), fc.array(mutationArbitrary, { minLength: 1, maxLength: 6 }))
      .map(([seed, mutations]) => applyMutations(seed.text, mutations));
    await fc.assert(property(mutated), { numRuns: numRuns * 2 });
  });

  it('reads every corpus file unmutated with positions inside the file', async () => {
    for (const seed of corpusFor(target)) {
      const outcome = await fuzzTarget(target).run(seed.text);
      expect({ file: seed.name, problems: outcome.problems }).toEqual({ file: seed.name, problems: [] });
    }
  });
}

