import { at, defineRule, type NginxDirective, type NginxToken, type TextEdit } from '../../../src/kit/index.js';

const INSERT = 'proxy_http_version 1.1;';

function addEdit(edits: TextEdit[], edit: TextEdit | undefined): void {
  if (edit && !edits.some((e) => e.file === edit.file && e.start === edit.start && e.text === edit.text)) edits.push(edit);
}

export default defineRule({
  meta: {
    id: 'nginx/proxy-http-version',
    layer: 'nginx',
    severity: 'warning',
    summary: 'Proxying with the default `proxy_http_version 1.0` makes every upstream request a new TCP connection.',
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/nginx/proxy-http-version/README.md',
    fixable: 'safe',
    tags: ['performance', 'time-wait'],
  },
  check(context) {
    const { argCount, argValue, directiveText, effectiveDirective, insertIntoBlock, proxyingLocation, quoteSource, replaceToken } = context.nginx;
    for (const model of context.nginx.models) {
      // One finding per proxy_pass (a file included from several locations is read several
      // times) and one per explicit "1.0" however many locations inherit it.
      const implicit = new Map<NginxDirective, TextEdit[]>();
      const explicit = new Map<NginxToken, Set<NginxDirective>>();
      for (const use of model.proxyPasses) {
        const setting = effectiveDirective(use.scope, 'proxy_http_version')?.directive;
        const hasVersion = setting !== undefined && argCount(setting) > 0;
        if (hasVersion && argValue(setting, 0) !== '1.0') continue;
        if (hasVersion) {
          const version = setting.args[0]!;
          const uses = explicit.get(version) ?? new Set();
          uses.add(use.directive);
          explicit.set(version, uses);
          continue;
        }
        const edits = implicit.get(use.directive) ?? [];
        // proxy_http_version is not allowed in `if` or `limit_except`: it goes at the top of their
        // location — the same edit for every proxy_pass of that location, so it is inserted once.
        const location = proxyingLocation(use.scope);
        addEdit(edits, location && insertIntoBlock(location.block, INSERT));
        implicit.set(use.directive, edits);
      }
      for (const [directive, edits] of implicit) {
        context.report({
          ...at(directive.nameToken),
          message:
            `${quoteSource(directiveText(directive))} runs with nginx's default proxy_http_version 1.0, so every request opens a new upstream connection ` +
            `that the backend closes, leaving a TIME_WAIT socket per request; add "${INSERT}" to the location (or to http {})`,
          ...(edits.length > 0 ? { fix: { title: `Insert "${INSERT}"`, safety: 'safe' as const, edits } } : {}),
        });
      }
      for (const [version, uses] of explicit) {
        context.report({
          ...at(version),
          message:
            `${quoteSource(`proxy_http_version ${version.raw}`)} makes every proxied request open a new upstream connection that the backend closes, ` +
            'leaving a TIME_WAIT socket per request and ruling out upstream keepalive; write "proxy_http_version 1.1;"',
          related: [...uses].map((use) => ({ ...at(use.nameToken), message: `${quoteSource(directiveText(use))} uses it` })),
          fix: { title: 'Change to "1.1"', safety: 'safe', edits: [replaceToken(version, '1.1')] },
        });
      }
    }
  },
});
