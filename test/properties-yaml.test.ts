import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadYaml } from '../src/languages/yaml/loader.js';
import { fuzzTarget } from './support/fuzz-api.js';
import { itHoldsParserProperties } from './support/parser-properties.js';

const YAML_TOKENS = ['a', 'b: ', 'kind: Service', 'spec:', '  ', '    ', '- ', '{', '}', '[', ']', ', ', '&x ', '*x', '!!str ', '"\\', "'", '|', '>-', '#', '\n', '\t'];
const K8S_TOKENS = [
  'apiVersion: v1\n', 'kind: Service\n', 'kind: Deployment\n', 'kind: List\nitems:\n', 'kind: KubeProxyConfiguration\n', 'metadata:\n  name: a\n  namespace: n\n',
  'spec:\n', '  selector:\n    app: a\n', '  ports:\n  - port: 80\n    targetPort: web\n    nodePort: 30080\n', '  template:\n    metadata:\n      labels:\n        app: a\n',
  '    spec:\n      containers:\n      - name: c\n        ports:\n        - containerPort: 80\n          name: web\n', 'data:\n  config.conf: |\n    mode: ipvs\n', '---\n',
];

describe('YAML loader (properties)', () => {
  itHoldsParserProperties('yaml', { tokens: YAML_TOKENS, numRuns: 60 });

  it('refuses alias bombs of any width and depth with one positioned issue instead of expanding them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 4, max: 30 }), fc.constantFrom('flow', 'block'), async (width, depth, style) => {
        const lines = ['a0: &a0 [x, y]'];
        for (let level = 1; level < depth; level++) {
          const refs = Array.from({ length: width }, () => `*a${level - 1}`);
          lines.push(style === 'flow' ? `a${level}: &a${level} [${refs.join(', ')}]` : `a${level}: &a${level}\n${refs.map((ref) => `  - ${ref}`).join('\n')}`);
        }
        const text = lines.join('\n') + '\n';
        const result = loadYaml('/bomb.yaml', text);
        const expandedNodes = width ** (depth - 1);
        if (expandedNodes > 1_000_000) expect(result.documents).toEqual([]);
        expect((await fuzzTarget('kubernetes').run(text)).problems).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('survives flow and block nesting thousands deep', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('[', '{', '- ', '{a: ', '[{', '? '), fc.integer({ min: 100, max: 5000 }), fc.boolean(), async (opener, depth, closed) => {
        const closers: Record<string, string> = { '[': ']', '{': '}', '{a: ': '}', '[{': '}]' };
        const closer = closed ? (closers[opener] ?? '') : '';
        const text = `${opener.repeat(depth)}x${closer.repeat(depth)}\n`;
        expect((await fuzzTarget('yaml').run(text)).problems).toEqual([]);
      }),
      { numRuns: 12 },
    );
  });
});

describe('Kubernetes model (properties)', () => {
  itHoldsParserProperties('kubernetes', { tokens: K8S_TOKENS, numRuns: 50 });
});
