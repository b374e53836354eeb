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
    rationale:
      'Without `keepalive N;` in the `upstream` block nginx closes every upstream connection itself after the response, even with HTTP/1.1. ' +
      'As the closing side, the proxy host then holds a TIME_WAIT socket per request and can exhaust its ephemeral ports.',
    howToFix: 'Add `keepalive 32;` (sized to the concurrency per worker) to the upstream block, together with `proxy_http_version 1.1;` and `proxy_set_header Connection "";` where it is proxied.',
    incident: '1. Docker Swarm gateway: TIME_WAIT and tcp_tw_recycle behind NAT',
    docsUrl: 'https://nginx.org/en/docs/http/ngx_http_upstream_module.html#keepalive',
    fixable: 'unsafe',
    tags: ['performance', 'time-wait'],
    examples: [
      {
        language: 'nginx',
        bad: 'upstream api {\n    server 10.0.0.5:8080;\n}',
        good: 'upstream api {\n    server 10.0.0.5:8080;\n    keepalive 32;\n}',
      },
    ],
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
