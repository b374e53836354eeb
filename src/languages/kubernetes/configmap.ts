import { isScalar } from 'yaml';
import { blockScalarIndent } from '../yaml/index.js';
import type { FieldReader } from './fields.js';
import { scalarText } from './fields.js';
import type { ConfigMap, ConfigMapEntry, KubernetesObject } from './types.js';

/** Reads a ConfigMap's `data` (each value with its scalar, for embedded files) and `binaryData` keys. */
export function readConfigMap(object: KubernetesObject, reader: FieldReader): ConfigMap {
  const configMap: ConfigMap = { ...object, kind: 'ConfigMap', data: [], binaryDataKeys: [] };
  const data = reader.map(object.node, 'data', 'ConfigMap.data');
  if (data) {
    const text = reader.source.text;
    for (const entry of reader.entries(data, 'data')) {
      const scalar = reader.resolve(reader.pair(data, entry.key)?.value);
      if (!isScalar(scalar)) continue;
      const item: ConfigMapEntry = {
        key: entry.key,
        keySpan: entry.keySpan,
        value: scalarText(scalar),
        valueSpan: entry.valueSpan,
        scalar,
        style: scalar.type,
        indent: blockScalarIndent(text, scalar),
      };
      configMap.data.push(item);
    }
  }
  const binaryData = reader.map(object.node, 'binaryData', 'ConfigMap.binaryData');
  if (binaryData) {
    for (const entry of reader.entries(binaryData, 'binaryData')) {
      configMap.binaryDataKeys.push({ value: entry.key, span: entry.keySpan });
    }
  }
  return configMap;
}
