import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from './support/cli.js';

const examplesDir = new URL('../examples/', import.meta.url).pathname;
const incidents = readdirSync(examplesDir).filter((name) => /^\d+-/.test(name)).sort();

interface ExpectedFinding {
  ruleId: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function pick(findings: ExpectedFinding[]): ExpectedFinding[] {
  return findings.map(({ ruleId, severity, file, line, column, endLine, endColumn }) => ({ ruleId, severity, file, line, column, endLine, endColumn }));
}

describe('examples/: every incident is caught, and its fix is clean', () => {
  it('has one folder per incident of INCIDENTS.md', () => {
    expect(incidents).toHaveLength(5);
  });

  for (const incident of incidents) {
    describe(incident, () => {
      const dir = join(examplesDir, incident);

      it('tells its story and lists its expected findings', () => {
        expect(readFileSync(join(dir, 'README.md'), 'utf8').length).toBeGreaterThan(200);
        expect(existsSync(join(dir, 'expected.json'))).toBe(true);
      });

      it('broken/ yields exactly the expected findings', async () => {
        const result = await runCli(['--format', 'json', '--fail-on', 'warning', `examples/${incident}/broken`], { cwd: REPO_ROOT });
        expect(result.code, result.stderr).toBe(1);
        const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as ExpectedFinding[];
        expect(pick(JSON.parse(result.stdout).findings)).toEqual(expected);
      });

      it('fixed/ yields nothing at warning or above', async () => {
        const result = await runCli(['--format', 'json', '--fail-on', 'warning', `examples/${incident}/fixed`], { cwd: REPO_ROOT });
        const findings = (JSON.parse(result.stdout).findings as ExpectedFinding[]).filter((f) => f.severity !== 'info');
        expect(findings).toEqual([]);
        expect(result.code).toBe(0);
      });
    });
  }
});
