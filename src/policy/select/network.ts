import type { SourceRange } from '../../core/source.js';
import { at } from '../../engine/rule.js';
import type { OverlayNetwork } from '../../languages/network/index.js';
import type { Workspace } from '../../link/workspace.js';
import type { Match, NetworkSelectInput, ViewPath } from '../types.js';
import { wildcardMatcher } from '../wildcard.js';

/** What a policy sees of an overlay network: the OverlayNetwork fields as plain values. */
export interface NetworkView {
  source: string;
  encapsulation: string;
  backend: string | null;
  /** The MTU written in the config; null when none is (see impliedMtu / mtuAutoDetected). */
  mtu: number | null;
  /** The setting that carries the MTU, e.g. `RKE network.mtu`. */
  mtuSetBy: string | null;
  impliedMtu: number | null;
  mtuAutoDetected: boolean;
  /** Why impliedMtu / mtuAutoDetected are what they are. */
  mtuNote: string | null;
  overheadBytes: number;
  plugin: string | null;
  name: string | null;
  options: Record<string, string>;
  /** As displayed in reports. */
  file: string;
}

function locator(network: OverlayNetwork): (path: ViewPath) => SourceRange {
  return (path) => {
    const [field, key] = path;
    if ((field === 'mtu' || field === 'mtuSetBy') && network.mtu) return at(network.mtu.span);
    if ((field === 'encapsulation' || field === 'backend') && network.encapsulationSpan) return at(network.encapsulationSpan);
    if (field === 'options' && typeof key === 'string' && network.options?.[key]) return at(network.options[key].span);
    return at(network.span);
  };
}

/** Every overlay network the filters match. */
export function selectNetworks(workspace: Workspace, select: true | NetworkSelectInput, displayPath: (file: string) => string): Match[] {
  const filters = select === true ? {} : select;
  const bySource = wildcardMatcher(filters.source);
  const byEncapsulation = wildcardMatcher(filters.encapsulation);
  const byName = wildcardMatcher(filters.name);
  return workspace.networks
    .filter((network) => bySource(network.source) && byEncapsulation(network.encapsulation) && (filters.name === undefined || byName(network.name ?? '')))
    .map((network) => {
      const view: NetworkView = {
        source: network.source,
        encapsulation: network.encapsulation,
        backend: network.backend ?? null,
        mtu: network.mtu?.value ?? null,
        mtuSetBy: network.mtu?.setBy ?? null,
        impliedMtu: network.impliedMtu ?? null,
        mtuAutoDetected: network.mtuAutoDetected,
        mtuNote: network.mtuNote ?? null,
        overheadBytes: network.overheadBytes,
        plugin: network.plugin ?? null,
        name: network.name ?? null,
        options: Object.fromEntries(Object.entries(network.options ?? {}).map(([key, value]) => [key, value.value])),
        file: displayPath(network.file),
      };
      return { view, file: network.file, anchor: at(network.span), locate: locator(network), findChildren: () => [], context: {}, path: network.name ?? network.source };
    });
}
