import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/core/finding.js';
import type { LintResult } from '../src/project/lint.js';
import { createRegistry } from '../src/project/registry.js';
import { DirectiveTable } from '../src/languages/nginx/directives/index.js';
import { shouldColor } from '../src/report/colors.js';
import { escapeData, escapeProperty, github } from '../src/report/github.js';
import { json } from '../src/report/json.js';
import { escapeXml, junit } from '../src/report/junit.js';
import { stylish } from '../src/report/stylish.js';

const TEXT = 'events {}\nhttp {\n\tgzipp on;\n}\n';

function result(findings: Finding[]): LintResult {
  return {
    cwd: '/project',
    files: [
      { path: 'a, b:c.conf', absolutePath: '/project/a, b:c.conf', language: 'nginx', text: TEXT },
      { path: 'clean.conf', absolutePath: '/project/clean.conf', language: 'nginx', text: 'events {}\n' },
    ],
    findings,
    suppressed: [],
    registry: createRegistry(),
    languageSettingsFor: () => ({ nginxDirectives: DirectiveTable.builtin }),
    settings: new Map(),
    enabledRules: [],
  };
}

const FINDING: Finding = {
  ruleId: 'hop/example',
  severity: 'error',
  message: '100% sure:\nline two, with <xml> & "quotes"\r',
  file: 'a, b:c.conf',
  line: 3,
  column: 2,
  endLine: 3,
  endColumn: 7,
  related: [{ file: 'clean.conf', line: 1, column: 1, endLine: 1, endColumn: 7, message: 'the other side' }],
};

describe('github workflow commands', () => {
  it('escapes %, CR and LF in the message, and also : and , in properties', () => {
    expect(escapeData('a%b\r\nc:d,e')).toBe('a%25b%0D%0Ac:d,e');
    expect(escapeProperty('a%b\r\nc:d,e')).toBe('a%25b%0D%0Ac%3Ad%2Ce');
    expect(github(result([FINDING]), { color: false, version: '1' })).toBe(
      '::error file=a%2C b%3Ac.conf,line=3,col=2,endLine=3,endColumn=7,title=hoplint hop/example::100%25 sure:%0Aline two, with <xml> & "quotes"%0D\n',
    );
  });

  it('maps info to notice', () => {
    expect(github(result([{ ...FINDING, severity: 'info', message: 'm' }]), { color: false, version: '1' })).toMatch(/^::notice /);
  });
});

describe('junit', () => {
  it('has one testcase per file and escapes XML', () => {
    expect(escapeXml('<a href="x">&\'\u0001')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    const xml = junit(result([FINDING]), { color: false, version: '1' });
    expect(xml).toContain('<testsuites name="hoplint" tests="2" failures="1" errors="0">');
    expect(xml).toContain('<testcase name="a, b:c.conf" classname="hoplint" file="a, b:c.conf">');
    expect(xml).toContain('<failure message="1 problem (1 error, 0 warnings, 0 info)" type="error">3:2 error 100% sure:\nline two, with &lt;xml&gt; &amp; &quot;quotes&quot;\r (hop/example)</failure>');
    expect(xml).toContain('<testcase name="clean.conf" classname="hoplint" file="clean.conf"/>');
  });
});

describe('stylish', () => {
  it('underlines the token under a tab-indented line and lists related locations', () => {
    const out = stylish(result([{ ...FINDING, message: 'm' }]), { color: false, version: '1' });
    expect(out).toBe(
      [
        'a, b:c.conf',
        '  3:2  error  m  hop/example',
        '      2 | http {',
        '    > 3 | \tgzipp on;',
        '        | \t^^^^^',
        '      4 | }',
        '    ↳ clean.conf:1:1  the other side',
        '',
        '✖ 1 problem (1 error, 0 warnings, 0 info) in 1 file',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing when there is nothing to report', () => {
    expect(stylish(result([]), { color: false, version: '1' })).toBe('');
  });

  it('colours only a terminal, never with NO_COLOR or --no-color, always with --color', () => {
    expect(shouldColor({ isTTY: true, env: {}, toFile: false })).toBe(true);
    expect(shouldColor({ isTTY: false, env: {}, toFile: false })).toBe(false);
    expect(shouldColor({ isTTY: true, env: { NO_COLOR: '1' }, toFile: false })).toBe(false);
    expect(shouldColor({ isTTY: true, env: {}, toFile: true })).toBe(false);
    expect(shouldColor({ flag: false, isTTY: true, env: {}, toFile: false })).toBe(false);
    expect(shouldColor({ flag: true, isTTY: false, env: { NO_COLOR: '1' }, toFile: false })).toBe(true);
    expect(shouldColor({ isTTY: false, env: { FORCE_COLOR: '1' }, toFile: false })).toBe(true);
  });
});

describe('json', () => {
  it('is {version: 1, findings, summary} with related locations kept', () => {
    const parsed = JSON.parse(json(result([FINDING]), { color: false, version: '1' })) as { version: number; findings: Finding[]; summary: Record<string, number> };
    expect(parsed.version).toBe(1);
    expect(parsed.findings).toEqual([FINDING]);
    expect(parsed.summary).toEqual({ files: 2, errors: 1, warnings: 0, infos: 0, suppressed: 0, fixable: 0 });
  });
});
