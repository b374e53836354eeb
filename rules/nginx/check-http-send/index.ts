import { at, defineRule, type FindingInput } from '../../../src/engine/rule.js';
import { nginxModelOf } from '../../../src/model/nginx/cache.js';
import { CHECK_DEFAULTS, healthCheckOf } from '../../../src/model/nginx/health-check.js';

const REQUEST_LINE = /^([A-Z]+) (\S+) HTTP\/(\d)\.(\d)\r\n/;

export default defineRule({
  meta: {
    id: 'nginx/check-http-send',
    layer: 'nginx',
    severity: 'warning',
    summary: 'A Tengine `check_http_send` request that is malformed or that forces the proxy to close the connection first.',
    rationale:
      'The checker sends the string verbatim. Without the terminating blank line (`\\r\\n\\r\\n`) the backend waits for more headers and the check times out; ' +
      'HTTP/1.1 without a `Host` header earns a 400. An HTTP/1.1 request without `Connection: close` keeps the backend\'s side open, so with `check_keepalive_requests` ≤ 1 the proxy is sure to close first and hold the TIME_WAIT.',
    howToFix: 'Use `check_http_send "HEAD / HTTP/1.0\\r\\n\\r\\n";` with `check_keepalive_requests 2;` — the backend then closes first — or an HTTP/1.1 request with `Host` and `Connection: close`.',
    incident: '3. Tengine health checks: TIME_WAIT pile-up on the proxy',
    docsUrl: 'https://tengine.taobao.org/document/http_upstream_check.html',
    tags: ['tengine', 'time-wait'],
    examples: [
      {
        language: 'nginx',
        bad: 'check interval=5000 rise=2 fall=2 timeout=3000 type=http;\ncheck_http_send "GET /health HTTP/1.1\\r\\n";',
        good: 'check interval=5000 rise=2 fall=2 timeout=3000 type=http;\ncheck_http_send "HEAD / HTTP/1.0\\r\\n\\r\\n";\ncheck_keepalive_requests 2;',
      },
    ],
  },
  check(context) {
    for (const config of context.workspace.nginx) {
      for (const upstream of nginxModelOf(config).upstreams) {
        const health = healthCheckOf(upstream);
        if (!health?.httpSend || health.type !== 'http') continue;
        const { request, token } = health.httpSend;
        const report = (message: string, extra: Partial<FindingInput> = {}) => context.report({ ...at(token), message, ...extra });
        const requestLine = REQUEST_LINE.exec(request);
        if (!requestLine) {
          report(`check_http_send ${token.raw} does not start with a request line like "HEAD / HTTP/1.0\\r\\n"; the backend will reject it`);
          continue;
        }
        if (!request.endsWith('\r\n\r\n')) {
          report(`check_http_send ${token.raw} has no terminating blank line, so the backend waits for more headers until the check times out; end it with "\\r\\n\\r\\n"`);
          continue;
        }
        const http11 = requestLine[3] === '1' && requestLine[4] === '1';
        if (!http11) continue;
        const headers = request.split('\r\n').slice(1).map((h) => h.toLowerCase());
        if (!headers.some((h) => h.startsWith('host:'))) {
          report(`HTTP/1.1 check_http_send ${token.raw} has no Host header, which HTTP/1.1 backends answer with 400; add "Host: …\\r\\n" or use HTTP/1.0`);
          continue;
        }
        const keepalive = health.keepaliveRequests?.value ?? CHECK_DEFAULTS.keepaliveRequests;
        if (keepalive <= 1 && !headers.some((h) => /^connection:\s*close\s*$/.test(h))) {
          report(
            `HTTP/1.1 check_http_send without "Connection: close" keeps the backend's side open while check_keepalive_requests is ${keepalive}, so the proxy closes first and holds the TIME_WAIT; send "HEAD / HTTP/1.0\\r\\n\\r\\n" with check_keepalive_requests 2`,
            health.keepaliveRequests ? { related: [{ ...at(health.keepaliveRequests.token), message: 'check_keepalive_requests set here' }] } : {},
          );
        }
      }
    }
  },
});
