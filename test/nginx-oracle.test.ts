// Differential test: hoplint's nginx parser against the real `nginx -t`.
// expected.json holds what nginx said when the corpus was recorded (record.mjs); when nginx is
// installed every case is re-run live so the recording cannot drift from the real thing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadNginxConfig } from '../src/languages/nginx/index.js';
import { hoplintOutcome } from './nginx-oracle/hoplint-outcome.js';
import {
  EXPECTED_FILE,
  findNginx,
  interpretNginxRun,
  listCases,
  nginxModulesPath,
  runNginx,
  stageCase,
  type NginxOutcome,
  type OracleCase,
} from './nginx-oracle/oracle.mjs';

interface Recording {
  nginx: string;
  cases: Record<string, NginxOutcome>;
}

const recording = JSON.parse(readFileSync(EXPECTED_FILE, 'utf8')) as Recording;
const cases = listCases();
const nginx = findNginx();
const modulesPath = nginx ? nginxModulesPath(nginx) : null;
const inCi = Boolean(process.env.CI);

function describeCase(testCase: OracleCase): string {
  const root = testCase.isFolder ? `${testCase.path}/nginx.conf` : testCase.path;
  const header = /^\uFEFF?# case: (.*)$/m.exec(readFileSync(root, 'utf8'));
  return header ? `${testCase.name}: ${header[1]!.trim()}` : testCase.name;
}

function where(outcome: NginxOutcome): string {
  if (outcome.verdict === 'ok') return 'ok';
  const position = outcome.line === null ? '(no position)' : `${outcome.file}:${outcome.line}`;
  return `failed at ${position}: ${outcome.message}`;
}

/** What both sides must agree on; nginx names no line when it crashes (include cycle). */
function comparable(outcome: NginxOutcome, expected: NginxOutcome): Pick<NginxOutcome, 'verdict' | 'file' | 'line'> {
  if (expected.line === null) return { verdict: outcome.verdict, file: null, line: null };
  return { verdict: outcome.verdict, file: outcome.file, line: outcome.line };
}

const disagreements: string[] = [];
const messageDifferences: string[] = [];
let compared = 0;
let sameMessage = 0;
let failedBoth = 0;

describe('reading nginx -t output', () => {
  const prefix = '/tmp/hoplint-nginx-oracle-abc';

  it('takes file, line and message from the first [emerg] line, relative to the prefix', () => {
    const stderr = [
      '2026/11/25 09:45:19 [warn] 61#61: duplicate MIME type "text/html" in /tmp/hoplint-nginx-oracle-abc/nginx.conf:3',
      '2026/11/25 09:45:19 [emerg] 61#61: open() "/tmp/hoplint-nginx-oracle-abc/a b.conf" failed (2: No such file or directory) in /tmp/hoplint-nginx-oracle-abc/conf.d/x.conf:12',
      'nginx: configuration file /tmp/hoplint-nginx-oracle-abc/nginx.conf test failed',
    ].join('\n');
    expect(interpretNginxRun({ status: 1, signal: null, stderr }, prefix)).toEqual({
      verdict: 'failed',
      file: 'conf.d/x.conf',
      line: 12,
      message: 'open() "a b.conf" failed (2: No such file or directory)',
    });
  });

  it('reads the "nginx: [emerg]" form printed before the error log is open', () => {
    const stderr = 'nginx: [emerg] unexpected "}" in /tmp/hoplint-nginx-oracle-abc/nginx.conf:3\n';
    expect(interpretNginxRun({ status: 1, signal: null, stderr }, prefix)).toEqual({ verdict: 'failed', file: 'nginx.conf', line: 3, message: 'unexpected "}"' });
  });

  it('keeps an [emerg] without a position, and a crash, as failures without a line', () => {
    const stderr = '2026/11/25 09:45:19 [emerg] 7#7: no "events" section in configuration\n';
    expect(interpretNginxRun({ status: 1, signal: null, stderr }, prefix)).toEqual({ verdict: 'failed', file: null, line: null, message: 'no "events" section in configuration' });
    expect(interpretNginxRun({ status: null, signal: 'SIGSEGV', stderr: '' }, prefix)).toEqual({ verdict: 'failed', file: null, line: null, message: 'nginx was killed by SIGSEGV' });
  });

  it('is ok only on exit status 0', () => {
    expect(interpretNginxRun({ status: 0, signal: null, stderr: '' }, prefix).verdict).toBe('ok');
    expect(interpretNginxRun({ status: 1, signal: null, stderr: 'something odd\n' }, prefix)).toEqual({ verdict: 'failed', file: null, line: null, message: 'something odd' });
  });
});

describe('nginx oracle', () => {
  it('has a recording for exactly the cases on disk', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(Object.keys(recording.cases).sort()).toEqual(cases.map((c) => c.name));
  });

  it('can re-run nginx live', (context) => {
    if (!nginx && !inCi) {
      context.skip('nginx is not installed (/usr/sbin/nginx or PATH): live re-checks of expected.json are skipped; hoplint is still compared with the recording');
    }
    expect(nginx, 'CI is set, so nginx must be installed for the oracle to be real').not.toBeNull();
    expect(modulesPath, 'nginx -V names no --modules-path for the stream/mail cases').not.toBeNull();
    for (const module of ['ngx_stream_module.so', 'ngx_mail_module.so']) {
      expect(existsSync(join(modulesPath ?? '', module)), `${module} is missing: apt-get install libnginx-mod-stream libnginx-mod-mail`).toBe(true);
    }
  });

  for (const testCase of cases) {
    it(describeCase(testCase), async () => {
      const expected = recording.cases[testCase.name];
      expect(expected, `no recording for ${testCase.name}: run node test/nginx-oracle/record.mjs`).toBeDefined();
      if (!expected) return;
      const staged = stageCase(testCase, modulesPath);
      try {
        if (nginx) {
          expect.soft(runNginx(nginx, staged), `live nginx -t no longer matches expected.json (${recording.nginx})`).toEqual(expected);
        }
        const hoplint = hoplintOutcome(await loadNginxConfig(staged.config), staged.prefix);
        compared++;
        const agrees = isDeepStrictEqual(comparable(hoplint, expected), comparable(expected, expected));
        if (!agrees) disagreements.push(`${testCase.name}\n      nginx:   ${where(expected)}\n      hoplint: ${where(hoplint)}`);
        if (expected.verdict === 'failed' && hoplint.verdict === 'failed') {
          failedBoth++;
          if (hoplint.message === expected.message) sameMessage++;
          else messageDifferences.push(`${testCase.name}\n      nginx:   ${expected.message}\n      hoplint: ${hoplint.message}`);
        }
        expect(comparable(hoplint, expected), `nginx: ${where(expected)}\nhoplint: ${where(hoplint)}`).toEqual(comparable(expected, expected));
      } finally {
        staged.cleanup();
      }
    });
  }

  afterAll(() => {
    const agreeing = compared - disagreements.length;
    const lines = [`nginx oracle: ${agreeing}/${compared} cases agree (verdict and line) with ${recording.nginx}${nginx ? ', re-run live' : ', from the recording'}`];
    lines.push(`  identical first-error message: ${sameMessage}/${failedBoth} cases that both reject`);
    if (disagreements.length > 0) lines.push('  disagreements:', ...disagreements.map((d) => `    ${d}`));
    if (messageDifferences.length > 0) lines.push('  first-error messages worded differently:', ...messageDifferences.map((d) => `    ${d}`));
    console.log(lines.join('\n'));
  });
});
