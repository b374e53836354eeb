import {
  compareFileNames,
  compileGlob,
  locateSysctlFile,
  parseKernelInteger,
  type SysctlAssignment,
  type SysctlFile,
  type SysctlFileLocation,
} from '../languages/sysctl/index.js';

export type SysctlOutcome = 'applied' | 'overridden' | 'masked' | 'excluded';

/**
 * Why an assignment won or lost: `order` (a later assignment to the key), `explicit-over-glob` (procps
 * and systemd never let a glob touch a key that is assigned by name anywhere), `masked` (its file is
 * shadowed by a file of the same name in a higher-priority directory), `excluded` (a `-pattern` line).
 */
export type SysctlOutcomeReason = 'last-assignment' | 'order' | 'explicit-over-glob' | 'masked' | 'excluded';

export interface SysctlHistoryEntry {
  assignment: SysctlAssignment;
  outcome: SysctlOutcome;
  reason: SysctlOutcomeReason;
  /** The assignment that won over this one, or the `-pattern` line that excluded it. */
  by?: SysctlAssignment;
  /** For a masked assignment: the file that masks its file. */
  maskedBy?: string;
}

export interface EffectiveValue {
  key: string;
  value: string;
  /** The winning assignment (a glob assignment when no assignment names the key). */
  assignment: SysctlAssignment;
  /** Every assignment that named or matched the key, in load order, with its outcome. */
  history: SysctlHistoryEntry[];
}

export interface SysctlFileOrder {
  file: string;
  location: SysctlFileLocation;
  status: 'applied' | 'masked' | 'ignored';
  maskedBy?: string;
}

export interface GlobApplication {
  assignment: SysctlAssignment;
  /** Concrete keys the glob set. */
  appliedTo: string[];
  /** Matching keys it did not set because they are assigned by name. */
  overriddenFor: string[];
  /** Matching keys a `-pattern` line excluded. */
  excludedFrom: string[];
}

export interface InterfaceEffectiveValue {
  /** The concrete key of the interface, e.g. `net.ipv4.conf.eth0/100.rp_filter`. */
  key: string;
  all?: EffectiveValue;
  /** The interface's own value; an interface created after boot copies `default`. */
  own?: EffectiveValue;
  ownFrom?: 'interface' | 'default';
  /** Max of `all` and the interface, as the kernel computes rp_filter and log_martians. */
  max?: number;
}

export interface EffectiveSysctls {
  get(key: string): EffectiveValue | undefined;
  /** Keys with an effective value, sorted. */
  keys(): string[];
  /** Files in load order (applied and masked), then files the tools never read. */
  files: SysctlFileOrder[];
  globs: GlobApplication[];
  /** Assignments of masked files, which never reach the kernel. */
  masked: SysctlHistoryEntry[];
  effectiveForInterface(keyTemplate: string, iface: string): InterfaceEffectiveValue;
}

export interface EffectiveOptions {
  /** Paths are read relative to this directory, which then stands for `/`. */
  rootDir?: string;
  /** Concrete keys that globs may also expand to (e.g. the key table), besides keys named in the files. */
  knownKeys?: Iterable<string>;
}

interface OrderedFile {
  parsed: SysctlFile;
  location: SysctlFileLocation;
  maskedBy?: string;
}

/** Merges parsed sysctl files into the values the kernel ends up with after `sysctl --system`. */
export function computeEffectiveSysctls(files: SysctlFile[], options: EffectiveOptions = {}): EffectiveSysctls {
  const { ordered, ignored } = loadOrder(files, options.rootDir);
  const appliedAssignments: SysctlAssignment[] = [];
  const masked: SysctlHistoryEntry[] = [];
  for (const file of ordered) {
    for (const assignment of file.parsed.assignments) {
      if (file.maskedBy) masked.push({ assignment, outcome: 'masked', reason: 'masked', maskedBy: file.maskedBy });
      else appliedAssignments.push(assignment);
    }
  }

  const named = appliedAssignments.filter((a) => !a.exclude && !a.isGlob);
  const globs = appliedAssignments.filter((a) => !a.exclude && a.isGlob).map((a) => ({ assignment: a, pattern: compileGlob(a.key, 'assignment') }));
  const exclusions = appliedAssignments.filter((a) => a.exclude).map((a) => ({ assignment: a, pattern: compileGlob(a.key, 'exclusion') }));

  const universe = new Set<string>(named.map((a) => a.key));
  for (const key of options.knownKeys ?? []) if (!/[*?[<]/.test(key)) universe.add(key);

  const values = new Map<string, EffectiveValue>();
  const globApplications = new Map<SysctlAssignment, GlobApplication>(
    globs.map((g) => [g.assignment, { assignment: g.assignment, appliedTo: [], overriddenFor: [], excludedFrom: [] }]),
  );
  const position = new Map<SysctlAssignment, number>();
  for (const file of ordered) for (const a of file.parsed.assignments) position.set(a, position.size);

  for (const key of universe) {
    const explicit = named.filter((a) => a.key === key);
    const matchingGlobs = globs.filter((g) => g.pattern.test(key)).map((g) => g.assignment);
    const exclusion = exclusions.find((e) => e.pattern.test(key))?.assignment;
    const winner = explicit.at(-1) ?? (exclusion ? undefined : matchingGlobs.at(-1));

    const history: SysctlHistoryEntry[] = [];
    for (const assignment of explicit) history.push(namedOutcome(assignment, winner));
    for (const assignment of matchingGlobs) {
      const application = globApplications.get(assignment)!;
      if (explicit.length > 0) {
        history.push({ assignment, outcome: 'overridden', reason: 'explicit-over-glob', by: winner! });
        application.overriddenFor.push(key);
      } else if (exclusion) {
        history.push({ assignment, outcome: 'excluded', reason: 'excluded', by: exclusion });
        application.excludedFrom.push(key);
      } else {
        history.push(namedOutcome(assignment, winner));
        if (assignment === winner) application.appliedTo.push(key);
      }
    }
    for (const entry of masked) {
      const a = entry.assignment;
      if (!a.exclude && (a.isGlob ? compileGlob(a.key, 'assignment').test(key) : a.key === key)) history.push(entry);
    }
    if (!winner) continue;
    history.sort((x, y) => position.get(x.assignment)! - position.get(y.assignment)!);
    values.set(key, { key, value: winner.value ?? '', assignment: winner, history });
  }

  const fileOrder: SysctlFileOrder[] = [
    ...ordered.map((f) => {
      const order: SysctlFileOrder = { file: f.parsed.file, location: f.location, status: f.maskedBy ? 'masked' : 'applied' };
      if (f.maskedBy) order.maskedBy = f.maskedBy;
      return order;
    }),
    ...ignored.map((f): SysctlFileOrder => ({ file: f.parsed.file, location: f.location, status: 'ignored' })),
  ];

  const get = (key: string): EffectiveValue | undefined => values.get(key);
  return {
    get,
    keys: () => [...values.keys()].sort(),
    files: fileOrder,
    globs: [...globApplications.values()],
    masked,
    effectiveForInterface: (keyTemplate, iface) => forInterface(get, keyTemplate, iface),
  };
}

function namedOutcome(assignment: SysctlAssignment, winner: SysctlAssignment | undefined): SysctlHistoryEntry {
  if (assignment === winner) return { assignment, outcome: 'applied', reason: 'last-assignment' };
  return { assignment, outcome: 'overridden', reason: 'order', by: winner! };
}

function loadOrder(files: SysctlFile[], rootDir: string | undefined): { ordered: OrderedFile[]; ignored: OrderedFile[] } {
  const located = files.map((parsed): OrderedFile => ({ parsed, location: locateSysctlFile(parsed.file, rootDir) }));
  const ignored = located.filter((f) => f.location.ignoredBecause);
  const candidates = located.filter((f) => !f.location.ignoredBecause);
  const dropIns = candidates.filter((f) => f.location.systemPath !== '/etc/sysctl.conf');
  const mainFiles = candidates.filter((f) => f.location.systemPath === '/etc/sysctl.conf');

  const byName = new Map<string, OrderedFile[]>();
  for (const file of dropIns) byName.set(file.location.name, [...(byName.get(file.location.name) ?? []), file]);
  for (const group of byName.values()) {
    const top = Math.min(...group.map((f) => f.location.priority));
    const masking = group.filter((f) => f.location.priority === top).sort(byPath)[0]!;
    for (const file of group) if (file.location.priority !== top) file.maskedBy = masking.parsed.file;
  }
  // Masked files sort just before the file that masks them, so history reads in load order.
  dropIns.sort(
    (a, b) => compareFileNames(a.location.name, b.location.name) || b.location.priority - a.location.priority || byPath(a, b),
  );
  return { ordered: [...dropIns, ...mainFiles.sort(byPath)], ignored };
}

function byPath(a: OrderedFile, b: OrderedFile): number {
  return compareFileNames(a.parsed.file, b.parsed.file);
}

function forInterface(get: (key: string) => EffectiveValue | undefined, keyTemplate: string, iface: string): InterfaceEffectiveValue {
  // A VLAN `eth0.100` is one path component; in dotted keys its dot is written `/`.
  const component = iface.replace(/\./g, '/');
  const at = (name: string): string => keyTemplate.replace('<iface>', name);
  const result: InterfaceEffectiveValue = { key: at(component) };
  const all = get(at('all'));
  if (all) result.all = all;
  const own = component === 'all' ? undefined : get(at(component));
  const fallback = component === 'all' || component === 'default' ? undefined : get(at('default'));
  if (own) {
    result.own = own;
    result.ownFrom = 'interface';
  } else if (fallback) {
    result.own = fallback;
    result.ownFrom = 'default';
  }
  const numbers = [result.all, result.own]
    .map((v) => (v ? parseKernelInteger(v.value) : undefined))
    .filter((n): n is number => n !== undefined);
  if (numbers.length > 0) result.max = Math.max(...numbers);
  return result;
}
