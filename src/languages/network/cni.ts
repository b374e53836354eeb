import { LineIndex } from '../../core/source.js';
import type { SyntaxIssue } from '../../core/syntax.js';
import { asObject, asString, member, memberValue, parseJson } from './json-tree.js';
import type { JsonNode, JsonObject } from './json-tree.js';
import { fileLocator, issueAt, type Locator } from '../yaml/index.js';
import { ETHERNET_DEFAULT_MTU, overheadOf } from './overhead.js';
import type { CniConfig, CniPlugin, Encapsulation, MtuSetting, NetworkSource, OverlayNetwork, PositionedString } from './types.js';

export interface CniParseResult {
  config?: CniConfig;
  network?: OverlayNetwork;
  issues: SyntaxIssue[];
}

export interface CniParseOptions {
  /**
   * Installer templates (Calico's and Canal's `cni_network_config`) hold bare placeholders such
   * as `"mtu": __CNI_MTU__` that install-cni substitutes; read them as "set elsewhere".
   */
  allowPlaceholders?: boolean;
}

/** Parses a CNI `.conf` / `.conflist` file. Never throws; bad input becomes positioned issues. */
export function parseCniFile(file: string, text: string): CniParseResult {
  const locator = fileLocator(file, new LineIndex(text));
  const binaryAt = firstControlCharacter(text);
  if (binaryAt >= 0) {
    return { issues: [issueAt(locator, binaryAt, binaryAt + 1, 'File looks binary (control character in the text), not a CNI JSON configuration')] };
  }
  return parseCniText(text, locator);
}

/** Parses CNI JSON given as text already located (a file, or a ConfigMap value). */
export function parseCniText(text: string, locator: Locator, options: CniParseOptions = {}): CniParseResult {
  const placeholders = options.allowPlaceholders ? findPlaceholders(text) : [];
  const parsed = parseJson(placeholders.length > 0 ? blankPlaceholders(text, placeholders) : text, locator);
  const root = asObject(parsed.root);
  if (!parsed.root) return { issues: parsed.issues };
  if (!root) {
    return { issues: [...parsed.issues, { ...parsed.root.span, message: 'A CNI configuration must be a JSON object' }] };
  }
  const placeholderSpans = new Map(placeholders.map((p) => [locator.span(p.start, p.end).start, p]));
  return readCniConfig(root, locator.file, placeholderSpans, parsed.issues);
}

interface Placeholder {
  start: number;
  end: number;
  name: string;
}

function readCniConfig(root: JsonObject, file: string, placeholders: Map<number, Placeholder>, issues: SyntaxIssue[]): CniParseResult {
  const pluginsEntry = member(root, 'plugins');
  const pluginNodes: JsonObject[] = [];
  if (pluginsEntry) {
    if (pluginsEntry.value.kind !== 'array') {
      issues.push({ ...pluginsEntry.value.span, message: '"plugins" must be an array of plugin objects' });
    } else {
      for (const item of pluginsEntry.value.items) {
        if (item.kind === 'object') pluginNodes.push(item);
        else issues.push({ ...item.span, message: 'Each entry of "plugins" must be a JSON object' });
      }
      if (pluginsEntry.value.items.length === 0) issues.push({ ...pluginsEntry.value.span, message: '"plugins" is empty: the network has no plugin' });
    }
  } else {
    pluginNodes.push(root);
  }

  const plugins = pluginNodes.map((node) => readPlugin(node, placeholders, issues));
  for (const [index, plugin] of plugins.entries()) {
    if (!plugin.type) issues.push({ ...pluginNodes[index]!.span, message: 'CNI plugin configuration has no "type"' });
  }
  const config: CniConfig = { file, span: root.span, isList: pluginsEntry !== undefined, plugins };
  const cniVersion = positionedString(root, 'cniVersion', issues);
  if (cniVersion) config.cniVersion = cniVersion;
  const name = positionedString(root, 'name', issues);
  if (name) config.name = name;

  const network = networkOf(config, pluginNodes);
  return network ? { config, network, issues } : { config, issues };
}

function readPlugin(node: JsonObject, placeholders: Map<number, Placeholder>, issues: SyntaxIssue[]): CniPlugin {
  const plugin: CniPlugin = { span: node.span };
  const type = positionedString(node, 'type', issues);
  if (type) plugin.type = type;
  // flannel hands `delegate` to the bridge plugin; its `mtu` is the pods' MTU.
  const delegate = type?.value === 'flannel' ? asObject(memberValue(node, 'delegate')) : undefined;
  const mtuNode = delegate ? memberValue(delegate, 'mtu') : memberValue(node, 'mtu');
  if (mtuNode) {
    const setBy = delegate ? 'CNI delegate.mtu' : `CNI ${type?.value ?? 'plugin'} mtu`;
    if (!placeholders.has(mtuNode.span.start)) {
      const mtu = readMtu(mtuNode, setBy, issues);
      if (mtu) plugin.mtu = mtu;
    }
  }
  return plugin;
}

function readMtu(node: JsonNode, setBy: string, issues: SyntaxIssue[]): MtuSetting | undefined {
  if (node.kind === 'number' && Number.isInteger(node.value)) return { value: node.value as number, span: node.span, setBy };
  issues.push({ ...node.span, message: `${setBy} must be an integer number of bytes (a CNI runtime fails to decode ${describe(node)})` });
  return undefined;
}

function positionedString(object: JsonObject, key: string, issues: SyntaxIssue[]): PositionedString | undefined {
  const node = memberValue(object, key);
  if (!node) return undefined;
  const value = asString(node);
  if (value === undefined) {
    issues.push({ ...node.span, message: `"${key}" must be a string, not ${describe(node)}` });
    return undefined;
  }
  return { value, span: node.span };
}

interface PluginTraits {
  source: NetworkSource;
  encapsulation: Encapsulation;
  impliedMtu?: number;
  mtuAutoDetected: boolean;
  mtuNote: string;
}

const KERNEL_DEFAULT_NOTE = 'the plugin leaves the veth at the kernel default of 1500 when "mtu" is unset (CNI plugins docs)';

/** What the first (interface-creating) plugin of a chain implies; see each note for its source. */
function traitsOf(type: string): PluginTraits {
  switch (type) {
    case 'flannel':
      return {
        source: 'flannel',
        encapsulation: 'unknown',
        mtuAutoDetected: true,
        mtuNote: 'without delegate.mtu the flannel CNI plugin uses FLANNEL_MTU from /run/flannel/subnet.env, which flanneld derives from the host interface minus the backend overhead; the backend is chosen in net-conf.json',
      };
    case 'calico':
      return {
        source: 'calico',
        encapsulation: 'unknown',
        impliedMtu: ETHERNET_DEFAULT_MTU,
        mtuAutoDetected: false,
        mtuNote: 'the Calico CNI plugin defaults "mtu" to 1500; the encapsulation is chosen by the IPPool (ipipMode/vxlanMode)',
      };
    case 'bridge':
    case 'ptp':
    case 'vlan':
      return { source: 'cni', encapsulation: 'none', impliedMtu: ETHERNET_DEFAULT_MTU, mtuAutoDetected: false, mtuNote: KERNEL_DEFAULT_NOTE };
    case 'macvlan':
    case 'ipvlan':
      return { source: 'cni', encapsulation: 'none', mtuAutoDetected: true, mtuNote: 'without "mtu" the interface inherits the master interface\'s MTU (CNI plugins docs)' };
    case 'host-device':
      return { source: 'cni', encapsulation: 'none', mtuAutoDetected: true, mtuNote: 'the host device keeps its own MTU' };
    case 'weave-net':
      return {
        source: 'cni',
        encapsulation: 'vxlan',
        impliedMtu: 1376,
        mtuAutoDetected: false,
        mtuNote: 'Weave Net fast datapath is VXLAN and defaults WEAVE_MTU to 1376 (Weave Net docs)',
      };
    case 'cilium-cni':
      return { source: 'cilium', encapsulation: 'unknown', mtuAutoDetected: true, mtuNote: 'Cilium detects the MTU from the host and its tunnel mode (cilium-config)' };
    default:
      return { source: 'cni', encapsulation: 'unknown', mtuAutoDetected: false, mtuNote: `the "${type}" plugin's MTU behaviour is not known to hoplint` };
  }
}

/** One network per CNI file: the first plugin creates the interface; `tuning` may change its MTU later in the chain. */
function networkOf(config: CniConfig, pluginNodes: JsonObject[]): OverlayNetwork | undefined {
  const main = config.plugins[0];
  if (!main?.type) return undefined;
  const traits = traitsOf(main.type.value);
  const network: OverlayNetwork = {
    source: traits.source,
    encapsulation: traits.encapsulation,
    mtuAutoDetected: traits.mtuAutoDetected,
    mtuNote: traits.mtuNote,
    overheadBytes: overheadOf(traits.encapsulation),
    file: config.file,
    span: main.span,
    plugin: main.type.value,
  };
  if (traits.impliedMtu !== undefined) network.impliedMtu = traits.impliedMtu;
  if (config.name) network.name = config.name.value;
  let mtu = main.mtu;
  for (const plugin of config.plugins.slice(1)) {
    if (plugin.type?.value === 'tuning' && plugin.mtu) mtu = { ...plugin.mtu, setBy: 'CNI tuning mtu' };
  }
  if (mtu) network.mtu = mtu;
  const options = stringOptions(pluginNodes[0]!);
  if (Object.keys(options).length > 0) network.options = options;
  return network;
}

/** The plugin's top-level string settings (`bridge`, `master`, `mode`, …) for messages and rules. */
function stringOptions(plugin: JsonObject): Record<string, PositionedString> {
  const options: Record<string, PositionedString> = {};
  for (const entry of plugin.entries) {
    if (entry.key === 'type' || entry.key === 'name' || entry.key === 'cniVersion') continue;
    if (entry.value.kind === 'string') options[entry.key] = { value: entry.value.value as string, span: entry.value.span };
    else if (entry.value.kind === 'number' || entry.value.kind === 'boolean') options[entry.key] = { value: String(entry.value.value), span: entry.value.span };
  }
  return options;
}

const PLACEHOLDER = /__[A-Z][A-Z0-9_]*__/g;

/** Bare (unquoted) installer placeholders; quoted ones are already valid JSON strings. */
function findPlaceholders(text: string): Placeholder[] {
  const found: Placeholder[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const start = match.index;
    const end = start + match[0].length;
    if (text[start - 1] === '"' && text[end] === '"') continue;
    found.push({ start, end, name: match[0] });
  }
  return found;
}

/** Replaces each bare placeholder with a number padded to the same length, so offsets stay put. */
function blankPlaceholders(text: string, placeholders: Placeholder[]): string {
  let result = '';
  let from = 0;
  for (const p of placeholders) {
    result += text.slice(from, p.start) + '0'.padEnd(p.end - p.start, ' ');
    from = p.end;
  }
  return result + text.slice(from);
}

function describe(node: JsonNode): string {
  if (node.kind === 'string') return `the string ${JSON.stringify(node.value)}`;
  if (node.kind === 'number') return `the number ${String(node.value)}`;
  return `a ${node.kind === 'object' || node.kind === 'array' ? node.kind : `${node.kind} value`}`;
}

function firstControlCharacter(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) return i;
  }
  return -1;
}

