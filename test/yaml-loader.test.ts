import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq } from 'yaml';
import type { Pair, Scalar, YAMLMap } from 'yaml';
import { loadYaml, MAX_FLOW_DEPTH, spanOfKey, spanOfNode, toPlainBounded } from '../src/languages/yaml/loader.js';

const BILLION_LAUGHS = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`;

function rootMap(text: string): { result: ReturnType<typeof loadYaml>; root: YAMLMap } {
  const result = loadYaml('t.yaml', text);
  const root = result.documents[0]?.doc.contents;
  if (!isMap(root)) throw new Error('expected a mapping at the root');
  return { result, root };
}

function pairOf(map: YAMLMap, key: string): Pair {
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
  if (!pair) throw new Error(`no key ${key}`);
  return pair;
}

describe('loadYaml: streams', () => {
  it('splits a multi-document stream and spans each document', () => {
    const text = 'a: 1\n---\nb: 2\n---\nc: 3\n';
    const result = loadYaml('multi.yaml', text);
    expect(result.issues).toEqual([]);
    expect(result.documents.map((d) => d.index)).toEqual([0, 1, 2]);
    expect(result.documents.map((d) => [d.span.line, d.span.endLine])).toEqual([
      [1, 1],
      [2, 3],
      [4, 5],
    ]);
    expect(result.documents.map((d) => d.doc.toJS())).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
  });

  it('records the Helm template of each rendered document from its # Source: comment', () => {
    const text = [
      '---',
      '# Source: shop/templates/service.yaml',
      'apiVersion: v1',
      'kind: Service',
      '---',
      '# Source: shop/templates/deployment.yaml',
      'apiVersion: apps/v1',
      'kind: Deployment',
      '---',
      'kind: NoSource',
      '',
    ].join('\n');
    const result = loadYaml('rendered.yaml', text);
    expect(result.issues).toEqual([]);
    expect(result.documents.map((d) => d.helmSource)).toEqual([
      'shop/templates/service.yaml',
      'shop/templates/deployment.yaml',
      undefined,
    ]);
  });

  it('finds a # Source: comment before a first document that has no ---', () => {
    const result = loadYaml('one.yaml', '# Source: shop/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\n');
    expect(result.documents.map((d) => d.helmSource)).toEqual(['shop/templates/cm.yaml']);
  });

  it('keeps comments on the parsed document', () => {
    const { root } = rootMap('# head\nkey: value # trailing\n');
    const pair = pairOf(root, 'key');
    expect((pair.value as Scalar).comment).toBe(' trailing');
  });

  it('gives an empty or comment-only file no documents and no issues', () => {
    expect(loadYaml('e.yaml', '')).toMatchObject({ documents: [], issues: [] });
    expect(loadYaml('c.yaml', '# nothing here\n')).toMatchObject({ documents: [], issues: [] });
  });
});

describe('spans', () => {
  const text = 'metadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n    targetPort: "http"\n  script: |\n    echo hi\n    exit 0\n';

  it('spans a scalar exactly, with an exclusive end column', () => {
    const { result, root } = rootMap(text);
    const metadata = pairOf(root, 'metadata').value as YAMLMap;
    expect(spanOfNode(result, pairOf(metadata, 'name').value as Scalar)).toEqual({
      file: 't.yaml', line: 2, column: 9, endLine: 2, endColumn: 12, start: 18, end: 21,
    });
  });

  it('spans a quoted scalar including its quotes, and a pair from key to value', () => {
    const { result, root } = rootMap(text);
    const spec = pairOf(root, 'spec').value as YAMLMap;
    const ports = pairOf(spec, 'ports').value;
    if (!isSeq(ports)) throw new Error('ports should be a list');
    const port = ports.items[0] as YAMLMap;
    const target = pairOf(port, 'targetPort');
    expect(spanOfNode(result, target.value as Scalar)).toMatchObject({ line: 6, column: 17, endLine: 6, endColumn: 23 });
    expect(spanOfNode(result, target)).toMatchObject({ line: 6, column: 5, endLine: 6, endColumn: 23 });
    expect(spanOfKey(result, target)).toMatchObject({ line: 6, column: 5, endLine: 6, endColumn: 15 });
  });

  it('ends a block scalar on its last content line, not after its newline', () => {
    const { result, root } = rootMap(text);
    const spec = pairOf(root, 'spec').value as YAMLMap;
    expect(spanOfNode(result, pairOf(spec, 'script').value as Scalar)).toMatchObject({
      line: 7, column: 11, endLine: 9, endColumn: 11,
    });
  });

  it('has no span for a missing node', () => {
    const { result } = rootMap(text);
    expect(spanOfNode(result, undefined)).toBeUndefined();
    expect(spanOfNode(result, null)).toBeUndefined();
  });

  it('counts columns in UTF-16 units after astral characters', () => {
    const { result, root } = rootMap('k: "😀" # emoji\nnext: v\nline: 😀 x\n');
    const line = pairOf(root, 'line');
    expect(spanOfNode(result, line.value as Scalar)).toMatchObject({ line: 3, column: 7, endColumn: 11 });
  });
});

describe('alias expansion is bounded', () => {
  it('reports a billion-laughs document as one positioned issue and drops it', () => {
    const result = loadYaml('bomb.yaml', BILLION_LAUGHS);
    expect(result.documents).toEqual([]);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({
      file: 'bomb.yaml',
      line: 4,
      column: 8,
      endLine: 4,
      endColumn: 10,
      message: 'YAML alias expansion exceeds 100 aliases (alias bomb?): *c is not expanded',
    });
  });

  it('honours a custom alias limit', () => {
    const text = 'base: &b {x: 1}\none: *b\ntwo: *b\nthree: *b\n';
    expect(loadYaml('a.yaml', text).issues).toEqual([]);
    const strict = loadYaml('a.yaml', text, { maxAliasCount: 2 });
    expect(strict.issues).toMatchObject([{ line: 4, column: 8, message: expect.stringContaining('exceeds 2 aliases') }]);
  });

  it('bounds the expanded node count separately from the alias count', () => {
    const list = `[${Array.from({ length: 50 }, (_, i) => i).join(', ')}]`;
    const text = `big: &big ${list}\ncopies: [*big, *big, *big]\n`;
    expect(loadYaml('n.yaml', text).issues).toEqual([]);
    const bounded = loadYaml('n.yaml', text, { maxExpandedNodes: 120 });
    expect(bounded.issues).toMatchObject([{ line: 2, column: 16, message: 'YAML alias expansion exceeds 120 nodes: *big is not expanded' }]);
  });

  it('reports an alias without an anchor and an alias inside its own anchor', () => {
    expect(loadYaml('u.yaml', 'a: 1\nb: *nowhere\n').issues).toMatchObject([
      { line: 2, column: 4, endColumn: 12, message: 'YAML alias *nowhere has no anchor &nowhere before it' },
    ]);
    expect(loadYaml('r.yaml', 'a: &loop [1, *loop]\n').issues).toMatchObject([
      { line: 1, column: 14, message: 'YAML alias *loop refers to its own anchor: the value would be infinite' },
    ]);
  });

  it('checks every document of a stream that has aliases, and a `*` that is no alias leaves a document alone', () => {
    const result = loadYaml('s.yaml', `glob: "*.conf"\n---\n${BILLION_LAUGHS}---\nafter: 1\n`);
    expect(result.documents.map((document) => document.index)).toEqual([0, 2]);
    expect(result.issues).toMatchObject([{ line: 6, message: expect.stringContaining('exceeds 100 aliases') }]);
  });

  it('expands ordinary aliases and merge keys in toPlainBounded', () => {
    const result = loadYaml('m.yaml', 'base: &base {app: web, tier: front}\nlabels:\n  <<: *base\n  tier: back\n');
    expect(result.issues).toEqual([]);
    expect(toPlainBounded(result.documents[0]!.doc)).toEqual({
      value: { base: { app: 'web', tier: 'front' }, labels: { app: 'web', tier: 'back' } },
    });
  });

  it('returns an issue from toPlainBounded instead of expanding a bomb', () => {
    const result = loadYaml('bomb.yaml', BILLION_LAUGHS, {
      maxAliasCount: Number.POSITIVE_INFINITY,
      maxExpandedNodes: Number.POSITIVE_INFINITY,
    });
    expect(result.issues).toEqual([]);
    expect(toPlainBounded(result.documents[0]!.doc, 100)).toEqual({
      issue: 'YAML alias expansion exceeds 100 aliases (alias bomb?): *c is not expanded',
    });
  });
});

describe('flow nesting is bounded before parsing', () => {
  it('refuses nesting deeper than MAX_FLOW_DEPTH at the first opener beyond it', () => {
    const depth = MAX_FLOW_DEPTH + 1;
    const result = loadYaml('deep.yaml', `items: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
    expect(result.documents).toEqual([]);
    expect(result.issues).toMatchObject([{ line: 1, column: 8 + MAX_FLOW_DEPTH, message: `YAML flow collections nest deeper than ${MAX_FLOW_DEPTH} levels here; not parsed` }]);
  });

  it('parses nesting at the limit, and brackets in quotes and comments or side by side do not count', () => {
    const atLimit = `items: ${'['.repeat(MAX_FLOW_DEPTH)}${']'.repeat(MAX_FLOW_DEPTH)}\n`;
    const quoted = `a: "${'['.repeat(300)}"\nb: '${'{'.repeat(300)}'\n# ${'['.repeat(300)}\n`;
    const flat = `c: [${Array.from({ length: 300 }, () => '[]').join(', ')}]\n`;
    for (const text of [atLimit, quoted, flat]) {
      const result = loadYaml('ok.yaml', text);
      expect(result.issues).toEqual([]);
      expect(result.documents).toHaveLength(1);
    }
  });
});

describe('malformed YAML becomes positioned issues', () => {
  const cases: { name: string; text: string; line: number; column: number; message: RegExp }[] = [
    { name: 'unclosed flow sequence', text: 'ports: [80, 443\nname: x\n', line: 2, column: 1, message: /flow sequence/i },
    { name: 'unterminated quote', text: 'a: 1\nb: "open\n', line: 3, column: 1, message: /Missing closing "quote/ },
    { name: 'bad indentation', text: 'a:\n  b: 1\n c: 2\n', line: 3, column: 1, message: /same column/i },
    { name: 'nested implicit mapping', text: 'a: b: c\n', line: 1, column: 4, message: /Nested mappings are not allowed/ },
    { name: 'duplicate key', text: 'name: a\nname: b\n', line: 2, column: 1, message: /Map keys must be unique/ },
    { name: 'tab indentation', text: 'a:\n\t- x\n', line: 2, column: 1, message: /tab/i },
    { name: 'sequence then mapping', text: '- a\nb: 1\n', line: 2, column: 1, message: /./ },
  ];
  for (const { name, text, line, column, message } of cases) {
    it(name, () => {
      const result = loadYaml('bad.yaml', text);
      expect(result.issues.length).toBeGreaterThan(0);
      const first = result.issues[0]!;
      expect({ line: first.line, column: first.column }).toEqual({ line, column });
      expect(first.message).toMatch(message);
      expect(first.message).not.toMatch(/\n/);
      expect(first.file).toBe('bad.yaml');
    });
  }

  it('keeps a document with errors, marked, for best-effort reading', () => {
    const result = loadYaml('dup.yaml', 'name: a\nname: b\n---\nok: 1\n');
    expect(result.documents.map((d) => d.hasErrors)).toEqual([true, false]);
  });

  it('reports an error at the end of the file inside the text', () => {
    const text = 'a: [1, 2';
    const [issue] = loadYaml('eof.yaml', text).issues;
    expect(issue!.end).toBeLessThanOrEqual(text.length);
    expect(issue!.start).toBeLessThanOrEqual(issue!.end);
  });
});

describe('input that is not YAML text', () => {
  it('reports binary input once, at the first control character', () => {
    const text = 'PK\u0003\u0004\u0000\u0000binary';
    const result = loadYaml('archive.yaml', text);
    expect(result.documents).toEqual([]);
    expect(result.issues).toEqual([
      { file: 'archive.yaml', line: 1, column: 3, endLine: 1, endColumn: 4, start: 2, end: 3, message: 'File looks binary (control character U+0003), not YAML' },
    ]);
  });

  it('refuses input over the byte limit without parsing it', () => {
    const result = loadYaml('huge.yaml', 'a: 1\n'.repeat(100), { maxBytes: 100 });
    expect(result.documents).toEqual([]);
    expect(result.issues).toMatchObject([{ line: 1, column: 1, message: 'YAML file is 500 bytes, more than the 100-byte limit; not parsed' }]);
  });

  it('never throws on arbitrary text', () => {
    const samples = ['{{ .Values.x }}\n', ']]]]', '- - - -\n  ? ? :\n', '&a *a', '%YAML 9.9\n---\nx', '"\\u12"', '!<tag:x> [\n'];
    for (const sample of samples) {
      const result = loadYaml('any.yaml', sample);
      for (const issue of result.issues) {
        expect(issue.line).toBeGreaterThanOrEqual(1);
        expect(issue.column).toBeGreaterThanOrEqual(1);
      }
    }
  });
});

describe('loadYaml on generated input', () => {
  const yamlish = fc
    .array(fc.constantFrom('a', ':', ' ', '\n', '-', '[', ']', '{', '}', '&x', '*x', '"', "'", '|', '>', '#', '---', '\t', '<<', '😀', '1'), { maxLength: 60 })
    .map((parts) => parts.join(''));

  it('never throws and positions every issue inside the text', () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        const result = loadYaml('gen.yaml', text);
        for (const issue of result.issues) {
          expect(issue.start).toBeGreaterThanOrEqual(0);
          expect(issue.end).toBeLessThanOrEqual(text.length);
          expect(issue.start).toBeLessThanOrEqual(issue.end);
          expect(result.lineIndex.positionAt(issue.start)).toEqual({ line: issue.line, column: issue.column });
          expect(issue.message).not.toMatch(/\n/);
        }
        for (const document of result.documents) {
          expect(document.span.end).toBeLessThanOrEqual(text.length);
          expect(toPlainBounded(document.doc)).toBeDefined();
        }
      }),
      { numRuns: 300 },
    );
  });
});
