import type { ArgShape, DirectiveSpec, NginxContext } from './types.js';

/** A third-party directive as `nginx.directives` in hoplint.config.yaml declares it. */
export interface DirectiveDeclaration {
  name: string;
  contexts?: NginxContext[];
  args?: 'none' | 'flag' | 'any' | number | number[] | { min: number };
  block?: boolean;
}

/** The contexts a declared directive may name, and where a declaration without `contexts` is accepted. */
export const DECLARABLE_CONTEXTS: readonly NginxContext[] = ['main', 'events', 'http', 'server', 'location', 'upstream', 'if_server', 'if_location', 'limit_except', 'mail', 'mail_server', 'stream', 'stream_server', 'stream_upstream', 'processes', 'process'];

function argShape(args: DirectiveDeclaration['args']): ArgShape {
  if (args === undefined || args === 'any') return { kind: 'any' };
  if (args === 'none') return { kind: 'none' };
  if (args === 'flag') return { kind: 'flag' };
  if (typeof args === 'number') return args === 0 ? { kind: 'none' } : { kind: 'take', counts: [args] };
  if (Array.isArray(args)) return { kind: 'take', counts: [...args].sort((a, b) => a - b) };
  return { kind: 'atLeast', min: args.min };
}

/** `nginx.directives` of the config as directive-table entries: a bare name is accepted anywhere. */
export function declaredDirectives(declarations: ReadonlyArray<string | DirectiveDeclaration> = []): DirectiveSpec[] {
  return declarations.map((declaration) => {
    const spec = typeof declaration === 'string' ? { name: declaration } : declaration;
    return {
      name: spec.name,
      contexts: spec.contexts ?? [...DECLARABLE_CONTEXTS],
      args: argShape(spec.args),
      block: spec.block ?? false,
      module: 'declared in hoplint.config',
      source: 'hoplint.config nginx.directives',
    };
  });
}
