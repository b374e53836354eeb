import type { EffectiveSysctls, EffectiveValue, SysctlAssignment, SysctlFile } from '../languages/sysctl/index.js';
import { parseKernelInteger } from '../languages/sysctl/index.js';

/** The sysctl files of a workspace and the values the kernel ends up with after `sysctl --system`. */
export interface SysctlModel {
  files: SysctlFile[];
  effective: EffectiveSysctls;
}

/** Every assignment of every file, masked files included (they are still files in the repository). */
export function allAssignments(model: SysctlModel): SysctlAssignment[] {
  return model.files.flatMap((file) => file.assignments.filter((a) => !a.exclude));
}

/** The effective value of `key` read as an integer (the first one for vectors), when it parses. */
export function effectiveInteger(model: SysctlModel, key: string): { value: number; effective: EffectiveValue } | undefined {
  const effective = model.effective.get(key);
  if (!effective) return undefined;
  const value = parseKernelInteger(effective.value.split(/[ \t]+/)[0] ?? '');
  return value === undefined ? undefined : { value, effective };
}
