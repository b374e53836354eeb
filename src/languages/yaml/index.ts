/**
 * The one YAML stack: the loader (multi-document, positions, alias and nesting guards), the
 * reader of positioned fields (aliases followed, `<<` merge keys honoured) and the mapper of
 * files embedded in a scalar. Kubernetes and the network configs both read YAML through it.
 */
export * from './loader.js';
export * from './embedded.js';

/** YAML has `#` comments; JSON, which YAML parsers also accept, does not (a text opening with `[` or `{`). */
export function hasHashCommentsUnlessJson(text: string): boolean {
  return !/^\s*[[{]/.test(text);
}
