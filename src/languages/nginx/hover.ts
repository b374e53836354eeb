import { positionIn } from '../../core/source.js';
import type { HoverAnswer, HoverQuery } from '../language.js';
import type { NginxDirective, NginxStatement } from './ast.js';
import type { DirectiveSpec } from './directives/index.js';
import { parseNginxText } from './parser.js';

/** nginx.org documents the modules of its source tree at a predictable address. */
function nginxDocsUrl(spec: DirectiveSpec): string | undefined {
  if (spec.vendor !== 'nginx') return undefined;
  const area = /^ngx_(http|stream|mail)_/.exec(spec.module)?.[1];
  if (area) return `https://nginx.org/en/docs/${area}/${spec.module}.html#${spec.name}`;
  if (spec.module === 'ngx_core_module') return `https://nginx.org/en/docs/ngx_core_module.html#${spec.name}`;
  return undefined;
}

function directiveSection(name: string, specs: readonly DirectiveSpec[]): string {
  const parts = [`**nginx directive \`${name}\`**`];
  for (const spec of specs) {
    const lines = [''];
    lines.push(`Syntax: \`${spec.syntax ?? `${spec.name} …;`}\``);
    lines.push(`Default: ${spec.default === undefined ? '—' : `\`${spec.default}\``}`);
    lines.push(`Context: ${spec.contexts.map((context) => `\`${context}\``).join(', ')}`);
    const vendor = spec.vendor && spec.vendor !== 'nginx' ? ` (${spec.vendor === 'tengine' ? 'Tengine' : 'OpenResty'} only)` : '';
    const docs = nginxDocsUrl(spec);
    lines.push(`Module: ${docs ? `[${spec.module}](${docs})` : spec.module}${vendor}`);
    parts.push(lines.join('  \n'));
  }
  return parts.join('\n');
}

function findDirectiveName(statements: readonly NginxStatement[], query: HoverQuery): NginxDirective | undefined {
  const stack: NginxStatement[] = [...statements];
  while (stack.length > 0) {
    const statement = stack.pop()!;
    if (statement.type !== 'directive') continue;
    if (positionIn(statement.nameToken, query.position)) return statement;
    if (statement.block && positionIn(statement.span, query.position)) stack.push(...statement.block);
  }
  return undefined;
}

/** A directive name under the cursor: its entries in the unit's directive table. */
export function nginxHover(query: HoverQuery): HoverAnswer | undefined {
  const parsed = parseNginxText(query.path, query.text);
  const directive = findDirectiveName(parsed.statements, query);
  if (!directive) return undefined;
  const specs = query.settings.nginxDirectives.lookup(directive.name);
  return specs.length > 0 ? { markdown: directiveSection(directive.name, specs), range: directive.nameToken } : undefined;
}
