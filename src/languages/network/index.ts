export type {
  CniConfig,
  CniPlugin,
  Encapsulation,
  MtuSetting,
  NetworkSource,
  OverlayNetwork,
  PortRangeSetting,
  PositionedString,
  RancherClusterInfo,
} from './types.js';
export { DEFAULT_NODE_PORT_RANGE } from './types.js';
export { parseCniFile, parseCniText } from './cni.js';
export type { CniParseResult } from './cni.js';
export { parseFlannelNetConfFile, flannelEncapsulation, FLANNEL_DEFAULT_BACKEND } from './flannel.js';
export { extractNetworksFromYaml } from './extract.js';
export type { YamlNetworkResult } from './extract.js';
export { mergeCalicoNetworks } from './calico-resources.js';
export { classifyNetworkFile, isNetworkFile } from './classify.js';
export type { NetworkFileKind } from './classify.js';
export { ENCAPSULATION_OVERHEAD, ETHERNET_DEFAULT_MTU, isOverlay, overheadOf, WIREGUARD_IPV6_OVERHEAD } from './overhead.js';
export { RKE1_DEFAULT_PLUGIN } from './rke1.js';
export { RKE2_CANAL_DEFAULT_VETH_MTU } from './rke2.js';
export { networkLanguage } from './language.js';
