import { isMap } from 'yaml';
import type { Span } from '../../core/source.js';
import { overheadOf, WIREGUARD_IPV6_OVERHEAD } from './overhead.js';
import type { Encapsulation, MtuSetting, OverlayNetwork } from './types.js';
import { locatorOf, mapAt, positionedAt, readMtuAt, scalarText, seqAt, spanOf, stringAt, valueOf, type YamlSource } from './yaml-access.js';

const AUTO_NOTE = 'Calico (3.17+) auto-detects the MTU from the host interface and the enabled encapsulation unless veth_mtu or a FelixConfiguration MTU sets it (Calico "Configure MTU")';

/** Tunnel-device MTU fields of a FelixConfiguration, each with the encapsulation it sizes. */
const FELIX_MTU_FIELDS: { field: string; encapsulation: Encapsulation; overheadBytes: number; enabledBy?: string }[] = [
  { field: 'ipipMTU', encapsulation: 'ipip', overheadBytes: overheadOf('ipip'), enabledBy: 'ipipEnabled' },
  { field: 'vxlanMTU', encapsulation: 'vxlan', overheadBytes: overheadOf('vxlan'), enabledBy: 'vxlanEnabled' },
  { field: 'vxlanMTUV6', encapsulation: 'vxlan', overheadBytes: 70 },
  { field: 'wireguardMTU', encapsulation: 'wireguard', overheadBytes: overheadOf('wireguard'), enabledBy: 'wireguardEnabled' },
  { field: 'wireguardMTUV6', encapsulation: 'wireguard', overheadBytes: WIREGUARD_IPV6_OVERHEAD, enabledBy: 'wireguardEnabledV6' },
];

export function networksFromFelixConfiguration(source: YamlSource, root: unknown): OverlayNetwork[] {
  const spec = mapAt(source, root, 'spec');
  if (!spec) return [];
  const name = stringAt(source, mapAt(source, root, 'metadata'), 'name') ?? 'default';
  const options: OverlayNetwork['options'] = {};
  const pattern = positionedAt(source, spec, 'mtuIfacePattern');
  if (pattern) options['mtuIfacePattern'] = pattern;
  const networks: OverlayNetwork[] = [];
  for (const { field, encapsulation, overheadBytes, enabledBy } of FELIX_MTU_FIELDS) {
    const mtu = readMtuAt(source, spec, field, `FelixConfiguration ${field}`);
    const enabled = enabledBy ? stringAt(source, spec, enabledBy) === 'true' : false;
    if (!mtu && !enabled) continue;
    const anchor = spanOf(source, mtu && mtu !== 'auto' ? valueOf(source, spec, field) : valueOf(source, spec, enabledBy ?? field)) ?? spanOf(source, spec)!;
    const network: OverlayNetwork = {
      source: 'calico',
      encapsulation,
      mtuAutoDetected: !mtu || mtu === 'auto',
      overheadBytes,
      file: locatorOf(source).file,
      span: anchor,
      plugin: 'calico',
      name,
    };
    if (mtu && mtu !== 'auto') network.mtu = mtu;
    else network.mtuNote = AUTO_NOTE;
    const enabledSpan = enabledBy ? spanOf(source, valueOf(source, spec, enabledBy)) : undefined;
    if (enabled && enabledSpan) network.encapsulationSpan = enabledSpan;
    if (Object.keys(options).length > 0) network.options = { ...options };
    networks.push(network);
  }
  return networks;
}

/**
 * An IPPool's encapsulation: `vxlanMode`/`ipipMode` Always or CrossSubnet encapsulate (CrossSubnet
 * only between subnets, which is where the MTU matters); both Never (the v3 default) route plainly.
 */
export function networksFromIpPool(source: YamlSource, root: unknown): OverlayNetwork[] {
  const spec = mapAt(source, root, 'spec');
  if (!spec) return [];
  const name = stringAt(source, mapAt(source, root, 'metadata'), 'name');
  const vxlan = positionedAt(source, spec, 'vxlanMode');
  const ipip = positionedAt(source, spec, 'ipipMode');
  const chosen = encapsulatingMode(vxlan?.value) ? { mode: vxlan!, encapsulation: 'vxlan' as const } : encapsulatingMode(ipip?.value) ? { mode: ipip!, encapsulation: 'ipip' as const } : undefined;
  const network: OverlayNetwork = {
    source: 'calico',
    encapsulation: chosen?.encapsulation ?? 'none',
    mtuAutoDetected: true,
    mtuNote: AUTO_NOTE,
    overheadBytes: chosen ? overheadOf(chosen.encapsulation) : 0,
    file: locatorOf(source).file,
    span: spanOf(source, spec)!,
    plugin: 'calico',
  };
  if (name !== undefined) network.name = name;
  if (chosen) {
    network.encapsulationSpan = chosen.mode.span;
    network.backend = chosen.mode.value;
  }
  const options: OverlayNetwork['options'] = {};
  for (const key of ['cidr', 'ipipMode', 'vxlanMode', 'natOutgoing']) {
    const value = positionedAt(source, spec, key);
    if (value) options[key] = value;
  }
  if (Object.keys(options).length > 0) network.options = options;
  return [network];
}

/**
 * The calico-node container's environment as the Calico manifests write it:
 * `CALICO_IPV4POOL_IPIP`/`CALICO_IPV4POOL_VXLAN` create the default pool, `FELIX_*MTU` size
 * tunnel devices. Values taken from a ConfigMap (`valueFrom`) are read from the ConfigMap instead.
 */
export function networksFromCalicoNodeEnv(source: YamlSource, root: unknown): OverlayNetwork[] {
  const containers = seqAt(source, root, 'spec', 'template', 'spec', 'containers');
  if (!containers) return [];
  const networks: OverlayNetwork[] = [];
  for (const container of containers.items) {
    if (stringAt(source, container, 'name') !== 'calico-node') continue;
    const env = seqAt(source, container, 'env');
    if (!env) continue;
    const values = new Map<string, { text: string; span: Span; node: unknown }>();
    for (const item of env.items) {
      if (!isMap(item)) continue;
      const variable = stringAt(source, item, 'name');
      const valueNode = valueOf(source, item, 'value');
      const text = scalarText(valueNode);
      const span = spanOf(source, valueNode);
      if (variable && text !== undefined && span) values.set(variable, { text, span, node: valueNode });
    }
    const pool = [
      { variable: 'CALICO_IPV4POOL_VXLAN', encapsulation: 'vxlan' as const },
      { variable: 'CALICO_IPV4POOL_IPIP', encapsulation: 'ipip' as const },
    ].find(({ variable }) => encapsulatingMode(values.get(variable)?.text));
    if (pool) {
      const mode = values.get(pool.variable)!;
      networks.push({
        source: 'calico',
        encapsulation: pool.encapsulation,
        encapsulationSpan: mode.span,
        backend: mode.text,
        mtuAutoDetected: true,
        mtuNote: AUTO_NOTE,
        overheadBytes: overheadOf(pool.encapsulation),
        file: locatorOf(source).file,
        span: spanOf(source, container)!,
        plugin: 'calico',
        name: 'calico-node',
      });
    }
    for (const [variable, encapsulation] of [
      ['FELIX_IPINIPMTU', 'ipip'],
      ['FELIX_VXLANMTU', 'vxlan'],
      ['FELIX_WIREGUARDMTU', 'wireguard'],
    ] as const) {
      const entry = values.get(variable);
      if (!entry) continue;
      if (!/^\s*\d+\s*$/.test(entry.text)) {
        source.issues.push({ ...entry.span, message: `${variable} must be a whole number of bytes, not ${JSON.stringify(entry.text)}` });
        continue;
      }
      const value = Number(entry.text);
      if (value === 0) continue;
      const mtu: MtuSetting = { value, span: entry.span, setBy: `calico-node env ${variable}` };
      networks.push({
        source: 'calico',
        encapsulation,
        mtu,
        mtuAutoDetected: false,
        overheadBytes: overheadOf(encapsulation),
        file: locatorOf(source).file,
        span: entry.span,
        plugin: 'calico',
        name: 'calico-node',
      });
    }
  }
  return networks;
}

/**
 * Calico splits one network over several objects: the veth MTU in `calico-config`, the
 * encapsulation in an IPPool or the calico-node environment. Records whose encapsulation is
 * unknown but whose MTU is known take the encapsulation of a record that knows it; the
 * encapsulation-only records they absorbed are dropped. Usable across files by the model.
 */
export function mergeCalicoNetworks(networks: OverlayNetwork[]): OverlayNetwork[] {
  const isCalico = (n: OverlayNetwork): boolean => n.source === 'calico';
  const encapsulationOnly = networks.filter(
    (n) => isCalico(n) && n.encapsulation !== 'unknown' && n.encapsulation !== 'none' && !n.mtu && n.impliedMtu === undefined && n.encapsulationSpan !== undefined,
  );
  const needEncapsulation = networks.filter((n) => isCalico(n) && n.encapsulation === 'unknown' && (n.mtu !== undefined || n.impliedMtu !== undefined));
  const provider = encapsulationOnly[0];
  if (!provider || needEncapsulation.length === 0) return networks;
  const merged = new Map<OverlayNetwork, OverlayNetwork>();
  for (const network of needEncapsulation) {
    const copy: OverlayNetwork = {
      ...network,
      encapsulation: provider.encapsulation,
      overheadBytes: provider.overheadBytes,
      encapsulationSpan: provider.encapsulationSpan!,
    };
    if (provider.backend !== undefined) copy.backend = provider.backend;
    merged.set(network, copy);
  }
  const absorbed = new Set(encapsulationOnly);
  return networks.filter((n) => !absorbed.has(n)).map((n) => merged.get(n) ?? n);
}

function encapsulatingMode(mode: string | undefined): boolean {
  if (mode === undefined) return false;
  const normalised = mode.toLowerCase();
  return normalised === 'always' || normalised === 'crosssubnet';
}

