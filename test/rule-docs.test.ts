import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ruleModules } from '../rules/index.js';
import { BUILTIN_RULES } from '../src/engine/builtin-rules.js';
import type { Rule } from '../src/engine/rule.js';
import { docsFromReadme, parseReadme, README_SECTIONS, type ParsedReadme } from '../src/engine/rule-docs.js';
import { builtinRulePage } from '../src/project/registry.js';
import { lintRuleCase, writeTree } from '../src/testing/index.js';
import { REPO_ROOT } from './support/cli.js';

// Every rule's README is its one source of documentation: explain prints it, SARIF and the
// editor's hover read its Why and How to fix, and its Bad and Good examples run here.

const DOCS_BASE = 'https://github.com/hoplint/hoplint/blob/main/';

const pages: Array<{ rule: Rule<object>; path: string }> = [
  ...BUILTIN_RULES.map((rule) => ({ rule, path: builtinRulePage(rule.meta.id) })),
  ...ruleModules.map(({ rule, dir }) => ({ rule, path: join('rules', dir, 'README.md') })),
];

const trees: string[] = [];
afterAll(async () => {
  for (const tree of trees) await rm(tree, { recursive: true, force: true });
});

/** The files of an example: the fenced blocks of a section, each naming its file with `file=`. */
function exampleFiles(readme: ParsedReadme, heading: 'Bad' | 'Good'): Record<string, string> {
  const section = readme.sections.find((candidate) => candidate.heading === heading);
  const files: Record<string, string> = {};
  for (const block of section?.blocks ?? []) {
    expect(block.file, `every block under "## ${heading}" names its file (\`\`\`${block.language} file=…)`).toBeDefined();
    expect(files[block.file!], `${block.file} is written once under "## ${heading}"`).toBeUndefined();
    files[block.file!] = block.text;
  }
  expect(Object.keys(files).length, `"## ${heading}" holds at least one example file`).toBeGreaterThan(0);
  return files;
}

async function findingsOf(rule: Rule<object>, files: Record<string, string>): Promise<Array<{ ruleId: string; message: string }>> {
  const dir = await writeTree(files, 'hoplint-docs-');
  trees.push(dir);
  return lintRuleCase(rule, { dir });
}

describe.each(pages)('$path', ({ rule, path }) => {
  const absolute = join(REPO_ROOT, path);
  const markdown = existsSync(absolute) ? readFileSync(absolute, 'utf8') : '';
  const readme = parseReadme(markdown);

  it('exists, is titled with the rule id and opens with its summary', () => {
    expect(markdown, `${path} is the rule's documentation`).not.toBe('');
    expect(readme.title).toBe(rule.meta.id);
    expect(readme.summary).toBe(rule.meta.summary);
    expect(rule.meta.docsUrl).toBe(DOCS_BASE + path);
  });

  it('has the fixed sections, in order', () => {
    const headings = readme.sections.map((section) => section.heading);
    const expected = README_SECTIONS.filter(
      (heading) =>
        (heading !== 'Incident' || headings.includes('Incident')) &&
        (heading !== 'Options' || rule.meta.optionsSchema !== undefined) &&
        (heading !== 'Fix safety' || rule.meta.fixable !== undefined),
    );
    expect(headings).toEqual(expected);
    const docs = docsFromReadme(markdown);
    expect(docs.description, 'Why opens with a paragraph').not.toBe('');
    expect(docs.howToFix, 'How to fix opens with a paragraph').not.toBe('');
  });

  it('shows a Bad example that produces the finding', async () => {
    const findings = await findingsOf(rule, exampleFiles(readme, 'Bad'));
    expect(findings.filter((finding) => finding.ruleId === rule.meta.id), JSON.stringify(findings)).not.toEqual([]);
  });

  it('shows a Good example that is clean', async () => {
    const findings = await findingsOf(rule, exampleFiles(readme, 'Good'));
    expect(findings.filter((finding) => finding.ruleId === rule.meta.id || finding.ruleId === 'syntax')).toEqual([]);
  });
});
