/**
 * How the key table describes one sysctl. Versions are the first kernel release (`major.minor`) in
 * which a fact holds; a fact without `since` predates every kernel hoplint reasons about (2.6.32).
 */

/** Which namespace a key lives in: `net` keys are per network namespace, so a host setting does not reach a Pod. */
export type KeyNamespace = 'net' | 'ipc' | 'uts' | 'global';

/** An inclusive range, valid from `since` (inclusive) until `before` (exclusive). */
export interface VersionedRange {
  min: number;
  max: number;
  since?: string;
  before?: string;
  /** Why the bound exists, quoted in messages (e.g. the listen backlog was 16 bits wide). */
  note?: string;
}

export interface EnumValue {
  value: number;
  meaning: string;
  since?: string;
}

export type SysctlValueSpec =
  | { kind: 'int'; ranges: VersionedRange[] }
  | { kind: 'bool' }
  | { kind: 'enum'; values: EnumValue[] }
  | { kind: 'ints'; count: number; ranges: VersionedRange[]; ascending?: boolean }
  | { kind: 'string'; maxLength?: number; choices?: string[] };

export interface VersionedDefault {
  value: string;
  since?: string;
  before?: string;
}

export interface SysctlKeySpec {
  /** Dotted key; a `<iface>` segment stands for `all`, `default` or an interface name. */
  key: string;
  value: SysctlValueSpec;
  /** Kernel defaults by version; absent where the kernel computes it from memory or config. */
  defaults: VersionedDefault[];
  since?: string;
  /** First release in which the key no longer exists. */
  removedIn?: string;
  namespace: KeyNamespace;
  /** Per network namespace: a host sysctl does not reach containers with their own netns. */
  netns: boolean;
  readOnly?: boolean;
  description: string;
  /** Where the facts come from (kernel Documentation file, or the commit that changed them). */
  source: string;
}

export const INT_MAX = 2147483647;
export const UINT_MAX = 4294967295;
export const LONG_MAX = Number.MAX_SAFE_INTEGER;

export const IP_SYSCTL = 'Documentation/networking/ip-sysctl.rst';
export const NET_SYSCTL = 'Documentation/admin-guide/sysctl/net.rst';
export const VM_SYSCTL = 'Documentation/admin-guide/sysctl/vm.rst';
export const FS_SYSCTL = 'Documentation/admin-guide/sysctl/fs.rst';
export const KERNEL_SYSCTL = 'Documentation/admin-guide/sysctl/kernel.rst';
export const CONNTRACK_SYSCTL = 'Documentation/networking/nf_conntrack-sysctl.rst';
export const IPVS_SYSCTL = 'Documentation/networking/ipvs-sysctl.rst';

export function int(min = 0, max = INT_MAX): SysctlValueSpec {
  return { kind: 'int', ranges: [{ min, max }] };
}

export function intByVersion(...ranges: VersionedRange[]): SysctlValueSpec {
  return { kind: 'int', ranges };
}

export function bool(): SysctlValueSpec {
  return { kind: 'bool' };
}

export function choice(...values: [number, string, string?][]): SysctlValueSpec {
  return {
    kind: 'enum',
    values: values.map(([value, meaning, since]) => (since ? { value, meaning, since } : { value, meaning })),
  };
}

export function ints(count: number, min = 0, max = INT_MAX): SysctlValueSpec {
  return { kind: 'ints', count, ranges: [{ min, max }] };
}

/** A range written as two integers that the kernel rejects when the second is below the first. */
export function intPair(min: number, max: number): SysctlValueSpec {
  return { kind: 'ints', count: 2, ranges: [{ min, max }], ascending: true };
}

export function text(options: { maxLength?: number; choices?: string[] } = {}): SysctlValueSpec {
  return { kind: 'string', ...options };
}

export interface KeyEntry {
  key: string;
  value: SysctlValueSpec;
  default?: string | VersionedDefault[];
  since?: string;
  removedIn?: string;
  namespace?: KeyNamespace;
  readOnly?: boolean;
  description: string;
  source: string;
}

/** Fills in the derived fields; `namespace` defaults to `net` under `net.` and `global` elsewhere. */
export function spec(entry: KeyEntry): SysctlKeySpec {
  const namespace = entry.namespace ?? (entry.key.startsWith('net.') ? 'net' : 'global');
  const defaults = entry.default === undefined ? [] : typeof entry.default === 'string' ? [{ value: entry.default }] : entry.default;
  const result: SysctlKeySpec = {
    key: entry.key,
    value: entry.value,
    defaults,
    namespace,
    netns: namespace === 'net',
    description: entry.description,
    source: entry.source,
  };
  if (entry.since) result.since = entry.since;
  if (entry.removedIn) result.removedIn = entry.removedIn;
  if (entry.readOnly) result.readOnly = true;
  return result;
}
