import { flannelEncapsulation } from './flannel.js';
import { ETHERNET_DEFAULT_MTU, overheadOf } from './overhead.js';
import type { OverlayNetwork, PortRangeSetting, PositionedString, RancherClusterInfo } from './types.js';
import { keySpanOf, locatorOf, mapAt, pairOf, positionedAt, readMtuAt, scalarEntries, seqAt, spanOf, valueOf, type YamlSource } from './yaml-access.js';

/** RKE1's default network plugin (rancher/rke cluster/defaults.go). */
export const RKE1_DEFAULT_PLUGIN = 'canal';

/**
 * True for an RKE1 `cluster.yml` (or the same config nested under Rancher's
 * `rancher_kubernetes_engine_config:`): no Kubernetes `kind`, and RKE's own top-level keys.
 */
export function isRke1ClusterConfig(source: YamlSource, root: unknown): boolean {
  if (pairOf(source, root, 'kind') || pairOf(source, root, 'apiVersion')) return false;
  const config = rke1ConfigRoot(source, root);
  const network = mapAt(source, config, 'network');
  const rkeNetwork = network !== undefined && ['plugin', 'mtu', 'options'].some((key) => pairOf(source, network, key) !== undefined);
  // RKE nodes carry `address` and `role`; a bare `nodes:` key is too common to claim the file.
  const rkeNodes = (seqAt(source, config, 'nodes')?.items ?? []).some((node) => pairOf(source, node, 'address') !== undefined && pairOf(source, node, 'role') !== undefined);
  return rkeNetwork || rkeNodes || mapAt(source, config, 'services', 'kube-api') !== undefined || mapAt(source, config, 'services', 'kube-proxy') !== undefined;
}

function rke1ConfigRoot(source: YamlSource, root: unknown): unknown {
  return mapAt(source, root, 'rancher_kubernetes_engine_config') ?? root;
}

export interface Rke1Result {
  network?: OverlayNetwork;
  rancher: RancherClusterInfo;
}

export function readRke1Cluster(source: YamlSource, root: unknown): Rke1Result {
  const config = rke1ConfigRoot(source, root);
  const networkPair = pairOf(source, config, 'network');
  const network = mapAt(source, config, 'network');
  const anchor = (networkPair && keySpanOf(source, networkPair)) ?? spanOf(source, config)!;
  const rancher: RancherClusterInfo = { file: locatorOf(source).file, span: anchor };

  const plugin = positionedAt(source, network, 'plugin');
  if (plugin) rancher.plugin = plugin;
  const mtu = readMtuAt(source, network, 'mtu', 'RKE network.mtu');
  if (mtu && mtu !== 'auto') rancher.mtu = mtu;
  const options = scalarEntries(source, mapAt(source, network, 'options'));
  if (Object.keys(options).length > 0) rancher.options = options;
  const nodePortRange = readPortRange(source, mapAt(source, config, 'services', 'kube-api'));
  if (nodePortRange) rancher.nodePortRange = nodePortRange;
  const proxyMode = positionedAt(source, mapAt(source, config, 'services', 'kube-proxy', 'extra_args'), 'proxy-mode');
  if (proxyMode) rancher.proxyMode = proxyMode;

  const overlay = rke1Network(source, rancher, plugin?.value ?? RKE1_DEFAULT_PLUGIN, options);
  return overlay ? { network: overlay, rancher } : { rancher };
}

/**
 * What each RKE1 plugin deploys (rancher/rke templates/*.go):
 * - canal: flannel VXLAN (`canal_flannel_backend_type`, default vxlan) under Calico's CNI
 *   plugin, whose template sets no "mtu" — pods get the Calico CNI default of 1500 unless
 *   `network.mtu` is set. This is incident 2: 1500 inside a 50-byte VXLAN overlay.
 * - flannel: flannel (`flannel_backend_type`, default vxlan); the flannel CNI plugin takes
 *   FLANNEL_MTU, which flanneld derives from the host interface. RKE rejects `network.mtu` here.
 * - calico: IPIP Always, CNI `"mtu": 1500` in the template.
 * - weave: VXLAN fast datapath with Weave's 1376 default.
 */
function rke1Network(source: YamlSource, rancher: RancherClusterInfo, plugin: string, options: Record<string, PositionedString>): OverlayNetwork | undefined {
  const base = { source: 'rke1' as const, file: locatorOf(source).file, span: rancher.span, plugin };
  let network: OverlayNetwork;
  switch (plugin) {
    case 'canal':
    case 'flannel': {
      const option = options[plugin === 'canal' ? 'canal_flannel_backend_type' : 'flannel_backend_type'];
      const backend = option?.value ?? 'vxlan';
      const { encapsulation, overheadBytes } = flannelEncapsulation(backend);
      network = { ...base, encapsulation, backend, overheadBytes, mtuAutoDetected: plugin === 'flannel' };
      if (option) network.encapsulationSpan = option.span;
      if (plugin === 'canal') {
        network.impliedMtu = ETHERNET_DEFAULT_MTU;
        network.mtuNote = "RKE's canal template gives the Calico CNI plugin no \"mtu\", so pods get its 1500 default unless network.mtu is set (rancher/rke templates/canal.go; INCIDENTS.md 2)";
      } else {
        network.mtuNote = 'the flannel CNI plugin uses FLANNEL_MTU, which flanneld derives from the host interface minus the backend overhead';
      }
      break;
    }
    case 'calico':
      network = {
        ...base,
        encapsulation: 'ipip',
        backend: 'Always',
        overheadBytes: overheadOf('ipip'),
        impliedMtu: ETHERNET_DEFAULT_MTU,
        mtuAutoDetected: false,
        mtuNote: "RKE's calico template creates the pool with CALICO_IPV4POOL_IPIP Always and writes \"mtu\": 1500 into the CNI config unless network.mtu is set (rancher/rke templates/calico.go)",
      };
      break;
    case 'weave':
      network = {
        ...base,
        encapsulation: 'vxlan',
        overheadBytes: overheadOf('vxlan'),
        impliedMtu: 1376,
        mtuAutoDetected: false,
        mtuNote: 'Weave Net fast datapath is VXLAN with a 1376 default MTU (Weave Net docs)',
      };
      break;
    case 'none':
      return undefined;
    default:
      network = { ...base, encapsulation: 'unknown', overheadBytes: 0, mtuAutoDetected: false, mtuNote: `the "${plugin}" plugin's encapsulation is not known to hoplint` };
  }
  if (rancher.mtu) network.mtu = rancher.mtu;
  if (Object.keys(options).length > 0) network.options = options;
  return network;
}

const PORT_RANGE = /^\s*(\d{1,5})\s*-\s*(\d{1,5})\s*$/;

/** `service_node_port_range: 30000-32767`, as kube-apiserver's --service-node-port-range reads it. */
function readPortRange(source: YamlSource, kubeApi: unknown): PortRangeSetting | undefined {
  const setting = positionedAt(source, kubeApi, 'service_node_port_range');
  if (!setting) {
    const raw = valueOf(source, kubeApi, 'service_node_port_range');
    const span = spanOf(source, raw);
    if (raw !== undefined && raw !== null && span) source.issues.push({ ...span, message: 'service_node_port_range must be a string such as "30000-32767"' });
    return undefined;
  }
  const match = PORT_RANGE.exec(setting.value);
  const min = match ? Number(match[1]) : NaN;
  const max = match ? Number(match[2]) : NaN;
  if (!match || min < 1 || max > 65535 || min > max) {
    source.issues.push({ ...setting.span, message: `service_node_port_range ${JSON.stringify(setting.value)} is not a port range "LOW-HIGH" with 1 <= LOW <= HIGH <= 65535` });
    return undefined;
  }
  return { min, max, raw: setting.value, span: setting.span };
}
