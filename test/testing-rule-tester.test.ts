import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { at, defineRule } from '../src/kit/index.js';
import { checkInvalidCase, checkNegativeFixture, checkPositiveFixture, checkValidCase, looselyEqual, testRule, writeTree } from '../src/testing/index.js';

const trees: string[] = [];
afterAll(async () => {
  for (const tree of trees) await rm(tree, { recursive: true, force: true });
});

// A rule that reports every sysctl assignment of `vm.swappiness`, to test the tester with.
const rule = defineRule({
  meta: { id: 'test/swappiness', layer: 'sysctl', severity: 'warning', summary: 'vm.swappiness is set', docsUrl: 'https://example.test/swappiness' },
  check({ sysctl, report }) {
    for (const assignment of sysctl.allAssignments()) {
      if (assignment.key === 'vm.swappiness') report({ ...at(assignment.keySpan), message: `vm.swappiness = ${assignment.value}` });
    }
  },
});

describe('the rule tester', () => {
  it('passes a valid case and an invalid case with exactly their findings', async () => {
    await checkValidCase(rule, { files: { 'sysctl.conf': 'net.core.somaxconn = 4096\n' } });
    await checkInvalidCase(rule, { files: { 'sysctl.conf': 'vm.swappiness = 10\n' }, findings: [{ line: 1, column: 1, endLine: 1, endColumn: 14, message: 'vm.swappiness = 10' }] });
  });

  it('fails a valid case the rule reports, or that does not parse', async () => {
    await expect(checkValidCase(rule, { files: { 'sysctl.conf': 'vm.swappiness = 10\n' } })).rejects.toThrow(/no finding of the rule/);
    await expect(checkValidCase(rule, { files: { 'nginx.conf': 'events {\n' } })).rejects.toThrow(/parse cleanly/);
    await checkValidCase(rule, { files: { 'nginx.conf': 'events {\n' }, allowSyntaxErrors: true });
  });

  it('fails an invalid case whose positions, message or count differ', async () => {
    const files = { 'sysctl.conf': 'vm.swappiness = 10\n' };
    await expect(checkInvalidCase(rule, { files, findings: [{ line: 1, column: 2, endLine: 1, endColumn: 14 }] })).rejects.toThrow();
    await expect(checkInvalidCase(rule, { files, findings: [{ line: 1, column: 1, endLine: 1, endColumn: 14, message: 'vm.swappiness = 60' }] })).rejects.toThrow();
    await expect(checkInvalidCase(rule, { files, findings: [] })).rejects.toThrow();
  });

  it('checks fixture directories against expected.json', async () => {
    const positive = await writeTree({ 'sysctl.conf': 'vm.swappiness = 10\n', 'expected.json': '[{"ruleId":"test/swappiness","file":"sysctl.conf","line":1,"column":1,"endLine":1,"endColumn":14}]' });
    await checkPositiveFixture(rule, positive);
    const wrong = await writeTree({ 'sysctl.conf': 'vm.swappiness = 10\n', 'expected.json': '[]' });
    trees.push(positive, wrong);
    await expect(checkPositiveFixture(rule, wrong)).rejects.toThrow();
    await expect(checkNegativeFixture(rule, positive)).rejects.toThrow();
  });

  it('registers one test per case with the framework it is given', () => {
    const names: string[] = [];
    testRule(
      { rule, valid: [{ name: 'unset', files: { 'sysctl.conf': '' } }], invalid: [{ files: { 'sysctl.conf': 'vm.swappiness = 1\n' }, findings: [] }] },
      { describe: (name, body) => (names.push(name), body()), it: (name) => names.push(name) },
    );
    expect(names).toEqual(['test/swappiness', 'unset', 'invalid #1: vm.swappiness = 1']);
  });

  it('compares like toEqual: undefined properties are absent, asymmetric matchers decide', () => {
    expect(looselyEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(looselyEqual({ a: 'set it to 8192' }, { a: expect.stringContaining('8192') })).toBe(true);
    expect(looselyEqual([{ a: 1 }], [{ a: 2 }])).toBe(false);
    expect(looselyEqual([1], [1, 2])).toBe(false);
  });
});
