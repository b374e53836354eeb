import { isMap, isScalar, isSeq } from 'yaml';
import type { YAMLMap, YAMLSeq } from 'yaml';
import type { SyntaxIssue } from '../../core/syntax.js';
import type { YamlDocument, YamlLoadResult } from '../yaml/loader.js';
import { FieldReader } from './fields.js';
import type { KubernetesObject } from './types.js';

export const DEFAULT_NAMESPACE = 'default';

/** Built-in kinds that live outside namespaces: their namespace is `''`, never `default`. */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  'APIService',
  'CSIDriver',
  'CSINode',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'IngressClass',
  'MutatingWebhookConfiguration',
  'Namespace',
  'Node',
  'PersistentVolume',
  'PriorityClass',
  'RuntimeClass',
  'StorageClass',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'ValidatingWebhookConfiguration',
  'VolumeAttachment',
]);

/** A Kubernetes object together with the reader that can pull more typed fields out of it. */
export interface ObjectSource {
  object: KubernetesObject;
  reader: FieldReader;
}

/**
 * Every Kubernetes object in a load: each document whose root mapping has `apiVersion` and
 * `kind`, and each item of a `kind: List` (or any `*List` with `items`). Other YAML (values
 * files, compose files, CNI configs) is not Kubernetes and yields nothing, not an issue.
 */
export function kubernetesObjectsOf(result: YamlLoadResult, issues: SyntaxIssue[]): ObjectSource[] {
  const found: ObjectSource[] = [];
  for (const document of result.documents) {
    // A document with syntax errors is read best effort; its shape problems would only echo them.
    const reader = new FieldReader(result, document.doc, document.hasErrors ? [] : issues);
    const root = reader.resolve(document.doc.contents);
    if (!isMap(root)) continue;
    const object = objectOf(reader, document, root);
    if (!object) continue;
    const items = listItemsOf(reader, object.kind, root);
    if (!items) {
      found.push({ object, reader });
      continue;
    }
    items.items.forEach((item, index) => {
      const itemMap = reader.resolve(item);
      if (!isMap(itemMap)) {
        if (itemMap) reader.report(itemMap, `${object.kind}.items[${index}] should be a Kubernetes object mapping`);
        return;
      }
      const member = objectOf(reader, document, itemMap, index);
      if (member) found.push({ object: member, reader });
      else reader.report(itemMap, `${object.kind}.items[${index}] has no apiVersion and kind`);
    });
  }
  return found;
}

/** `kind: List` must have a list of items; typed lists (`ServiceList`) are expanded when they do. */
function listItemsOf(reader: FieldReader, kind: string, root: YAMLMap): YAMLSeq | undefined {
  if (kind === 'List') return reader.seq(root, 'items', 'List.items');
  if (!kind.endsWith('List')) return undefined;
  const items = reader.value(root, 'items');
  return isSeq(items) ? items : undefined;
}

function objectOf(reader: FieldReader, document: YamlDocument, root: YAMLMap, listItemIndex?: number): KubernetesObject | undefined {
  const kindNode = reader.value(root, 'kind');
  const apiVersionNode = reader.value(root, 'apiVersion');
  if (!isScalar(kindNode) || typeof kindNode.value !== 'string' || !isScalar(apiVersionNode)) return undefined;
  const metadata = reader.map(root, 'metadata', `${kindNode.value}.metadata`);
  const name = reader.string(metadata, 'name', 'metadata.name');
  const namespace = reader.string(metadata, 'namespace', 'metadata.namespace');
  const object: KubernetesObject = {
    apiVersion: String(apiVersionNode.value),
    kind: kindNode.value,
    namespace: CLUSTER_SCOPED_KINDS.has(kindNode.value) ? '' : namespace?.value || DEFAULT_NAMESPACE,
    namespaceExplicit: Boolean(namespace?.value),
    labels: reader.stringRecord(metadata, 'labels', 'metadata.labels'),
    annotations: reader.stringRecord(metadata, 'annotations', 'metadata.annotations'),
    file: document.file,
    documentIndex: document.index,
    span: reader.span(root),
    kindSpan: reader.span(kindNode),
    node: root,
    source: reader.source,
  };
  if (name?.value) {
    object.name = name.value;
    object.nameSpan = name.span;
  }
  if (document.helmSource !== undefined) object.helmSource = document.helmSource;
  if (listItemIndex !== undefined) object.listItemIndex = listItemIndex;
  return object;
}
