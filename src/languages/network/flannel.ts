import { LineIndex } from '../../core/source.js';
import type { SyntaxIssue } from '../../core/syntax.js';
import { asObject, asString, member, parseJson } from './json-tree.js';
import { fileLocator, type Locator } from '../yaml/index.js';
import { FLANNEL_UDP_OVERHEAD, overheadOf } from './overhead.js';
import type { Encapsulation, NetworkSource, OverlayNetwork, PositionedString } from './types.js';

export interface FlannelParseResult {
  network?: OverlayNetwork;
  issues: SyntaxIssue[];
}

/** flannel's documented default when net-conf.json names no backend (Documentation/configuration.md). */
export const FLANNEL_DEFAULT_BACKEND = 'udp';

const AUTO_MTU_NOTE =
  'flanneld sets FLANNEL_MTU (used for the pods\' veths and cni0) to the host interface MTU minus the backend overhead, so leaving the MTU unset is correct (flannel Documentation/backends.md, subnet.env)';

/**
 * How a flannel backend carries pod traffic. Route-programming backends (host-gw, cloud VPC
 * routes, alloc) do not encapsulate; udp and ipsec encapsulate in ways the enum does not name.
 */
export function flannelEncapsulation(backend: string): { encapsulation: Encapsulation; overheadBytes: number } {
  const type = backend.toLowerCase();
  switch (type) {
    case 'vxlan':
      return { encapsulation: 'vxlan', overheadBytes: overheadOf('vxlan') };
    case 'wireguard':
    case 'wireguard-native':
      return { encapsulation: 'wireguard', overheadBytes: overheadOf('wireguard') };
    case 'ipip':
      return { encapsulation: 'ipip', overheadBytes: overheadOf('ipip') };
    case 'host-gw':
      return { encapsulation: 'host-gw', overheadBytes: 0 };
    case 'alloc':
    case 'aws-vpc':
    case 'gce':
    case 'ali-vpc':
    case 'tencent-vpc':
    case 'none':
      return { encapsulation: 'none', overheadBytes: 0 };
    case 'udp':
      return { encapsulation: 'unknown', overheadBytes: FLANNEL_UDP_OVERHEAD };
    default:
      return { encapsulation: 'unknown', overheadBytes: 0 };
  }
}

/** Parses a stand-alone flannel `net-conf.json`. */
export function parseFlannelNetConfFile(file: string, text: string): FlannelParseResult {
  return parseFlannelNetConf(text, fileLocator(file, new LineIndex(text)), 'flannel');
}

/** Parses flannel `net-conf.json` text that `locator` places in its file (stand-alone or embedded). */
export function parseFlannelNetConf(text: string, locator: Locator, source: NetworkSource): FlannelParseResult {
  const parsed = parseJson(text, locator);
  if (!parsed.root) return { issues: parsed.issues };
  const root = asObject(parsed.root);
  if (!root) return { issues: [...parsed.issues, { ...parsed.root.span, message: 'flannel net-conf.json must be a JSON object' }] };
  const issues = parsed.issues;

  const options: Record<string, PositionedString> = {};
  const networkCidr = member(root, 'Network');
  if (networkCidr && networkCidr.value.kind === 'string') options['Network'] = { value: networkCidr.value.value as string, span: networkCidr.value.span };

  const backendEntry = member(root, 'Backend');
  const backend = asObject(backendEntry?.value);
  if (backendEntry && !backend) issues.push({ ...backendEntry.value.span, message: '"Backend" must be an object such as {"Type": "vxlan"}' });
  const typeEntry = backend ? member(backend, 'Type') : undefined;
  const typeValue = asString(typeEntry?.value);
  if (typeEntry && typeValue === undefined) issues.push({ ...typeEntry.value.span, message: '"Backend.Type" must be a string such as "vxlan"' });
  if (backend) {
    for (const entry of backend.entries) {
      if (entry.key !== 'Type' && (entry.value.kind === 'string' || entry.value.kind === 'number' || entry.value.kind === 'boolean')) {
        options[`Backend.${entry.key}`] = { value: String(entry.value.value), span: entry.value.span };
      }
    }
  }

  const backendName = typeValue ?? FLANNEL_DEFAULT_BACKEND;
  const { encapsulation, overheadBytes } = flannelEncapsulation(backendName);
  const network: OverlayNetwork = {
    source,
    encapsulation,
    backend: backendName,
    mtuAutoDetected: true,
    mtuNote: typeValue === undefined ? `no Backend.Type: flannel defaults to "${FLANNEL_DEFAULT_BACKEND}"; ${AUTO_MTU_NOTE}` : AUTO_MTU_NOTE,
    overheadBytes,
    file: locator.file,
    span: root.span,
    plugin: 'flannel',
  };
  if (typeEntry && typeValue !== undefined) network.encapsulationSpan = typeEntry.value.span;
  if (Object.keys(options).length > 0) network.options = options;
  return { network, issues };
}
