/**
 * The one YAML stack: the loader (multi-document, positions, alias and nesting guards), the
 * reader of positioned fields (aliases followed, `<<` merge keys honoured), the locators that map
 * offsets of a text to spans of the file it is written in, and the mapper of files embedded in a
 * scalar. Kubernetes and the network configs both read YAML (and JSON) through it.
 */
export * from './loader.js';
export * from './locator.js';
export * from './embedded.js';
export * from './fields.js';

/** YAML has `#` comments; JSON, which YAML parsers also accept, does not (a text opening with `[` or `{`). */
export function hasHashCommentsUnlessJson(text: string): boolean {
  return !/^\s*[[{]/.test(text);
}
