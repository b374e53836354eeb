import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractNetworksFromYaml, parseCniFile } from '../src/languages/network/index.js';
import { loadYaml } from '../src/languages/yaml/loader.js';

const word = fc.stringMatching(/^[A-Za-z0-9 _.\-\u00e9\u4e2d]{0,12}$/);

describe('embedded JSON positions (property)', () => {
  it('Backend.Type always maps to its own token in the YAML file, whatever the scalar style and indentation', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), word, { maxKeys: 4 }),
        word,
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom('literal', 'strip', 'double'),
        fc.constantFrom('\n', '\r\n'),
        (extra, backendType, indent, style, newline) => {
          const json = JSON.stringify({ ...extra, Backend: { Type: backendType } }, null, 2);
          const pad = ' '.repeat(indent);
          const value =
            style === 'double'
              ? ` ${JSON.stringify(json)}`
              : ` ${style === 'literal' ? '|' : '|-'}\n${json
                  .split('\n')
                  .map((line) => `${pad}${pad}${line}`)
                  .join('\n')}`;
          const text = `kind: ConfigMap\napiVersion: v1\nmetadata:\n${pad}name: kube-flannel-cfg\ndata:\n${pad}net-conf.json:${value}\n`.replace(/\n/g, newline);
          const loaded = loadYaml('p.yaml', text);
          expect(loaded.issues).toEqual([]);
          const result = extractNetworksFromYaml(loaded);
          expect(result.issues).toEqual([]);
          const span = result.networks[0]!.encapsulationSpan!;
          const expected = style === 'double' ? JSON.stringify(JSON.stringify(backendType)).slice(1, -1) : JSON.stringify(backendType);
          expect(text.slice(span.start, span.end)).toBe(expected);
          const lineText = text.split(/\r?\n/)[span.line - 1]!;
          expect(lineText.slice(span.column - 1, span.endColumn - 1)).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('robustness (property)', () => {
  it('parseCniFile never throws and every issue lies inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.json().map((j) => j.slice(0, Math.floor(j.length / 2)))), (text) => {
        const result = parseCniFile('f.conf', text);
        for (const issue of result.issues) {
          expect(issue.start).toBeGreaterThanOrEqual(0);
          expect(issue.end).toBeLessThanOrEqual(text.length);
          expect(issue.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('extractNetworksFromYaml never throws on arbitrary YAML-ish input', () => {
    const fragments = fc.constantFrom('network:\n', '  plugin: canal\n', '  mtu: x\n', 'kind: ConfigMap\n', 'data:\n', '  net-conf.json: |\n', '    {"Backend"\n', '---\n', 'cni: [a, b]\n', 'spec:\n', '  valuesContent: "a: ["\n', 'metadata: {name: rke2-canal}\n', 'kind: HelmChartConfig\n', 'kind: IPPool\n', '  ipipMode: Always\n');
    fc.assert(
      fc.property(fc.array(fragments, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const result = extractNetworksFromYaml(loadYaml('f.yaml', text));
        for (const issue of result.issues) expect(issue.end).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 300 },
    );
  });
});
