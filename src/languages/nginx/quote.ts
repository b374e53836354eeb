import type { NginxDirective } from './ast.js';

/** A directive as written, e.g. `proxy_pass http://api`, without its `;`. */
export function directiveText(directive: NginxDirective): string {
  return [directive.nameToken.raw, ...directive.args.map((arg) => arg.raw)].join(' ');
}

/**
 * Source text quoted for a message: in double quotes, or in single quotes when the text has
 * double quotes of its own (`'proxy_set_header Connection ""'`), bare when it has both.
 */
export function quoteSource(text: string): string {
  if (!text.includes('"')) return `"${text}"`;
  if (!text.includes("'")) return `'${text}'`;
  return text;
}
