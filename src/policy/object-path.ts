/** One step of a path into a Kubernetes object: a key, an index, or every item / every key. */
export type PathStep = { key: string } | { index: number } | { any: true };

/**
 * Parses `spec.template.spec.containers[*]`, `metadata.annotations["a.b/c"]`, `spec.ports[0]`,
 * `data.*`. The error says what is wrong in it.
 */
export function parseObjectPath(text: string): PathStep[] | { error: string } {
  const steps: PathStep[] = [];
  let i = 0;
  const fail = (what: string): { error: string } => ({ error: `path "${text}" at character ${i + 1}: ${what}` });
  while (i < text.length) {
    const c = text[i]!;
    if (c === '.') {
      if (steps.length === 0 || text[i + 1] === undefined || text[i + 1] === '.' || text[i + 1] === '[') return fail('expected a key after "."');
      i++;
      continue;
    }
    if (c === '[') {
      const close = text.indexOf(']', i);
      if (close < 0) return fail('"[" is never closed');
      const inner = text.slice(i + 1, close).trim();
      if (inner === '*') steps.push({ any: true });
      else if (/^(0|[1-9][0-9]*)$/.test(inner)) steps.push({ index: Number(inner) });
      else if (/^"[^"]*"$|^'[^']*'$/.test(inner)) steps.push({ key: inner.slice(1, -1) });
      else return fail(`expected [*], [N] or ["key"], found [${inner}]`);
      i = close + 1;
      if (i < text.length && text[i] !== '.' && text[i] !== '[') return fail('expected "." or "[" after "]"');
      continue;
    }
    let end = i;
    while (end < text.length && text[end] !== '.' && text[end] !== '[') end++;
    const key = text.slice(i, end);
    if (!/^[A-Za-z0-9_\-$/]+$|^\*$/.test(key)) return fail(`"${key}" is not a key; quote keys with other characters: ["${key}"]`);
    steps.push(key === '*' ? { any: true } : { key });
    i = end;
  }
  if (steps.length === 0) return { error: 'the path is empty' };
  return steps;
}

/** `spec.containers[0].name` from concrete steps. */
export function formatObjectPath(steps: ReadonlyArray<string | number>): string {
  let out = '';
  for (const step of steps) {
    if (typeof step === 'number') out += `[${step}]`;
    else if (/^[A-Za-z0-9_\-$/]+$/.test(step)) out += out === '' ? step : `.${step}`;
    else out += `[${JSON.stringify(step)}]`;
  }
  return out;
}
