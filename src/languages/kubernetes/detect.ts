import { INVALID_JSON, type LanguageDetection } from '../language.js';

const YAML_API_VERSION = /^\s*(?:-\s+)?apiVersion\s*:/m;
const YAML_KIND = /^\s*(?:-\s+)?kind\s*:/m;

/**
 * Kubernetes has no file name of its own: a manifest is a YAML (or JSON) object with
 * `apiVersion` and `kind`, which outranks every other reading of a YAML file. A Docker stack
 * file (`docker stack deploy`) is read with the manifests, as NAT evidence, when nothing else
 * claims it.
 */
export const kubernetesDetection: LanguageDetection = {
  pathPrecedence: 4,
  contentExtensions: ['.yaml', '.yml', '.json'],
  byPath: () => undefined,
  byContent(_parts, probe) {
    if (probe.format === 'yaml') {
      if (YAML_API_VERSION.test(probe.text) && YAML_KIND.test(probe.text)) return 1;
      if (/^services\s*:/m.test(probe.text) && /^\s+deploy\s*:/m.test(probe.text)) return 3;
      return undefined;
    }
    if (probe.format !== 'json') return undefined;
    const value = probe.json();
    // Broken JSON still tells its kind by its keys; the parse step reports the syntax error.
    if (value === INVALID_JSON) return /"apiVersion"\s*:/.test(probe.text) && /"kind"\s*:/.test(probe.text) ? 2 : undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    return Object.hasOwn(value, 'apiVersion') && Object.hasOwn(value, 'kind') ? 2 : undefined;
  },
};
