import { at, defineRule, type Upstream } from '../../../src/kit/index.js';

/** Unix-domain sockets have no TIME_WAIT state, so closing them costs no port. */
function onlyUnixSockets(upstream: Upstream): boolean {
  return upstream.servers.length > 0 && upstream.servers.every((server) => server.host.startsWith('unix:'));
}

export default defineRule({
  meta: {
    id: 'nginx/upstream-keepalive-missing',
    layer: 'nginx',
    severity: 'info',
    summary: 'HTTP/1.1 proxying to an upstream group that has no `keepalive` pool.',
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/nginx/upstream-keepalive-missing/README.md',
    fixable: 'unsafe',
    tags: ['performance', 'time-wait'],
  },
  check(context) {
    const { appendToBlock, effectiveValue } = context.nginx;
    for (const model of context.nginx.models) {
      const reported = new Set<Upstream>();
      for (const use of model.proxyPasses) {
        const upstream = use.upstream;
        if (!upstream || upstream.keepalive || reported.has(upstream) || onlyUnixSockets(upstream)) continue;
        if (effectiveValue(use.scope, 'proxy_http_version', '1.0').value !== '1.1') continue;
        reported.add(upstream);
        const edit = appendToBlock(upstream.directive, 'keepalive 32;');
        const name = upstream.directive.args[0] ?? upstream.directive.nameToken;
        context.report({
          ...at(name),
          message:
            `upstream "${upstream.name}" has no keepalive pool, so after each HTTP/1.1 response nginx closes the upstream connection itself ` +
            'and the proxy holds a TIME_WAIT socket per request; add "keepalive 32;" (sized to your concurrency) at the end of the block',
          related: [{ ...at(use.directive.nameToken), message: 'proxied with HTTP/1.1 here' }],
          // The pool size is a judgement call, so the fix is offered as unsafe.
          ...(edit ? { fix: { title: 'Insert "keepalive 32;"', safety: 'unsafe' as const, edits: [edit] } } : {}),
        });
      }
    }
  },
});
