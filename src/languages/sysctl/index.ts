export type { SysctlAssignment, SysctlComment, SysctlFile } from './types.js';
export { parseSysctl } from './parser.js';
export { compileGlob, isGlobKey, type GlobPattern, normaliseKey } from './key-syntax.js';
export { SYSCTL_DIRECTORIES, locateSysctlFile, type SysctlFileLocation } from './load-order.js';
export {
  SYSCTL_KEYS,
  defaultFor,
  keyAvailability,
  lookupKey,
  parseKernelInteger,
  suggestKey,
  validateValue,
  type EnumValue,
  type KernelVersionInput,
  type KeyNamespace,
  type SysctlKeySpec,
  type SysctlProblemKind,
  type SysctlValueProblem,
  type SysctlValueSpec,
  type VersionedDefault,
  type VersionedRange,
} from './keys.js';
export { compareKernelVersions, isAtLeast, parseKernelVersion, type KernelVersion } from './kernel-version.js';
export { compareFileNames } from './load-order.js';
export { deleteLine, replaceKey, replaceValue } from './edits.js';
export { sysctlLanguage } from './language.js';
