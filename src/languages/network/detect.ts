import { INVALID_JSON, type LanguageDetection, type PathParts } from '../language.js';

const RKE_CLUSTER = /^network\s*:\s*$[\s\S]*^\s+plugin\s*:/m;
const RKE2_CONFIG = /^(?:cni|flannel-backend|cluster-cidr|service-cidr|flannel-iface)\s*:/m;

/** CNI files, flannel's net-conf.json, RKE1 cluster.yml and RKE2/K3s config.yaml. */
export const networkDetection: LanguageDetection = {
  pathPrecedence: 2,
  contentExtensions: ['.yaml', '.yml', '.json', '.conf', '.conflist'],
  byPath({ dirs, base, ext }: PathParts) {
    const parent = dirs[dirs.length - 1] ?? '';
    if (ext === '.conflist' || base === 'net-conf.json') return 'strong';
    if ((base === 'cluster.yml' || base === 'cluster.yaml') && !dirs.includes('templates')) return 'strong';
    if ((parent === 'rke2' || parent === 'k3s') && (base === 'config.yaml' || base === 'config.yml')) return 'strong';
    if (parent === 'net.d' && (ext === '.conf' || ext === '.json')) return 'strong';
    return undefined;
  },
  byContent(_parts, probe) {
    if (probe.format === 'yaml') {
      if (RKE_CLUSTER.test(probe.text) || (/^nodes\s*:/m.test(probe.text) && /^\s+role\s*:/m.test(probe.text))) return 2;
      if (RKE2_CONFIG.test(probe.text)) return 2;
      return undefined;
    }
    if (probe.format !== 'json') return undefined;
    const value = probe.json();
    if (value === INVALID_JSON) return /"cniVersion"\s*:|"plugins"\s*:\s*\[/.test(probe.text) ? 1 : undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    return Object.hasOwn(value, 'cniVersion') || (Object.hasOwn(value, 'type') && Object.hasOwn(value, 'plugins')) || Object.hasOwn(value, 'Backend') ? 1 : undefined;
  },
};
