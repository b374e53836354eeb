/** `*` (any text) and `?` (one character) over whole values: kinds, namespaces, names. */
export function wildcardMatcher(patterns: string | readonly string[] | undefined): (value: string) => boolean {
  if (patterns === undefined) return () => true;
  const list = typeof patterns === 'string' ? [patterns] : patterns;
  const regexps = list.map((pattern) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`));
  return (value) => regexps.some((regexp) => regexp.test(value));
}
