import type { LabelSelector, LocatedStringMap } from './types.js';

/**
 * A Service selector: equality on every key. An absent or empty selector selects nothing — such
 * a Service's endpoints are managed by hand, not by label.
 */
export function serviceSelectorMatches(selector: LocatedStringMap | undefined, labels: Record<string, string>): boolean {
  if (!selector || selector.entries.length === 0) return false;
  return selector.entries.every((entry) => Object.hasOwn(labels, entry.key) && labels[entry.key] === entry.value);
}

/**
 * A `metav1.LabelSelector`: every matchLabels pair and every matchExpressions requirement must
 * hold. As in Kubernetes, an empty selector matches everything; an unknown operator matches
 * nothing.
 */
export function labelSelectorMatches(selector: LabelSelector, labels: Record<string, string>): boolean {
  for (const entry of selector.matchLabels?.entries ?? []) {
    if (!Object.hasOwn(labels, entry.key) || labels[entry.key] !== entry.value) return false;
  }
  return selector.matchExpressions.every((requirement) => {
    const present = Object.hasOwn(labels, requirement.key);
    const value = labels[requirement.key];
    switch (requirement.operator) {
      case 'In':
        return present && requirement.values.includes(value ?? '');
      case 'NotIn':
        return !present || !requirement.values.includes(value ?? '');
      case 'Exists':
        return present;
      case 'DoesNotExist':
        return !present;
      default:
        return false;
    }
  });
}
