import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCniFile } from '../src/languages/network/index.js';

const corpus = (name: string): string => readFileSync(new URL(`../../shared/corpus/real/network/${name}`, import.meta.url), 'utf8');

describe('parseCniFile on real files', () => {
  it('reads basic-ptp.conf: ptp, no encapsulation, mtu 512 at its token', () => {
    const result = parseCniFile('basic-ptp.conf', corpus('basic-ptp.conf'));
    expect(result.issues).toEqual([]);
    expect(result.config?.isList).toBe(false);
    expect(result.config?.cniVersion?.value).toBe('0.3.0');
    expect(result.config?.plugins.map((p) => p.type?.value)).toEqual(['ptp']);
    const network = result.network!;
    expect(network).toMatchObject({ source: 'cni', plugin: 'ptp', encapsulation: 'none', overheadBytes: 0, name: 'basic-ptp' });
    expect(network.mtu).toMatchObject({ value: 512, setBy: 'CNI ptp mtu' });
    // `    "mtu": 512,` is line 6; the value starts at column 12.
    expect(network.mtu!.span).toMatchObject({ file: 'basic-ptp.conf', line: 6, column: 12, endLine: 6, endColumn: 15 });
    expect(network.span).toMatchObject({ line: 1, column: 1, endLine: 12, endColumn: 2 });
    expect(network.options?.['ipMasq']).toMatchObject({ value: 'true', span: { line: 5, column: 15 } });
  });

  it('reads chained-bridge-bandwidth.conflist: bridge first, MTU left at the kernel default', () => {
    const result = parseCniFile('chained.conflist', corpus('chained-bridge-bandwidth.conflist'));
    expect(result.issues).toEqual([]);
    expect(result.config?.isList).toBe(true);
    expect(result.config?.plugins.map((p) => p.type?.value)).toEqual(['bridge', 'bandwidth']);
    expect(result.config?.plugins[1]!.type!.span).toMatchObject({ line: 16, column: 21, endColumn: 32 });
    const network = result.network!;
    expect(network).toMatchObject({ plugin: 'bridge', encapsulation: 'none', impliedMtu: 1500, mtuAutoDetected: false, name: 'network-chain-test' });
    expect(network.mtu).toBeUndefined();
    expect(network.span).toMatchObject({ line: 5, column: 9, endLine: 14, endColumn: 10 });
  });
});

describe('parseCniFile semantics', () => {
  it("takes flannel's delegate.mtu as the pods' MTU", () => {
    const text = '{\n  "cniVersion": "0.3.1",\n  "name": "cbr0",\n  "plugins": [\n    {"type": "flannel", "delegate": {"mtu": 1500, "isDefaultGateway": true}},\n    {"type": "portmap", "capabilities": {"portMappings": true}}\n  ]\n}\n';
    const result = parseCniFile('10-flannel.conflist', text);
    expect(result.issues).toEqual([]);
    expect(result.network).toMatchObject({ source: 'flannel', plugin: 'flannel', encapsulation: 'unknown', mtuAutoDetected: true });
    expect(result.network?.mtu).toMatchObject({ value: 1500, setBy: 'CNI delegate.mtu', span: { line: 5, column: 45, endColumn: 49 } });
  });

  it('without delegate.mtu flannel is auto-detected and has no mtu', () => {
    const result = parseCniFile('f.conflist', '{"cniVersion":"0.3.1","name":"x","plugins":[{"type":"flannel","delegate":{}}]}');
    expect(result.network?.mtu).toBeUndefined();
    expect(result.network?.mtuAutoDetected).toBe(true);
  });

  it('reads a calico plugin mtu and knows the Calico CNI default', () => {
    const withMtu = parseCniFile('10-calico.conflist', '{"name":"k8s-pod-network","cniVersion":"0.3.1","plugins":[{"type":"calico","mtu":1440}]}');
    expect(withMtu.network).toMatchObject({ source: 'calico', mtu: { value: 1440, setBy: 'CNI calico mtu' } });
    const without = parseCniFile('10-calico.conflist', '{"name":"k8s-pod-network","cniVersion":"0.3.1","plugins":[{"type":"calico"}]}');
    expect(without.network).toMatchObject({ impliedMtu: 1500, mtuAutoDetected: false });
  });

  it('lets a later tuning plugin change the MTU', () => {
    const result = parseCniFile('t.conflist', '{"cniVersion":"1.0.0","name":"n","plugins":[{"type":"bridge","mtu":9000},{"type":"tuning","mtu":1400}]}');
    expect(result.network?.mtu).toMatchObject({ value: 1400, setBy: 'CNI tuning mtu', span: { column: 97, endColumn: 101 } });
  });

  it('keeps the last of duplicate keys, as Go decoding does', () => {
    const result = parseCniFile('d.conf', '{"cniVersion":"0.4.0","name":"n","type":"bridge","mtu":1400,"mtu":1450}');
    expect(result.network?.mtu?.value).toBe(1450);
  });

  it('maps weave-net to VXLAN with its 1376 default', () => {
    const result = parseCniFile('10-weave.conflist', '{"cniVersion":"0.3.0","name":"weave","plugins":[{"name":"weave","type":"weave-net","hairpinMode":true}]}');
    expect(result.network).toMatchObject({ encapsulation: 'vxlan', overheadBytes: 50, impliedMtu: 1376 });
  });

  it('counts positions in UTF-16 units after non-ASCII text', () => {
    const result = parseCniFile('u.conf', '{"name":"网络😀","cniVersion":"0.4.0","type":"ptp","mtu":1400}');
    // `{"name":"网络😀",` is 15 UTF-16 units (the emoji is two), so "mtu"'s value is at offset 55.
    expect(result.network?.mtu?.span).toMatchObject({ line: 1, column: 56, endColumn: 60 });
  });
});

describe('parseCniFile on malformed input', () => {
  it('reports a trailing comma at its position', () => {
    const result = parseCniFile('bad.conf', '{\n  "cniVersion": "0.3.1",\n  "type": "bridge",\n}\n');
    expect(result.config).toBeUndefined();
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ file: 'bad.conf', line: 4, column: 1 });
    expect(result.issues[0]!.message).toMatch(/^invalid JSON: Expected double-quoted property name/);
  });

  it('reports an unexpected token (which V8 does not position) at the token', () => {
    const result = parseCniFile('bad.conf', '{\n  "mtu": 15x0\n}');
    expect(result.issues[0]).toMatchObject({ line: 2, column: 12, endColumn: 13 });
    const bare = parseCniFile('bad.conf', '{\n  "type": bridge\n}');
    expect(bare.issues[0]).toMatchObject({ line: 2, column: 11, endColumn: 12 });
    expect(bare.issues[0]!.message).toBe("invalid JSON: Unexpected token 'b'");
  });

  it('reports truncated input at its end', () => {
    const result = parseCniFile('cut.conflist', '{\n  "plugins": [\n    {"type": "bridge"');
    expect(result.issues[0]).toMatchObject({ line: 3, column: 22 });
  });

  it('rejects YAML-only syntax that the yaml package alone would accept', () => {
    // `t` could begin `true`; the `y` is the first character JSON cannot accept.
    expect(parseCniFile('y.conf', 'type: bridge\n').issues[0]).toMatchObject({ line: 1, column: 2 });
    const comment = parseCniFile('c.conf', '{"type": "bridge"} # comment').issues[0]!;
    expect(comment).toMatchObject({ line: 1, column: 20, message: 'invalid JSON: Unexpected non-whitespace character after JSON' });
  });

  it('reports a string MTU at the value', () => {
    const result = parseCniFile('s.conf', '{"cniVersion":"0.4.0","name":"n","type":"bridge","mtu":"1450"}');
    expect(result.network?.mtu).toBeUndefined();
    expect(result.issues).toEqual([expect.objectContaining({ line: 1, column: 56, endColumn: 62, message: expect.stringContaining('CNI bridge mtu must be an integer') })]);
  });

  it('reports non-object roots, plugins that are not objects and missing types', () => {
    expect(parseCniFile('a.conf', '[1]').issues[0]!.message).toBe('A CNI configuration must be a JSON object');
    const result = parseCniFile('p.conflist', '{"cniVersion":"0.4.0","name":"n","plugins":[1, {"mtu": 1}]}');
    expect(result.issues.map((i) => [i.column, i.message])).toEqual([
      [45, 'Each entry of "plugins" must be a JSON object'],
      [48, 'CNI plugin configuration has no "type"'],
    ]);
  });

  it('reports binary content instead of parsing it', () => {
    const result = parseCniFile('bin.conf', '{"type"\u0000:1}');
    expect(result.issues).toEqual([expect.objectContaining({ line: 1, column: 8, message: expect.stringContaining('binary') })]);
  });

  it('bounds nesting depth instead of overflowing the stack', () => {
    const deep = '{"type":"bridge","x":' + '['.repeat(5000) + ']'.repeat(5000) + '}';
    const result = parseCniFile('deep.conf', deep);
    // The root object is level 1, so the 200th `[` (offset 21 + 199) opens level 201.
    expect(result.issues).toEqual([expect.objectContaining({ line: 1, column: 221, message: 'JSON nested deeper than 200 levels; not read' })]);
    expect(result.network).toBeUndefined();
  });
});
