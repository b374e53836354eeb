import type { TextEdit } from '../core/finding.js';
import {
  compareKernelVersions,
  deleteLine,
  isAtLeast,
  keyAvailability,
  lookupKey,
  parseKernelInteger,
  parseKernelVersion,
  replaceKey,
  replaceValue,
  suggestKey,
  validateValue,
  type KernelVersion,
  type SysctlAssignment,
  type SysctlFile,
} from '../languages/sysctl/index.js';
import { allAssignments, effectiveInteger, effectiveValue, kernelDefault, writtenText, type EffectiveSysctls, type EffectiveValue, type SysctlModel } from '../link/index.js';

/** The key table and kernel-version helpers, independent of any unit. */
const QUERIES = {
  lookupKey,
  keyAvailability,
  validateValue,
  suggestKey,
  /** An integer as the kernel's `proc_dointvec` reads it (`0x10`, `-1`), undefined when it is none. */
  parseKernelInteger,
  parseKernelVersion,
  compareKernelVersions,
  replaceValue,
  replaceKey,
} as const;

export type SysctlQueries = typeof QUERIES;

export interface SysctlKit extends SysctlQueries {
  readonly files: readonly SysctlFile[];
  /** The values the kernel ends up with after `sysctl --system`, with each key's history. */
  readonly effective: EffectiveSysctls;
  /** `environment.kernelVersion` read as a version; undefined when the config declares none. */
  readonly kernelVersion: KernelVersion | undefined;
  /** Whether the declared kernel is `release` (`major.minor`) or later; undefined when no kernel is declared. */
  kernelAtLeast(release: string): boolean | undefined;
  /** The value `key` ends up with, globs (`net.ipv4.conf.*.rp_filter`) included. */
  effectiveValue(key: string): EffectiveValue | undefined;
  /** The effective value of `key` as an integer (the first one for vectors), when it parses. */
  effectiveInteger(key: string): { value: number; effective: EffectiveValue } | undefined;
  /** Every assignment of every file, masked files included, exclusion lines not. */
  allAssignments(): SysctlAssignment[];
  /** An assignment as written, for quoting in messages: `net.ipv4.tcp_tw_recycle=1`. */
  writtenText(assignment: SysctlAssignment): string;
  /**
   * The kernel's default for `key` on the declared kernel, from the key table; undefined when no
   * kernel is declared (a default is then unknown, never assumed) or the kernel computes it.
   */
  kernelDefault(key: string): string | undefined;
  /** Removes an assignment's whole line, terminator included. */
  deleteLine(assignment: SysctlAssignment): TextEdit | undefined;
}

export function createSysctlKit(model: SysctlModel, kernelVersionText: string | undefined): SysctlKit {
  const kernelVersion = parseKernelVersion(kernelVersionText ?? '');
  return {
    ...QUERIES,
    files: model.files,
    effective: model.effective,
    kernelVersion,
    kernelAtLeast: (release) => (kernelVersion === undefined ? undefined : isAtLeast(kernelVersion, release)),
    effectiveValue: (key) => effectiveValue(model, key),
    effectiveInteger: (key) => effectiveInteger(model, key),
    allAssignments: () => allAssignments(model),
    writtenText: (assignment) => writtenText(model, assignment),
    kernelDefault: (key) => kernelDefault(key, kernelVersion),
    deleteLine: (assignment) => deleteLine(model.files, assignment),
  };
}
