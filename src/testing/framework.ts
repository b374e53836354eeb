import { AssertionError } from 'node:assert';

/**
 * The two functions of a test framework the testers register their cases with: vitest's, mocha's,
 * jest's and node:test's `describe` and `it` all fit.
 */
export interface TestFramework {
  describe(name: string, body: () => void): unknown;
  it(name: string, body: () => Promise<void> | void): unknown;
}

/** `describe` and `it` from the globals (vitest with `globals: true`, mocha, jest), when they are there. */
export function globalFramework(): TestFramework {
  const globals = globalThis as { describe?: TestFramework['describe']; it?: TestFramework['it'] };
  if (typeof globals.describe !== 'function' || typeof globals.it !== 'function') {
    throw new Error("no global describe/it: pass your framework's, e.g. testRule(test, { describe, it }) with them imported from 'node:test' or 'vitest'");
  }
  return { describe: globals.describe, it: globals.it };
}

interface AsymmetricMatcher {
  asymmetricMatch(actual: unknown): boolean;
}

function isAsymmetricMatcher(value: unknown): value is AsymmetricMatcher {
  return typeof value === 'object' && value !== null && typeof (value as Partial<AsymmetricMatcher>).asymmetricMatch === 'function';
}

/**
 * Recursive equality as test frameworks' `toEqual` has it: a property that is undefined counts as
 * absent, and an expected value may be an asymmetric matcher (`expect.stringContaining(…)` of
 * vitest or jest), which decides itself.
 */
export function looselyEqual(actual: unknown, expected: unknown): boolean {
  if (isAsymmetricMatcher(expected)) return expected.asymmetricMatch(actual);
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((item, i) => looselyEqual(actual[i], item));
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return false;
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    const keys = new Set([...Object.keys(a), ...Object.keys(e)]);
    for (const key of keys) if (!looselyEqual(a[key], e[key])) return false;
    return true;
  }
  return Object.is(actual, expected);
}

/** Throws an AssertionError (which test runners show as a diff) unless `actual` looselyEqual `expected`. */
export function assertLooselyEqual(actual: unknown, expected: unknown, message?: string): void {
  if (!looselyEqual(actual, expected)) throw new AssertionError({ actual, expected, operator: 'deepEqual', ...(message ? { message } : {}) });
}
