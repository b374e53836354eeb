import { at, defineRule, type NginxScope } from '../../../src/kit/index.js';

/** Headers whose loss changes behaviour: keepalive, virtual hosting, client identity. */
function matters(name: string): boolean {
  return ['connection', 'upgrade', 'host', 'x-real-ip', 'forwarded'].includes(name) || name.startsWith('x-forwarded-');
}

function levelName(scope: NginxScope): string {
  return scope.kind === 'location' && scope.directive ? `location ${scope.directive.args.map((a) => a.raw).join(' ')}` : scope.kind;
}

export default defineRule({
  meta: {
    id: 'nginx/proxy-set-header-inheritance',
    layer: 'nginx',
    severity: 'warning',
    summary: 'A level that sets any `proxy_set_header` silently drops every one inherited from above.',
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/nginx/proxy-set-header-inheritance/README.md',
    fixable: 'unsafe',
    tags: ['correctness'],
  },
  check(context) {
    const { directiveText, directivesIn, effectiveProxyHeaders, insertBeforeDirective, nearestLevelWith, quoteSource, statementInBlock } = context.nginx;
    for (const model of context.nginx.models) {
      // Only a list that some proxy_pass actually sends loses anything.
      const sentLists = new Set(model.proxyPasses.map((use) => nearestLevelWith(use.scope, 'proxy_set_header')));
      for (const scope of model.scopes) {
        // A list that is sent belongs to a level that sets proxy_set_header itself.
        if (!scope.parent || !sentLists.has(scope)) continue;
        const inherited = effectiveProxyHeaders(scope.parent);
        if (!inherited.scope) continue;
        const own = directivesIn(scope, 'proxy_set_header');
        const ownNames = effectiveProxyHeaders(scope).headers;
        const dropped = [...inherited.headers.entries()].filter(([name]) => matters(name) && !ownNames.has(name)).map(([, d]) => d);
        if (dropped.length === 0) continue;
        const first = own[0]!;
        // Report (and insert) at the statement written in this block: the header itself, or
        // the include that brings it, so a snippet shared by many blocks is neither blamed nor edited.
        const anchor = statementInBlock(scope, first);
        const subject = anchor === first ? quoteSource(directiveText(first)) : `${quoteSource(directiveText(anchor))}, which sets ${quoteSource(directiveText(first))},`;
        const names = dropped.map((d) => d.args[0]?.value ?? '').join(', ');
        const edit = insertBeforeDirective(anchor, dropped.map((d) => `${directiveText(d)};`));
        context.report({
          ...at(anchor.nameToken),
          message:
            `${subject} gives the ${levelName(scope)} block a proxy_set_header list of its own, and nginx inherits the list only into levels that set none, ` +
            `so ${names} from the ${levelName(inherited.scope)} block ${dropped.length === 1 ? 'is' : 'are'} no longer sent; repeat ${dropped.length === 1 ? 'it' : 'them'} here`,
          related: dropped.map((d) => ({ ...at(d.nameToken), message: `${quoteSource(directiveText(d))} is not inherited` })),
          ...(edit ? { fix: { title: `Repeat ${names} here`, safety: 'unsafe' as const, edits: [edit] } } : {}),
        });
      }
    }
  },
});
