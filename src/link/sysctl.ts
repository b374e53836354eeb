import { compileGlob, defaultFor, lookupKey, parseKernelInteger, type KernelVersion, type SysctlAssignment, type SysctlFile } from '../languages/sysctl/index.js';
import type { EffectiveSysctls, EffectiveValue, SysctlHistoryEntry } from './sysctl-effective.js';

/** The sysctl files of a workspace and the values the kernel ends up with after `sysctl --system`. */
export interface SysctlModel {
  files: SysctlFile[];
  effective: EffectiveSysctls;
}

/** Every assignment of every file, masked files included (they are still files in the repository). */
export function allAssignments(model: SysctlModel): SysctlAssignment[] {
  return model.files.flatMap((file) => file.assignments.filter((a) => !a.exclude));
}

/** Assignments of the files `sysctl --system` reads (not masked, not ignored), in load order. */
function appliedAssignments(model: SysctlModel): SysctlAssignment[] {
  const byName = new Map(model.files.map((file) => [file.file, file]));
  return model.effective.files.filter((order) => order.status === 'applied').flatMap((order) => byName.get(order.file)?.assignments ?? []);
}

/**
 * The value `key` ends up with. The effective index only holds keys some file names; a key that
 * only a glob reaches (`net.ipv4.conf.*.rp_filter = 1` sets `all` and `default` too) is computed
 * here the way procps and systemd-sysctl do: the last matching glob wins unless a `-pattern` line
 * excludes the key.
 */
export function effectiveValue(model: SysctlModel, key: string): EffectiveValue | undefined {
  const named = model.effective.get(key);
  if (named) return named;
  const applied = appliedAssignments(model);
  if (applied.some((a) => a.exclude && compileGlob(a.key, 'exclusion').test(key))) return undefined;
  const globs = applied.filter((a) => a.isGlob && !a.exclude && a.value !== undefined && compileGlob(a.key, 'assignment').test(key));
  const winner = globs.at(-1);
  if (!winner) return undefined;
  const history = globs.map(
    (assignment): SysctlHistoryEntry =>
      assignment === winner ? { assignment, outcome: 'applied', reason: 'last-assignment' } : { assignment, outcome: 'overridden', reason: 'order', by: winner },
  );
  return { key, value: winner.value ?? '', assignment: winner, history };
}

/** The effective value of `key` read as an integer (the first one for vectors), when it parses. */
export function effectiveInteger(model: SysctlModel, key: string): { value: number; effective: EffectiveValue } | undefined {
  const effective = effectiveValue(model, key);
  if (!effective) return undefined;
  const value = parseKernelInteger(effective.value.split(/[ \t]+/)[0] ?? '');
  return value === undefined ? undefined : { value, effective };
}

/** An assignment as written, for quoting in messages: `net.ipv4.tcp_tw_recycle=1`, `-net.core.somaxconn = 128`. */
export function writtenText(model: SysctlModel, assignment: SysctlAssignment): string {
  const text = model.files.find((file) => file.file === assignment.lineSpan.file)?.text;
  if (text === undefined) return `${assignment.ignoreFailure ? '-' : ''}${assignment.rawKey} = ${assignment.value ?? ''}`;
  return text.slice(assignment.lineSpan.start, assignment.valueSpan.end).trim();
}

/**
 * The kernel's default for `key` on `kernel`, from the key table (`net.core.somaxconn` is 128
 * before Linux 5.4 and 4096 since); undefined without a kernel, since a default is then unknown
 * and never assumed, or when the kernel computes the value itself.
 */
export function kernelDefault(key: string, kernel: KernelVersion | undefined): string | undefined {
  const spec = lookupKey(key);
  return kernel === undefined || spec === undefined ? undefined : defaultFor(spec, kernel);
}
