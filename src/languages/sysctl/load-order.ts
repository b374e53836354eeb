/**
 * Where a file sits in the load order of `sysctl --system` (procps PreloadSystem) and systemd-sysctl:
 * `*.conf` in /etc/sysctl.d, /run/sysctl.d, /usr/local/lib/sysctl.d, /usr/lib/sysctl.d, /lib/sysctl.d
 * (highest priority first; a name in a higher directory masks the same name below), applied in
 * file-name order across directories, then procps applies /etc/sysctl.conf last.
 */
export const SYSCTL_DIRECTORIES = ['/etc/sysctl.d', '/run/sysctl.d', '/usr/local/lib/sysctl.d', '/usr/lib/sysctl.d', '/lib/sysctl.d'] as const;

export type SysctlDirectory = (typeof SYSCTL_DIRECTORIES)[number];

export interface SysctlFileLocation {
  /** File name that masking and ordering use. */
  name: string;
  /** The system directory the file stands for, or `/etc/sysctl.conf`. */
  systemPath: SysctlDirectory | '/etc/sysctl.conf';
  /** 0 is the highest priority (/etc/sysctl.d). */
  priority: number;
  /** False when the path mirrors no system location and is treated as its /etc equivalent. */
  recognised: boolean;
  /** Why the tools would never read it (a sysctl.d file without the `.conf` suffix). */
  ignoredBecause?: string;
}

export function locateSysctlFile(path: string, rootDir?: string): SysctlFileLocation {
  const slashed = path.replace(/\\/g, '/');
  const name = slashed.slice(slashed.lastIndexOf('/') + 1);
  const relative = rootDir === undefined ? undefined : relativeTo(slashed, rootDir.replace(/\\/g, '/'));
  const probe = relative ?? `/${slashed.replace(/^\/+/, '')}`;
  const directory = probe.slice(0, probe.lastIndexOf('/'));
  const matches = (systemPath: string): boolean => (relative === undefined ? directory.endsWith(systemPath) : directory === systemPath);

  if (relative === undefined ? probe.endsWith('/etc/sysctl.conf') : probe === '/etc/sysctl.conf') {
    return { name, systemPath: '/etc/sysctl.conf', priority: SYSCTL_DIRECTORIES.length, recognised: true };
  }
  // Longest first: /usr/lib/sysctl.d also ends with /lib/sysctl.d.
  const byLength = [...SYSCTL_DIRECTORIES].sort((a, b) => b.length - a.length);
  const systemPath = byLength.find(matches);
  if (systemPath) {
    const location: SysctlFileLocation = { name, systemPath, priority: SYSCTL_DIRECTORIES.indexOf(systemPath), recognised: true };
    if (!name.endsWith('.conf')) location.ignoredBecause = `${systemPath} files are read only when they end in ".conf"`;
    return location;
  }
  const inSysctlDir = directory.endsWith('/sysctl.d') || directory === 'sysctl.d';
  if (name === 'sysctl.conf' && !inSysctlDir) {
    return { name, systemPath: '/etc/sysctl.conf', priority: SYSCTL_DIRECTORIES.length, recognised: false };
  }
  return { name, systemPath: '/etc/sysctl.d', priority: 0, recognised: false };
}

function relativeTo(path: string, rootDir: string): string | undefined {
  const root = rootDir.replace(/\/+$/, '');
  if (path === root || !path.startsWith(`${root}/`)) return undefined;
  return path.slice(root.length);
}

/** strcmp order of file names, which both procps (qsort) and systemd (conf_files_list) use. */
export function compareFileNames(a: string, b: string): number {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return Buffer.compare(x, y);
}
