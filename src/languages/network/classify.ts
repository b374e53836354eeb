/** Which network parser a file needs; JSON kinds go to the CNI/flannel parsers, YAML kinds to the loader. */
export type NetworkFileKind = 'cni' | 'flannel-net-conf' | 'rke1-cluster' | 'distro-config';

/**
 * Classifies by name first and content second, cheaply (no parsing): `*.conflist`; CNI `.conf`
 * or `.json` whose object has `cniVersion`/`type`; `net-conf.json` (or JSON with `Network` and
 * `Backend`); `cluster.yml`/`cluster.yaml` with top-level `nodes:` or `network:`; RKE2/K3s
 * `config.yaml` (under `rancher/rke2|k3s/` or `config.yaml.d/`) or any YAML with top-level
 * `cni:`/`flannel-backend:`.
 */
export function classifyNetworkFile(path: string, text: string): NetworkFileKind | undefined {
  const normalised = path.replace(/\\/g, '/');
  const base = normalised.slice(normalised.lastIndexOf('/') + 1).toLowerCase();
  const startsLikeJson = /^\uFEFF?\s*\{/.test(text);
  if (base === 'net-conf.json') return 'flannel-net-conf';
  if (base.endsWith('.conflist')) return 'cni';
  if ((base.endsWith('.conf') || base.endsWith('.json')) && startsLikeJson) {
    if (/"cniVersion"\s*:/.test(text) || (base.endsWith('.conf') && /"type"\s*:/.test(text))) return 'cni';
    if (base.endsWith('.json') && /"Network"\s*:/.test(text) && /"Backend"\s*:/.test(text)) return 'flannel-net-conf';
    if (/(^|\/)cni\/net\.d\//.test(normalised) && /"type"\s*:/.test(text)) return 'cni';
    return undefined;
  }
  if (!base.endsWith('.yml') && !base.endsWith('.yaml')) return undefined;
  if ((base === 'cluster.yml' || base === 'cluster.yaml') && /^(nodes|network):/m.test(text)) return 'rke1-cluster';
  if (/^rancher_kubernetes_engine_config:/m.test(text) && /^\s+network:/m.test(text)) return 'rke1-cluster';
  // A scalar or a list after the key: Helm values files (Cilium's) have a `cni:` map instead.
  if (/^(cni|flannel-backend):[ \t]*[^\s#]/m.test(text) || /^cni:[ \t]*\r?\n[ \t]*- /m.test(text)) return 'distro-config';
  if (/(^|\/)rancher\/(rke2|k3s)\/(config\.yaml$|config\.yaml\.d\/)/.test(normalised)) return 'distro-config';
  return undefined;
}

export function isNetworkFile(path: string, text: string): boolean {
  return classifyNetworkFile(path, text) !== undefined;
}
