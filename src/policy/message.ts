import type { SelectKind } from './types.js';

/** Placeholders every policy message may use, whatever it selects. */
export const SPECIAL_PLACEHOLDERS = ['error', 'path', 'file', 'child', 'id'] as const;

/** Top-level fields of each view, for checking placeholders when the policy file loads. */
export const VIEW_FIELDS: Record<SelectKind, readonly string[] | undefined> = {
  nginx: ['name', 'args', 'context', 'children', 'block', 'file'],
  sysctl: ['key', 'value', 'raw', 'values', 'file', 'viaGlob'],
  network: ['source', 'encapsulation', 'backend', 'mtu', 'mtuSetBy', 'impliedMtu', 'mtuAutoDetected', 'mtuNote', 'overheadBytes', 'plugin', 'name', 'options', 'file'],
  // A Kubernetes view is the manifest itself: any field may exist.
  kubernetes: undefined,
};

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const NAME = /^[A-Za-z_$][\w$-]*(\.[\w$-]+)*$/;
const MAX_RENDERED = 200;

/** Problems of a message template: unbalanced braces, malformed or unknown placeholders. */
export function checkTemplate(template: string, kind: SelectKind): string | undefined {
  const stripped = template.replace(PLACEHOLDER, '');
  if (stripped.includes('{{') || stripped.includes('}}')) return 'unbalanced "{{" or "}}"';
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    if (!NAME.test(name)) return `"{{${name}}}" is not a placeholder: use a field name or dotted path such as {{name}} or {{args.0}}`;
    const root = name.split('.')[0]!;
    const fields = VIEW_FIELDS[kind];
    if (fields === undefined || root === 'view' || (SPECIAL_PLACEHOLDERS as readonly string[]).includes(root) || fields.includes(root)) continue;
    return `unknown placeholder "{{${name}}}"; a ${kind} view has ${fields.join(', ')}, and every message may use ${SPECIAL_PLACEHOLDERS.join(', ')}`;
  }
  return undefined;
}

function lookup(root: unknown, dotted: string): { found: true; value: unknown } | { found: false } {
  let value = root;
  for (const part of dotted.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, part)) return { found: false };
    value = (value as Record<string, unknown>)[part];
  }
  return { found: true, value };
}

function text(value: unknown): string {
  const rendered = typeof value === 'string' ? value : value === undefined ? '' : (JSON.stringify(value) ?? String(value));
  return rendered.length > MAX_RENDERED ? `${rendered.slice(0, MAX_RENDERED - 1)}…` : rendered;
}

/**
 * Fills `{{…}}`: the special values first (`error`, `path`, …), then the view's fields
 * (`view.x` names one explicitly), then the match's context (a Kubernetes object's kind, name,
 * namespace). A placeholder with no value stays as written, so a mistake is visible.
 */
export function renderMessage(template: string, specials: Record<string, unknown>, view: unknown, context: Record<string, unknown>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (Object.prototype.hasOwnProperty.call(specials, name) && specials[name] !== undefined) return text(specials[name]);
    if (name.startsWith('view.')) {
      const found = lookup(view, name.slice('view.'.length));
      return found.found ? text(found.value) : whole;
    }
    for (const source of [view, context]) {
      const found = lookup(source, name);
      if (found.found) return text(found.value);
    }
    return whole;
  });
}
