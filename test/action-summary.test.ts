import { describe, expect, it } from 'vitest';
import { jobSummary, MAX_SUMMARY_ROWS, tableCell } from '../src/action/job-summary.js';
import { readActionInputs, readInput } from '../src/action/inputs.js';
import type { Finding } from '../src/core/finding.js';
import { UsageError } from '../src/core/errors.js';
import { lint } from '../src/project/lint.js';
import { writeTree } from './support/temp-tree.js';

function finding(index: number, message = `problem ${index}`): Finding {
  return { ruleId: 'sysctl/tcp-tw-recycle', severity: 'error', message, file: 'node/sysctl.conf', line: index + 1, column: 1, endLine: index + 1, endColumn: 5 };
}

async function emptyResult() {
  return lint({ cwd: await writeTree({ 'sysctl.conf': 'net.core.somaxconn = 4096\n' }), paths: ['.'] });
}

describe('job summary', () => {
  it('keeps a message that holds pipes, HTML and newlines inside its table cell', () => {
    expect(tableCell('a | b <script>&\nnext')).toBe('a \\| b &lt;script&gt;&amp;<br>next');
  });

  it('links each location to its lines at the commit, and a path outside the repository to nothing', async () => {
    const result = { ...(await emptyResult()), findings: [{ ...finding(0), endLine: 3 }, { ...finding(1), file: '../elsewhere/sysctl.conf' }] };
    const summary = jobSummary(result, { repositoryUrl: 'https://github.example/acme/configs', sha: 'abc', failed: true, failOn: 'error' });
    expect(summary).toContain('| [node/sysctl.conf:1:1](https://github.example/acme/configs/blob/abc/node/sysctl.conf#L1-L3) |');
    expect(summary).toContain('| ../elsewhere/sysctl.conf:2:1 |');
  });

  it(`stops the table after ${MAX_SUMMARY_ROWS} rows and says how many are left`, async () => {
    const result = { ...(await emptyResult()), findings: Array.from({ length: MAX_SUMMARY_ROWS + 3 }, (_, index) => finding(index)) };
    const summary = jobSummary(result, { failed: true, failOn: 'error' });
    expect(summary.split('\n').filter((line) => line.startsWith('| ❌ error |'))).toHaveLength(MAX_SUMMARY_ROWS);
    expect(summary).toContain(`problem ${MAX_SUMMARY_ROWS - 1} |`);
    expect(summary).not.toContain(`problem ${MAX_SUMMARY_ROWS} |`);
    expect(summary).toContain('…and 3 more problems: see the annotations, the log or the uploaded SARIF.');
  });
});

describe('action inputs', () => {
  it('reads the runner\'s spelling and the composite env spelling, trimmed, empty as absent', () => {
    expect(readInput({ 'INPUT_FAIL-ON': ' warning ' }, 'fail-on')).toBe('warning');
    expect(readInput({ INPUT_FAIL_ON: 'never' }, 'fail-on')).toBe('never');
    expect(readInput({ INPUT_CONFIG: '' }, 'config')).toBeUndefined();
  });

  it('splits paths on spaces and newlines and defaults everything else', () => {
    expect(readActionInputs({ INPUT_PATHS: 'k8s/ nginx\n  sysctl.d/*.conf\n' })).toEqual({
      paths: ['k8s/', 'nginx', 'sysctl.d/*.conf'], format: 'stylish', failOn: 'error', config: undefined, sarifFile: undefined, changedSince: undefined,
    });
    expect(readActionInputs({}).paths).toEqual(['.']);
  });

  it('names the input and the allowed values when one is wrong', () => {
    expect(() => readActionInputs({ INPUT_FORMAT: 'sarrif' })).toThrow(new UsageError('input "format" must be one of stylish, json, sarif, github, junit, got "sarrif"; did you mean "sarif"?'));
  });
});
