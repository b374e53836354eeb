import { isScalar } from 'yaml';
import type { YAMLMap } from 'yaml';
import { parseCniText } from './cni.js';
import { scalarValueLocator, type Locator } from '../yaml/index.js';
import { parseFlannelNetConf, flannelEncapsulation } from './flannel.js';
import { ETHERNET_DEFAULT_MTU } from './overhead.js';
import type { MtuSetting, OverlayNetwork, PositionedString } from './types.js';
import { keySpanOf, locatorOf, mapAt, pairOf, readMtuAt, scalarEntries, spanOf, stringAt, textOf, valueOf, type YamlSource } from './yaml-access.js';

/**
 * The network ConfigMaps that installers ship: flannel's `kube-flannel-cfg`, Canal's
 * `canal-config` and Calico's `calico-config` (or any ConfigMap/Secret carrying the same keys).
 * `data` of a Secret is base64 and not read; its `stringData` is.
 */
export function networksFromConfigMap(source: YamlSource, root: unknown): OverlayNetwork[] {
  const data = mapAt(source, root, 'data') ?? mapAt(source, root, 'stringData');
  if (!data) return [];
  const name = stringAt(source, mapAt(source, root, 'metadata'), 'name') ?? '';
  const has = (key: string): boolean => pairOf(source, data, key) !== undefined;
  const flannelLike = has('net-conf.json');
  const calicoLike = has('veth_mtu') || has('cni_network_config') || has('calico_backend');
  if (flannelLike && (calicoLike || has('canal_iface') || /canal/.test(name))) return canalNetwork(source, data, name);
  if (flannelLike) return flannelNetwork(source, data, name);
  if (calicoLike) return calicoNetwork(source, data, name);
  return [];
}

function flannelNetwork(source: YamlSource, data: YAMLMap, name: string): OverlayNetwork[] {
  const netConf = embedded(source, data, 'net-conf.json');
  if (!netConf) return [];
  const parsed = parseFlannelNetConf(netConf.text, netConf.locator, 'flannel');
  source.issues.push(...parsed.issues);
  if (!parsed.network) return [];
  const network = { ...parsed.network, name };
  const cniConf = embedded(source, data, 'cni-conf.json');
  if (cniConf) {
    const cni = parseCniText(cniConf.text, cniConf.locator);
    source.issues.push(...cni.issues);
    const flannelPlugin = cni.config?.plugins.find((p) => p.type?.value === 'flannel');
    if (flannelPlugin?.mtu) {
      network.mtu = flannelPlugin.mtu;
      network.mtuAutoDetected = false;
    }
  }
  return [network];
}

function canalNetwork(source: YamlSource, data: YAMLMap, name: string): OverlayNetwork[] {
  const netConf = embedded(source, data, 'net-conf.json');
  const flannel = netConf ? parseFlannelNetConf(netConf.text, netConf.locator, 'canal') : undefined;
  if (flannel) source.issues.push(...flannel.issues);
  const anchor = keySpanOf(source, pairOf(source, data, 'net-conf.json')!) ?? spanOf(source, data)!;
  const base = flannel?.network;
  // Canal's flannel runs VXLAN unless net-conf.json names another backend (Canal manifests, RKE, rke2-canal).
  const backend = base?.backend ?? 'vxlan';
  const { encapsulation, overheadBytes } = flannelEncapsulation(backend);
  const network: OverlayNetwork = {
    source: 'canal',
    encapsulation,
    backend,
    mtuAutoDetected: false,
    overheadBytes,
    file: locatorOf(source).file,
    span: base?.span ?? anchor,
    plugin: 'canal',
    name,
  };
  if (base?.encapsulationSpan) network.encapsulationSpan = base.encapsulationSpan;
  applyCalicoMtu(source, data, network, name || 'canal-config');
  const options = pick(scalarEntries(source, data), ['canal_iface', 'canal_iface_regex', 'masquerade', 'veth_mtu']);
  if (Object.keys(options).length > 0) network.options = options;
  return [network];
}

function calicoNetwork(source: YamlSource, data: YAMLMap, name: string): OverlayNetwork[] {
  const backend = stringAt(source, data, 'calico_backend');
  // calico_backend "vxlan" is the VXLAN-only manifest; "bird" leaves the choice to the IPPool (IPIP by default).
  const encapsulation = backend === 'vxlan' ? 'vxlan' : 'unknown';
  const anchorPair = pairOf(source, data, 'veth_mtu') ?? pairOf(source, data, 'cni_network_config') ?? pairOf(source, data, 'calico_backend')!;
  const network: OverlayNetwork = {
    source: 'calico',
    encapsulation,
    mtuAutoDetected: false,
    overheadBytes: encapsulation === 'vxlan' ? 50 : 0,
    file: locatorOf(source).file,
    span: keySpanOf(source, anchorPair) ?? spanOf(source, data)!,
    plugin: 'calico',
    name,
  };
  if (backend !== undefined) network.backend = backend;
  if (encapsulation === 'vxlan') {
    const span = spanOf(source, valueOf(source, data, 'calico_backend'));
    if (span) network.encapsulationSpan = span;
  }
  applyCalicoMtu(source, data, network, name || 'calico-config');
  const options = pick(scalarEntries(source, data), ['calico_backend', 'veth_mtu', 'typha_service_name']);
  if (Object.keys(options).length > 0) network.options = options;
  return [network];
}

/**
 * The pods' veth MTU in Calico-family ConfigMaps. install-cni writes `veth_mtu` into the
 * template's `__CNI_MTU__`; a literal `"mtu"` in the template wins; a template with neither
 * leaves the Calico CNI plugin at its 1500 default (RKE1's canal template); `veth_mtu: "0"`
 * asks Calico (3.17+) to auto-detect.
 */
function applyCalicoMtu(source: YamlSource, data: YAMLMap, network: OverlayNetwork, configName: string): void {
  const vethMtu = readMtuAt(source, data, 'veth_mtu', `${configName} veth_mtu`);
  const template = embedded(source, data, 'cni_network_config');
  let templateMtu: MtuSetting | undefined;
  let templateUsesPlaceholder = false;
  if (template) {
    const cni = parseCniText(template.text, template.locator, { allowPlaceholders: true });
    source.issues.push(...cni.issues);
    const calico = cni.config?.plugins.find((p) => p.type?.value === 'calico');
    templateMtu = calico?.mtu;
    templateUsesPlaceholder = /"mtu"\s*:\s*"?__CNI_MTU__/.test(template.text);
  }
  if (templateMtu) {
    network.mtu = templateMtu;
    network.mtuNote = 'the CNI template in cni_network_config sets "mtu" literally';
  } else if (vethMtu === 'auto') {
    network.mtuAutoDetected = true;
    network.mtuNote = `${configName} veth_mtu "0": Calico auto-detects the MTU from the host interface and encapsulation`;
  } else if (vethMtu && (!template || templateUsesPlaceholder)) {
    network.mtu = vethMtu;
  } else if (template && !templateUsesPlaceholder) {
    network.impliedMtu = ETHERNET_DEFAULT_MTU;
    network.mtuNote = 'the CNI template in cni_network_config sets no "mtu", so the Calico CNI plugin gives pods its 1500 default';
  } else {
    network.mtuNote = `${configName} sets no veth_mtu`;
  }
}

/** A data value holding JSON, with a locator into the YAML file. */
function embedded(source: YamlSource, data: YAMLMap, key: string): { text: string; locator: Locator } | undefined {
  const value = valueOf(source, data, key);
  if (value === undefined || value === null) return undefined;
  if (!isScalar(value) || typeof value.value !== 'string') {
    const span = spanOf(source, value);
    if (span) source.issues.push({ ...span, message: `ConfigMap data "${key}" must be a string (write the JSON in a block scalar: \`${key}: |\`)` });
    return undefined;
  }
  const locator = scalarValueLocator(locatorOf(source), textOf(source), value);
  return locator ? { text: value.value, locator } : undefined;
}

function pick(entries: Record<string, PositionedString>, keys: string[]): Record<string, PositionedString> {
  const picked: Record<string, PositionedString> = {};
  for (const key of keys) if (entries[key]) picked[key] = entries[key]!;
  return picked;
}

