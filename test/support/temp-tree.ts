// The tests' temporary trees are the rule tester's (src/testing), so there is one way to write one.
export { writeTree } from '../../src/testing/index.js';
