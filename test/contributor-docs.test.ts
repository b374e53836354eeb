import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleModules } from '../rules/index.js';
import { LANGUAGES } from '../src/languages/registry.js';
import { REPO_ROOT } from './support/cli.js';

// README.md, ARCHITECTURE.md, CONTRIBUTING.md and rules/README.md name files, folders and commands; these
// tests keep every name true, so that the recipes can be followed as written.

const DOCS = ['README.md', 'ARCHITECTURE.md', 'CONTRIBUTING.md', join('rules', 'README.md')];
const read = (path: string): string => readFileSync(join(REPO_ROOT, path), 'utf8');
const scripts = Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts);

/**
 * The repository paths a document names in backticks, each with what must exist: `<id>` is
 * every language (each has the file), `<layer>/<name>` a rule folder (some rule has the file,
 * since a rule's own tests are optional), any other placeholder is not checked.
 */
function pathsNamed(markdown: string): Array<{ named: string; exists: boolean }> {
  const named = [...markdown.matchAll(/`((?:src|rules|scripts|test|schemas)\/[^`\s]*)`/g)].map((match) => match[1]!.replace(/\/<case>\/?$/, '').replace(/\/$/, ''));
  const exists = (path: string): boolean => existsSync(join(REPO_ROOT, path));
  return named.flatMap((path) => {
    if (path.includes('<id>')) return [{ named: path, exists: LANGUAGES.every(({ id }) => exists(path.replaceAll('<id>', id))) }];
    if (path.includes('<layer>/<name>')) return [{ named: path, exists: ruleModules.some(({ dir }) => exists(path.replace('<layer>/<name>', dir))) }];
    if (path.includes('<')) return [];
    return [{ named: path, exists: exists(path) }];
  });
}

function directories(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir))
    .filter((name) => statSync(join(REPO_ROOT, dir, name)).isDirectory())
    .sort();
}

describe.each(DOCS)('%s', (doc) => {
  const markdown = read(doc);

  it('names only paths that exist (for every language and rule where it says <id> or <layer>/<name>)', () => {
    const missing = pathsNamed(markdown).filter((path) => !path.exists).map((path) => path.named);
    expect(missing).toEqual([]);
  });

  it('names only npm scripts that exist', () => {
    const named = [...markdown.matchAll(/npm run ([\w:-]+)/g)].map((match) => match[1]!);
    expect(named.filter((name) => !scripts.includes(name))).toEqual([]);
  });
});

describe('ARCHITECTURE.md', () => {
  const markdown = read('ARCHITECTURE.md');
  const tree = /```\nsrc\/\n([\s\S]*?)```/.exec(markdown)?.[1] ?? '';

  it('shows every folder of src/ and src/languages/ in its tree', () => {
    const words = new Set(tree.split(/[\s/]+/));
    const missing = [...directories('src'), ...directories(join('src', 'languages'))].filter((name) => !words.has(name));
    expect(missing).toEqual([]);
  });

  it('states the layer order that scripts/check-layers.mjs enforces', () => {
    const layers = /export const LAYERS = (\[.*\]);/.exec(read(join('scripts', 'check-layers.mjs')))?.[1];
    const order = (JSON.parse(layers!.replace(/'/g, '"')) as string[][]).map((names) => names.join(' + ')).join(' → ');
    // The document's last shells are written `cli | lsp | action | testing`.
    expect(markdown.replace(/\s+/g, ' ')).toContain(order.replace('cli + lsp + action + testing', 'cli | lsp | action | testing'));
  });
});

describe('CONTRIBUTING.md, "Add a language"', () => {
  const section = read('CONTRIBUTING.md').split('## Add a language')[1] ?? '';

  it('names the files every language folder has', () => {
    const perLanguage = [...section.matchAll(/`src\/languages\/<id>\/([\w.-]+)`/g)].map((match) => match[1]!);
    expect(perLanguage).toEqual(['detect.ts', 'language.ts', 'index.ts']);
    for (const { id } of LANGUAGES) {
      for (const file of perLanguage) expect(existsSync(join(REPO_ROOT, 'src', 'languages', id, file)), `src/languages/${id}/${file}`).toBe(true);
      expect(read(join('src', 'languages', id, 'index.ts')), `src/languages/${id}/index.ts exports ${id}Language`).toMatch(new RegExp(`\\b${id}Language\\b`));
    }
  });
});
