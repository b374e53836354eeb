import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Tests live in test/ and beside each rule (CONTRIBUTING.md); scripts/check-layers.mjs keeps them out of src/.
    include: ['test/**/*.test.ts', 'rules/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The rule tester (src/testing, hoplint/testing) registers its cases with the global describe and it.
    globals: true,
    setupFiles: ['test/support/fast-check-seed.ts'],
    // The JSON report is what .ci/run counts passed/failed tests from.
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
  },
});
