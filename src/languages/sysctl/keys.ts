import { type KernelVersion, isAtLeast, parseKernelVersion } from './kernel-version.js';
import type { EnumValue, SysctlKeySpec, VersionedDefault, VersionedRange } from './key-spec.js';
import { NET_KEYS } from './key-table-net.js';
import { SYSTEM_KEYS } from './key-table-system.js';

export type { EnumValue, KeyNamespace, SysctlKeySpec, SysctlValueSpec, VersionedDefault, VersionedRange } from './key-spec.js';

/** Every key hoplint knows, in table order. Templated keys use a `<iface>` segment. */
export const SYSCTL_KEYS: readonly SysctlKeySpec[] = [...NET_KEYS, ...SYSTEM_KEYS];

const IFACE = '<iface>';
const exactKeys = new Map<string, SysctlKeySpec>();
const templates: { segments: string[]; spec: SysctlKeySpec }[] = [];
for (const spec of SYSCTL_KEYS) {
  if (spec.key.includes(IFACE)) templates.push({ segments: spec.key.split('.'), spec });
  else exactKeys.set(spec.key, spec);
}

/** The table entry for a normalised (dotted) key; `net.ipv4.conf.eth0.rp_filter` finds the `<iface>` template. */
export function lookupKey(key: string): SysctlKeySpec | undefined {
  const exact = exactKeys.get(key);
  if (exact) return exact;
  const segments = key.split('.');
  return templates.find((template) => matchesTemplate(template.segments, segments))?.spec;
}

function matchesTemplate(template: string[], segments: string[]): boolean {
  return (
    template.length === segments.length &&
    template.every((part, i) => (part === IFACE ? segments[i]!.length > 0 : part === segments[i]))
  );
}

export type KernelVersionInput = string | KernelVersion | undefined;

function toVersion(input: KernelVersionInput): KernelVersion | undefined {
  return typeof input === 'string' ? parseKernelVersion(input) : input;
}

function versionText(version: KernelVersion): string {
  return version.join('.').replace(/\.0$/, '');
}

function inWindow(window: { since?: string; before?: string }, version: KernelVersion): boolean {
  return (!window.since || isAtLeast(version, window.since)) && (!window.before || !isAtLeast(version, window.before));
}

/** The kernel default of a key on a kernel (the newest default when no kernel is given). */
export function defaultFor(spec: SysctlKeySpec, kernelVersion?: KernelVersionInput): string | undefined {
  const version = toVersion(kernelVersion);
  const pick = (d: VersionedDefault): boolean => (version ? inWindow(d, version) : !d.before);
  return spec.defaults.find(pick)?.value;
}

export type SysctlProblemKind = 'removed' | 'not-yet' | 'read-only' | 'empty' | 'type' | 'range' | 'enum' | 'count' | 'length';

export interface SysctlValueProblem {
  kind: SysctlProblemKind;
  message: string;
}

/** Whether the key exists on the declared kernel; without a kernel version nothing is claimed. */
export function keyAvailability(spec: SysctlKeySpec, kernelVersion?: KernelVersionInput, key = spec.key): SysctlValueProblem | undefined {
  const version = toVersion(kernelVersion);
  if (!version) return undefined;
  if (spec.removedIn && isAtLeast(version, spec.removedIn)) {
    return {
      kind: 'removed',
      message: `${key} was removed in Linux ${spec.removedIn}: on Linux ${versionText(version)} "sysctl -p" fails with "unknown key"`,
    };
  }
  if (spec.since && !isAtLeast(version, spec.since)) {
    return { kind: 'not-yet', message: `${key} exists since Linux ${spec.since}; Linux ${versionText(version)} does not have it` };
  }
  return undefined;
}

/**
 * Checks a value the way the kernel's proc handler would take it. Without a kernel version the most
 * permissive range of any kernel is used, so nothing is flagged that some kernel accepts.
 */
export function validateValue(
  spec: SysctlKeySpec,
  value: string,
  kernelVersion?: KernelVersionInput,
  key = spec.key,
): SysctlValueProblem | undefined {
  const version = toVersion(kernelVersion);
  const shape = spec.value;
  if (spec.readOnly) return { kind: 'read-only', message: `${key} is read-only: writing "${value}" fails` };
  if (value === '' && shape.kind !== 'string') return { kind: 'empty', message: `empty value for ${key}: ${expectation(spec)}` };
  switch (shape.kind) {
    case 'bool':
      return checkEnum(key, value, [
        { value: 0, meaning: 'off' },
        { value: 1, meaning: 'on' },
      ], version);
    case 'enum':
      return checkEnum(key, value, shape.values, version);
    case 'int':
      return checkInteger(key, value, shape.ranges, version);
    case 'ints': {
      const tokens = value.split(/[ \t]+/);
      if (tokens.length !== shape.count) {
        const got = `${tokens.length} value${tokens.length === 1 ? '' : 's'}`;
        return { kind: 'count', message: `"${value}" has ${got}: ${key} takes ${shape.count} integers separated by spaces` };
      }
      for (const token of tokens) {
        const problem = checkInteger(key, token, shape.ranges, version);
        if (problem) return { kind: problem.kind, message: problem.message.replace(`"${token}"`, `"${token}" in "${value}"`) };
      }
      const [low, high] = tokens.map((token) => parseKernelInteger(token)!);
      if (shape.ascending && high! < low!) {
        return { kind: 'range', message: `"${value}" is rejected for ${key}: the second number (${high}) is below the first (${low})` };
      }
      return undefined;
    }
    case 'string':
      if (shape.maxLength !== undefined && value.length > shape.maxLength) {
        return { kind: 'length', message: `"${value}" is ${value.length} characters long: ${key} holds at most ${shape.maxLength}` };
      }
      if (shape.choices && !shape.choices.includes(value)) {
        return { kind: 'enum', message: `"${value}" is not valid for ${key}: expected one of ${shape.choices.join(', ')}` };
      }
      return undefined;
  }
}

function expectation(spec: SysctlKeySpec): string {
  const shape = spec.value;
  switch (shape.kind) {
    case 'bool':
      return 'expected 0 or 1';
    case 'enum':
      return `expected ${listValues(shape.values)}`;
    case 'int':
      return 'expected an integer';
    case 'ints':
      return `expected ${shape.count} integers separated by spaces`;
    case 'string':
      return 'expected a string';
  }
}

/** proc_get_long reads with base 0 (so `0x1f` is hex and `010` octal) and rejects trailing text. */
export function parseKernelInteger(token: string): number | undefined {
  const match = /^(-?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(token);
  if (!match) return undefined;
  const digits = match[2]!;
  const magnitude = /^0[xX]/.test(digits) ? parseInt(digits.slice(2), 16) : digits.length > 1 && digits.startsWith('0') ? parseInt(digits, 8) : Number(digits);
  return match[1] ? -magnitude : magnitude;
}

function checkInteger(key: string, token: string, ranges: VersionedRange[], version: KernelVersion | undefined): SysctlValueProblem | undefined {
  const number = parseKernelInteger(token);
  if (number === undefined) return { kind: 'type', message: `"${token}" is not an integer: ${key} takes an integer` };
  const range = applicableRange(ranges, version);
  if (number >= range.min && number <= range.max) return undefined;
  const where = version && range.window ? ` on Linux ${range.window}` : '';
  const note = version && range.note ? `: ${range.note}` : '';
  return { kind: 'range', message: `"${token}" is out of range for ${key} (${range.min}..${range.max}${where})${note}` };
}

function applicableRange(ranges: VersionedRange[], version: KernelVersion | undefined): VersionedRange & { window?: string } {
  if (version) {
    const range = ranges.find((r) => inWindow(r, version));
    if (range) {
      const window = range.before ? `< ${range.before}` : range.since ? `>= ${range.since}` : undefined;
      return window ? { ...range, window } : range;
    }
  }
  return { min: Math.min(...ranges.map((r) => r.min)), max: Math.max(...ranges.map((r) => r.max)) };
}

function checkEnum(key: string, token: string, values: EnumValue[], version: KernelVersion | undefined): SysctlValueProblem | undefined {
  const number = parseKernelInteger(token);
  const available = values.filter((v) => !version || !v.since || isAtLeast(version, v.since));
  if (number !== undefined && available.some((v) => v.value === number)) return undefined;
  const later = number === undefined ? undefined : values.find((v) => v.value === number && !available.includes(v));
  if (later && version) {
    return {
      kind: 'enum',
      message: `"${token}" is not valid for ${key} on Linux ${versionText(version)}: ${later.value} (${later.meaning}) exists since ${later.since}; expected ${listValues(available)}`,
    };
  }
  return { kind: number === undefined ? 'type' : 'enum', message: `"${token}" is not valid for ${key}: expected ${listValues(available)}` };
}

function listValues(values: EnumValue[]): string {
  const items = values.map((v) => `${v.value} (${v.meaning})`);
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/**
 * Did-you-mean for a key the table does not know: the closest known key by edit distance over its
 * dot-separated segments (a right leaf under the wrong parent, `net.ipv4.somaxconn`, counts as close).
 */
export function suggestKey(unknownKey: string): string | undefined {
  const segments = unknownKey.split('.');
  let best: { key: string; score: number } | undefined;
  for (const candidate of candidatesFor(segments)) {
    if (candidate === unknownKey) continue;
    const score = keyDistance(segments, candidate.split('.'));
    if (!best || score < best.score || (score === best.score && candidate.length < best.key.length)) best = { key: candidate, score };
  }
  const leaf = segments[segments.length - 1] ?? '';
  return best && best.score <= 3 && best.score < Math.max(2, leaf.length / 2) ? best.key : undefined;
}

function* candidatesFor(segments: string[]): Generator<string> {
  yield* exactKeys.keys();
  for (const template of templates) {
    if (template.segments.length !== segments.length) {
      yield template.spec.key.replace(IFACE, 'all');
      continue;
    }
    yield template.segments.map((part, i) => (part === IFACE ? segments[i]! : part)).join('.');
  }
}

function keyDistance(a: string[], b: string[]): number {
  const whole = levenshtein(a.join('.'), b.join('.'));
  const leafMatches = a[a.length - 1] === b[b.length - 1] && a[0] === b[0];
  if (a.length !== b.length) return leafMatches ? Math.min(whole, 2) : whole;
  const bySegment = a.reduce((sum, part, i) => sum + levenshtein(part, b[i]!), 0);
  return leafMatches ? Math.min(bySegment, 2) : bySegment;
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}
