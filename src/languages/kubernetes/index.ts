export { CLUSTER_SCOPED_KINDS, DEFAULT_NAMESPACE } from './objects.js';
export { labelSelectorMatches, serviceSelectorMatches } from './selector.js';
export { KUBE_PROXY_CONFIGMAP_KEY, KUBE_PROXY_KIND } from './kube-proxy.js';
export { readKubernetesObjects, type KubernetesObjects } from './read.js';
export { FieldReader, recordOf, scalarText } from './fields.js';
export { kubernetesLanguage } from './language.js';
export * from './types.js';
