import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzTarget } from './support/fuzz-api.js';
import { itHoldsParserProperties } from './support/parser-properties.js';

const JSON_TOKENS = ['{', '}', '[', ']', ',', ':', '"type"', '"mtu"', '"plugins"', '"Backend"', '"Type"', '"vxlan"', '1450', '-1', '1e400', 'null', 'true', '"\\u00e9"', '"\\', ' ', '\n'];
const NETWORK_YAML_TOKENS = [
  'network:\n', '  plugin: canal\n', '  mtu: 1450\n', '  options:\n    flannel_backend_type: vxlan\n', 'kind: ConfigMap\n', 'metadata:\n  name: kube-flannel-cfg\n', 'data:\n',
  '  net-conf.json: |\n    {"Network": "10.0.0.0/8", "Backend": {"Type": "vxlan"}}\n', '  cni_network_config: |-\n    {"mtu": __CNI_MTU__}\n', '  veth_mtu: "1440"\n',
  'kind: HelmChartConfig\n', 'spec:\n  valuesContent: |-\n    flannel:\n      backend: wireguard\n', 'kind: IPPool\n', '  ipipMode: Always\n', 'cni: canal\n', '---\n',
];

describe('network parsers (properties)', () => {
  describe('CNI .conf/.conflist', () => itHoldsParserProperties('cni', { tokens: JSON_TOKENS, numRuns: 100 }));
  describe('flannel net-conf.json', () => itHoldsParserProperties('flannel', { tokens: JSON_TOKENS, numRuns: 100 }));
  describe('overlay networks from YAML', () => itHoldsParserProperties('network-yaml', { tokens: NETWORK_YAML_TOKENS, numRuns: 50 }));

  it('keeps JSON positions on deep nesting, long strings and text after the value', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('[', '{"a":', '"', '\\', ' ', '\r\n', '1'),
        fc.integer({ min: 1, max: 20_000 }),
        fc.constantFrom('', '{"type": "bridge"} ', '{"plugins": ['),
        fc.constantFrom('cni', 'flannel') as fc.Arbitrary<'cni' | 'flannel'>,
        async (unit, count, prefix, target) => {
          expect((await fuzzTarget(target).run(prefix + unit.repeat(count))).problems).toEqual([]);
        },
      ),
      { numRuns: 20 },
    );
  });
});
