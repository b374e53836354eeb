export { buildKubernetesModel } from './index-model.js';
export type { ContainerPortMatch, KubernetesModel, NodePortUse, TargetPortResolution } from './index-model.js';
export { CLUSTER_SCOPED_KINDS, DEFAULT_NAMESPACE } from './objects.js';
export { labelSelectorMatches, serviceSelectorMatches } from './selector.js';
export { KUBE_PROXY_CONFIGMAP_KEY, KUBE_PROXY_KIND } from './kube-proxy.js';
export * from './types.js';
