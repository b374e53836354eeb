/** A kernel release as `[major, minor, patch]`, read from `5.4`, `4.9.0-13-amd64`, `3.10.0-1160.el7`. */
export type KernelVersion = readonly [number, number, number];

export function parseKernelVersion(text: string): KernelVersion | undefined {
  const match = /^\s*v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
}

export function compareKernelVersions(a: KernelVersion, b: KernelVersion): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** `version` is at least `release` (a `major.minor` string from the key table). */
export function isAtLeast(version: KernelVersion, release: string): boolean {
  const other = parseKernelVersion(release);
  return other === undefined || compareKernelVersions(version, other) >= 0;
}
