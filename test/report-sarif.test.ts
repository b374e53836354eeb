import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { lint } from '../src/project/lint.js';
import unknownDirective from '../rules/nginx/unknown-directive/index.js';
import { sarif } from '../src/report/sarif.js';
import { REPO_ROOT, runCli } from './support/cli.js';
import { writeTree } from './support/temp-tree.js';

type SarifLog = {
  runs: Array<{
    tool: { driver: { rules: Array<{ id: string; defaultConfiguration: { level: string } }> } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }>;
      partialFingerprints: Record<string, string>;
      suppressions?: Array<{ kind: string; justification?: string }>;
    }>;
  }>;
};

function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'data', 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  // The published schema is draft-04; its only draft-04 construct is `id`.
  const { $schema: _draft04, id, ...rest } = schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///base/'));
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  return ajv.compile({ $id: String(id), ...rest });
}

/** Only the built-in rules and nginx/unknown-directive, whatever else is in rules/. */
const ISOLATED = { shippedRules: false, extraRules: [unknownDirective] };

const trees: string[] = [];
afterEach(async () => {
  for (const tree of trees.splice(0)) await rm(tree, { recursive: true, force: true });
});

async function sarifOf(files: Record<string, string>): Promise<{ log: SarifLog; cwd: string }> {
  const cwd = await writeTree(files);
  trees.push(cwd);
  const result = await lint({ cwd, noConfig: true, reportUnusedDisables: true, ...ISOLATED });
  return { log: JSON.parse(sarif(result, { color: false, version: '1.2.3' })) as SarifLog, cwd };
}

describe('SARIF output', () => {
  it('validates against the official SARIF 2.1.0 schema (CLI over the fixture project)', async () => {
    const run = await runCli(['--format', 'sarif'], { cwd: join(REPO_ROOT, 'test', 'fixtures', 'cli', 'project') });
    const validate = sarifValidator();
    const log = JSON.parse(run.stdout) as unknown;
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('rejects a log the schema forbids, so the validation above can fail', () => {
    const validate = sarifValidator();
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] })).toBe(false);
  });

  it('describes reported rules, maps severities to levels, and keeps suppressed results as suppressed', async () => {
    const { log, cwd } = await sarifOf({
      'nginx.conf': [
        'events {}',
        'http {',
        '    gzipp on;',
        '    # hoplint-disable-next-line nginx/unknown-directive -- module built in-house',
        '    brotlii on;',
        '    # hoplint-disable-next-line nginx/unknown-directive',
        '    gzip on;',
        '}',
        '',
      ].join('\n'),
    });
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const [run] = log.runs;
    expect(run!.originalUriBaseIds['%SRCROOT%']!.uri).toBe(`file://${cwd}/`);
    expect(run!.tool.driver.rules.map((rule) => [rule.id, rule.defaultConfiguration.level])).toEqual([
      ['unused-disable', 'warning'],
      ['nginx/unknown-directive', 'warning'],
    ]);
    const summary = run!.results.map((result) => ({
      ruleId: result.ruleId,
      rule: run!.tool.driver.rules[result.ruleIndex]!.id,
      level: result.level,
      uri: result.locations[0]!.physicalLocation.artifactLocation.uri,
      base: result.locations[0]!.physicalLocation.artifactLocation.uriBaseId,
      region: result.locations[0]!.physicalLocation.region,
      suppressions: result.suppressions,
    }));
    expect(summary).toEqual([
      { ruleId: 'nginx/unknown-directive', rule: 'nginx/unknown-directive', level: 'warning', uri: 'nginx.conf', base: '%SRCROOT%', region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 10 }, suppressions: undefined },
      { ruleId: 'unused-disable', rule: 'unused-disable', level: 'warning', uri: 'nginx.conf', base: '%SRCROOT%', region: { startLine: 6, startColumn: 33, endLine: 6, endColumn: 56 }, suppressions: undefined },
      {
        ruleId: 'nginx/unknown-directive',
        rule: 'nginx/unknown-directive',
        level: 'warning',
        uri: 'nginx.conf',
        base: '%SRCROOT%',
        region: { startLine: 5, startColumn: 5, endLine: 5, endColumn: 12 },
        suppressions: [{ kind: 'inSource', justification: 'module built in-house' }],
      },
    ]);
  });

  it('keeps partialFingerprints when unrelated lines are inserted above, and changes them when the line changes', async () => {
    const text = 'events {}\nhttp {\n    gzipp on;\n    gzipp on;\n}\n';
    const { log: before, cwd } = await sarifOf({ 'nginx.conf': text });
    const fingerprints = (log: SarifLog) => log.runs[0]!.results.map((result) => result.partialFingerprints['hoplint/v1']);
    const lines = (log: SarifLog) => log.runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.region.startLine);

    await writeFile(join(cwd, 'nginx.conf'), `# a comment\n\n${text}`);
    const shifted = JSON.parse(sarif(await lint({ cwd, noConfig: true, ...ISOLATED }), { color: false, version: '1.2.3' })) as SarifLog;
    expect(lines(before)).toEqual([3, 4]);
    expect(lines(shifted)).toEqual([5, 6]);
    expect(fingerprints(shifted)).toEqual(fingerprints(before));
    // Two identical lines differ by their occurrence index.
    expect(new Set(fingerprints(before)).size).toBe(2);

    await writeFile(join(cwd, 'nginx.conf'), text.replace('gzipp on;\n    gzipp', 'gzipp off;\n    gzipp'));
    const edited = JSON.parse(sarif(await lint({ cwd, noConfig: true, ...ISOLATED }), { color: false, version: '1.2.3' })) as SarifLog;
    expect(fingerprints(edited)[0]).not.toBe(fingerprints(before)[0]);
  });
});
