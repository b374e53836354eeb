import { isScalar, isSeq } from 'yaml';
import { loadEmbeddedYaml, YamlFields } from '../yaml/index.js';
import { flannelEncapsulation } from './flannel.js';
import { overheadOf } from './overhead.js';
import type { Encapsulation, NetworkSource, OverlayNetwork, PositionedString } from './types.js';
import { keySpanOf, locatorOf, mapAt, pairOf, positionedAt, readMtuAt, scalarText, seqAt, spanOf, stringAt, textOf, valueOf, type YamlSource } from './yaml-access.js';

/** Keys only the RKE2/K3s server/agent config file has. */
const DISTRO_CONFIG_KEYS = ['cni', 'flannel-backend', 'disable-network-policy', 'flannel-iface', 'flannel-ipv6-masq', 'cluster-cidr', 'token', 'server', 'tls-san', 'node-name', 'node-ip', 'write-kubeconfig-mode', 'disable'];

/** True for an RKE2/K3s `config.yaml`: no `kind`, and at least one of the distribution's keys. */
export function isDistroConfig(source: YamlSource, root: unknown, file: string): boolean {
  if (pairOf(source, root, 'kind') || pairOf(source, root, 'apiVersion')) return false;
  // Helm values files have `cni:` too (Cilium's is a map); the distro's is a name or a list of names.
  const cni = valueOf(source, root, 'cni');
  if (scalarText(cni) !== undefined || (isSeq(cni) && cni.items.every((item) => scalarText(item) !== undefined))) return true;
  if (scalarText(valueOf(source, root, 'flannel-backend')) !== undefined) return true;
  return distroOfPath(file) !== undefined && DISTRO_CONFIG_KEYS.some((key) => pairOf(source, root, key) !== undefined);
}

function distroOfPath(file: string): 'rke2' | 'k3s' | undefined {
  const normalised = file.replace(/\\/g, '/');
  if (/(^|\/)rke2(\/|-)/.test(normalised)) return 'rke2';
  if (/(^|\/)k3s(\/|-)/.test(normalised)) return 'k3s';
  return undefined;
}

/**
 * RKE2 picks a CNI with `cni:` (default canal; a list may put multus first); K3s runs flannel
 * with `flannel-backend:` (default vxlan; `none` means bring your own CNI). A file naming
 * `flannel-backend` but no `cni` is K3s's unless its path says RKE2.
 */
export function networksFromDistroConfig(source: YamlSource, root: unknown): OverlayNetwork[] {
  const pathDistro = distroOfPath(locatorOf(source).file);
  const cniPair = pairOf(source, root, 'cni');
  const distro: 'rke2' | 'k3s' = cniPair ? 'rke2' : pathDistro ?? 'k3s';
  const documentSpan = spanOf(source, root)!;
  if (distro === 'k3s') {
    const backendSetting = positionedAt(source, root, 'flannel-backend');
    const backend = backendSetting?.value ?? 'vxlan';
    if (backend === 'none') return [];
    const { encapsulation, overheadBytes } = flannelEncapsulation(backend);
    const network = autoFlannel('k3s', encapsulation, overheadBytes, backend, locatorOf(source).file, backendSetting ? keySpanOf(source, pairOf(source, root, 'flannel-backend')!)! : documentSpan);
    if (backendSetting) network.encapsulationSpan = backendSetting.span;
    return [network];
  }
  const primary = primaryCni(source, valueOf(source, root, 'cni'));
  const plugin = primary?.value ?? 'canal';
  const anchor = cniPair ? keySpanOf(source, cniPair)! : documentSpan;
  const network = rke2ChartDefaults(plugin, locatorOf(source).file, anchor);
  if (network && primary) network.options = { cni: primary };
  return network ? [network] : [];
}

/** The first CNI that is not the secondary `multus` (`cni: multus,canal` or a YAML list). */
function primaryCni(source: YamlSource, node: unknown): PositionedString | undefined {
  const items = isSeq(node) ? node.items : [node];
  for (const item of items) {
    const text = scalarText(item);
    const span = spanOf(source, item);
    if (text === undefined || !span || !isScalar(item) || !item.range) continue;
    const quote = item.type === 'QUOTE_DOUBLE' || item.type === 'QUOTE_SINGLE' ? 1 : 0;
    // Only a scalar written exactly as its value (no escapes, one line) can be split by offset.
    const verbatim = textOf(source).slice(item.range[0] + quote, item.range[0] + quote + text.length) === text;
    let offset = 0;
    for (const part of text.split(',')) {
      const name = part.trim();
      if (name !== '' && name !== 'multus') {
        if (!verbatim) return { value: name, span };
        const start = item.range[0] + quote + offset + part.indexOf(name);
        return { value: name, span: locatorOf(source).span(start, start + name.length) };
      }
      offset += part.length + 1;
    }
  }
  return undefined;
}

/**
 * What RKE2's bundled charts deploy when no HelmChartConfig overrides them (rancher/rke2-charts):
 * rke2-canal runs flannel VXLAN with `calico.vethuMTU: 1450`; rke2-calico creates VXLAN pools and
 * leaves the MTU to Calico's auto-detection; rke2-cilium tunnels with VXLAN and detects the MTU;
 * rke2-flannel uses VXLAN with flannel's detection.
 */
function rke2ChartDefaults(plugin: string, file: string, span: OverlayNetwork['span']): OverlayNetwork | undefined {
  switch (plugin) {
    case 'canal':
      return {
        source: 'rke2',
        encapsulation: 'vxlan',
        backend: 'vxlan',
        impliedMtu: RKE2_CANAL_DEFAULT_VETH_MTU,
        mtuAutoDetected: false,
        mtuNote: 'the rke2-canal chart defaults calico.vethuMTU to 1450 (rancher/rke2-charts packages/rke2-canal values.yaml)',
        overheadBytes: overheadOf('vxlan'),
        file,
        span,
        plugin,
      };
    case 'calico':
      return autoNetwork('rke2', 'vxlan', 'VXLAN', plugin, file, span, 'rke2-calico creates VXLAN IP pools and leaves installation.calicoNetwork.mtu to Calico\'s auto-detection');
    case 'cilium':
      return autoNetwork('rke2', 'vxlan', 'vxlan', plugin, file, span, 'rke2-cilium tunnels with VXLAN by default and Cilium derives the MTU from the host');
    case 'flannel':
      return autoNetwork('rke2', 'vxlan', 'vxlan', plugin, file, span, 'flanneld derives the MTU from the host interface');
    case 'none':
      return undefined;
    default:
      return { source: 'rke2', encapsulation: 'unknown', mtuAutoDetected: false, overheadBytes: 0, file, span, plugin, mtuNote: `the "${plugin}" CNI is not one RKE2 bundles` };
  }
}

export const RKE2_CANAL_DEFAULT_VETH_MTU = 1450;

const RKE2_CHARTS: Record<string, string> = { 'rke2-canal': 'canal', 'rke2-calico': 'calico', 'rke2-cilium': 'cilium', 'rke2-flannel': 'flannel' };

/**
 * HelmChartConfig (or HelmChart) for one of RKE2's CNI charts: `spec.valuesContent` is YAML in
 * a string; positions inside it map back to the file. Values override the chart defaults above.
 */
export function networksFromHelmChartConfig(source: YamlSource, root: unknown): OverlayNetwork[] {
  const name = stringAt(source, mapAt(source, root, 'metadata'), 'name') ?? '';
  const plugin = RKE2_CHARTS[name];
  if (!plugin) return [];
  const contentNode = valueOf(source, mapAt(source, root, 'spec'), 'valuesContent');
  const anchor = spanOf(source, root)!;
  const network = rke2ChartDefaults(plugin, locatorOf(source).file, anchor);
  if (!network) return [];
  network.name = name;
  if (!isScalar(contentNode) || typeof contentNode.value !== 'string') return [network];
  const inner = loadEmbeddedYaml(source.fields.source, contentNode);
  if (!inner.exact) return [network];
  for (const issue of inner.load.issues) source.issues.push(issue);
  const document = inner.load.documents[0];
  const values = document?.doc.contents;
  if (!document || !values) return [network];
  const valuesSource: YamlSource = { fields: new YamlFields(inner.load, document.doc), issues: source.issues };
  network.span = spanOf(source, contentNode) ?? anchor;
  applyChartValues(valuesSource, values, plugin, network);
  return [network];
}

function applyChartValues(source: YamlSource, values: unknown, plugin: string, network: OverlayNetwork): void {
  if (plugin === 'canal' || plugin === 'flannel') {
    const backend = positionedAt(source, mapAt(source, values, 'flannel'), 'backend');
    if (backend) setBackend(network, backend, flannelEncapsulation(backend.value));
    if (plugin === 'canal') {
      const veth = readMtuAt(source, mapAt(source, values, 'calico'), 'vethuMTU', 'rke2-canal calico.vethuMTU');
      if (veth === 'auto') {
        delete network.impliedMtu;
        network.mtuAutoDetected = true;
        network.mtuNote = 'calico.vethuMTU 0: Calico auto-detects the MTU';
      } else if (veth) network.mtu = veth;
    }
    return;
  }
  if (plugin === 'calico') {
    const calicoNetwork = mapAt(source, values, 'installation', 'calicoNetwork');
    const mtu = readMtuAt(source, calicoNetwork, 'mtu', 'rke2-calico installation.calicoNetwork.mtu');
    if (mtu && mtu !== 'auto') {
      network.mtu = mtu;
      network.mtuAutoDetected = false;
    }
    const firstPool = seqAt(source, calicoNetwork, 'ipPools')?.items[0];
    const encapsulation = positionedAt(source, firstPool, 'encapsulation');
    if (encapsulation) setBackend(network, encapsulation, operatorEncapsulation(encapsulation.value));
    return;
  }
  if (plugin === 'cilium') {
    const routing = positionedAt(source, values, 'routingMode');
    const tunnel = positionedAt(source, values, 'tunnelProtocol') ?? positionedAt(source, values, 'tunnel');
    if (routing?.value === 'native' || tunnel?.value === 'disabled') setBackend(network, (routing ?? tunnel)!, { encapsulation: 'none', overheadBytes: 0 });
    else if (tunnel?.value === 'geneve') setBackend(network, tunnel, { encapsulation: 'geneve', overheadBytes: overheadOf('geneve') });
    else if (tunnel?.value === 'vxlan') setBackend(network, tunnel, { encapsulation: 'vxlan', overheadBytes: overheadOf('vxlan') });
    const mtu = readMtuAt(source, values, 'MTU', 'rke2-cilium MTU');
    if (mtu && mtu !== 'auto') {
      network.mtu = mtu;
      network.mtuAutoDetected = false;
    }
  }
}

/** Tigera operator's `ipPools[].encapsulation` values. */
function operatorEncapsulation(value: string): { encapsulation: Encapsulation; overheadBytes: number } {
  if (value.startsWith('VXLAN')) return { encapsulation: 'vxlan', overheadBytes: overheadOf('vxlan') };
  if (value.startsWith('IPIP')) return { encapsulation: 'ipip', overheadBytes: overheadOf('ipip') };
  if (value === 'None') return { encapsulation: 'none', overheadBytes: 0 };
  return { encapsulation: 'unknown', overheadBytes: 0 };
}

function setBackend(network: OverlayNetwork, setting: PositionedString, kind: { encapsulation: Encapsulation; overheadBytes: number }): void {
  network.encapsulation = kind.encapsulation;
  network.overheadBytes = kind.overheadBytes;
  network.encapsulationSpan = setting.span;
  network.backend = setting.value;
}

function autoFlannel(source: NetworkSource, encapsulation: Encapsulation, overheadBytes: number, backend: string, file: string, span: OverlayNetwork['span']): OverlayNetwork {
  return {
    source,
    encapsulation,
    backend,
    mtuAutoDetected: true,
    mtuNote: 'K3s runs flannel, which derives the MTU from the host interface minus the backend overhead',
    overheadBytes,
    file,
    span,
    plugin: 'flannel',
  };
}

function autoNetwork(source: NetworkSource, encapsulation: Encapsulation, backend: string, plugin: string, file: string, span: OverlayNetwork['span'], note: string): OverlayNetwork {
  return { source, encapsulation, backend, mtuAutoDetected: true, mtuNote: note, overheadBytes: overheadOf(encapsulation), file, span, plugin };
}
