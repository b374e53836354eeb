/**
 * hoplint's rule tester (`hoplint/testing`): the same helpers the rules under `rules/` are tested
 * with. Table-style cases (`testRule`), fixture directories (`testRuleFixtures`), and the
 * underlying checks and fix round trips for tests of one's own.
 */
export { testRule, checkInvalidCase, checkValidCase, type ExpectedFinding, type InvalidCase, type RuleTest, type ValidCase } from './rule-tester.js';
export { testRuleFixtures, checkNegativeFixture, checkPositiveFixture, fixtureFindings, MIN_CASES, type FixtureFinding } from './fixtures.js';
export { applyFixesOnce, caseLintOptions, fixRoundTrip, lintAfterFixes, lintRuleCase, readCase, ruleFindings, type FixedCase, type RuleCase } from './cases.js';
export { assertLooselyEqual, globalFramework, looselyEqual, type TestFramework } from './framework.js';
export { writeFiles, writeTree } from './temp-tree.js';
