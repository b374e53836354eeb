import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { writeTree } from './support/temp-tree.js';

const trees: string[] = [];
afterEach(async () => {
  for (const tree of trees.splice(0)) await rm(tree, { recursive: true, force: true });
});

type Json = { findings: Array<{ ruleId: string; file: string; line: number; column: number; message: string }>; summary: { suppressed: number } };

async function lintJson(files: Record<string, string>, args: string[] = []): Promise<Json> {
  const dir = await writeTree({ 'hoplint.config.yaml': '{}\n', ...files });
  trees.push(dir);
  const run = await runCli(['-f', 'json', ...args], { cwd: dir });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Json;
}

const lines = (...text: string[]) => `${text.join('\n')}\n`;

describe('inline suppressions', () => {
  it('disable-next-line and disable-line, with one or several ids and a reason', async () => {
    const result = await lintJson({
      'nginx.conf': lines(
        'events {}',
        'http {',
        '    # hoplint-disable-next-line nginx/unknown-directive -- built with ngx_brotli',
        '    brotlii on;',
        '    gzipp on; # hoplint-disable-line syntax, nginx/unknown-directive',
        '    gzipp off;',
        '}',
      ),
    });
    expect(result.findings.map((finding) => finding.line)).toEqual([6]);
    expect(result.summary.suppressed).toBe(2);
  });

  it('disable … enable covers the lines between; a rule-less disable covers every rule', async () => {
    const result = await lintJson({
      'nginx.conf': lines(
        'events {}',
        'http {',
        '    # hoplint-disable nginx/unknown-directive',
        '    aa_one on;',
        '    aa_two on;',
        '    # hoplint-enable nginx/unknown-directive',
        '    aa_three on;',
        '    # hoplint-disable',
        '    aa_four on;',
        '}',
      ),
    });
    expect(result.findings.map((finding) => finding.line)).toEqual([7]);
  });

  it('file-wide: hoplint-disable-file anywhere, or hoplint-disable before any content', async () => {
    const wide = await lintJson({
      'a/nginx.conf': lines('events {}', 'http {', '    gzipp on;', '}', '# hoplint-disable-file nginx/unknown-directive'),
      'b/nginx.conf': lines('# generated file', '# hoplint-disable', '', 'events {}', 'http {', '    gzipp on;', '}'),
      'c/nginx.conf': lines('events {}', 'http {', '    gzipp on;', '}'),
    });
    expect(wide.findings).toHaveLength(1);
    expect(wide.summary.suppressed).toBe(2);
  });

  it('works in sysctl and YAML files', async () => {
    const result = await lintJson({
      'sysctl.conf': lines('# hoplint-disable-next-line syntax', 'broken line', 'another broken line'),
      'k8s/svc.yaml': lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', '  # hoplint-disable-next-line syntax', '  name: b', 'spec:', '  type: A', '  type: B'),
    });
    expect(result.findings.map((finding) => [finding.file, finding.ruleId, finding.line])).toEqual([
      ['k8s/svc.yaml', 'syntax', 9],
      ['sysctl.conf', 'syntax', 3],
    ]);
    expect(result.summary.suppressed).toBe(2);
  });

  it('--report-unused-disables reports comments that suppress nothing and unknown rule ids', async () => {
    const result = await lintJson(
      {
        'nginx.conf': lines(
          'events {}',
          'http {',
          '    # hoplint-disable-next-line nginx/unknown-directive',
          '    gzip on;',
          '    gzipp on; # hoplint-disable-line nginx/unknown-directive, nginx/unknown-directiv',
          '    # hoplint-enable syntax',
          '}',
        ),
      },
      ['--report-unused-disables'],
    );
    expect(result.findings.map(({ ruleId, line, column, message }) => ({ ruleId, line, column, message }))).toEqual([
      { ruleId: 'unused-disable', line: 3, column: 33, message: 'unused hoplint-disable-next-line for "nginx/unknown-directive": no finding to suppress' },
      { ruleId: 'unused-disable', line: 5, column: 63, message: 'hoplint-disable-line names unknown rule "nginx/unknown-directiv"; did you mean "nginx/unknown-directive"?' },
      { ruleId: 'unused-disable', line: 6, column: 22, message: 'unused hoplint-enable for "syntax": no hoplint-disable is open here' },
    ]);
  });

  it('unused suppressions are silent without the flag', async () => {
    const result = await lintJson({ 'nginx.conf': lines('events {}', '# hoplint-disable-next-line nginx/unknown-directive', 'http {}') });
    expect(result.findings).toEqual([]);
  });
});
