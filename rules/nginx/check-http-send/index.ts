import { at, defineRule, type FindingInput, type HealthCheck, type NginxKit, type NginxToken } from '../../../src/kit/index.js';

const REFERENCE = 'check_http_send "HEAD / HTTP/1.0\\r\\n\\r\\n";';
/** Backends accept bare LF line ends too, so both are read as a line end here. */
const REQUEST_LINE = /^([A-Z]+) (\S+) HTTP\/(\d)\.(\d)\r?\n/;
const END_OF_HEADERS = /\r?\n\r?\n$/;

/** Whether the backend keeps the connection open after answering `request`. */
function keepsConnectionOpen(http11: boolean, headers: string[]): boolean {
  const connection = headers.find((h) => h.startsWith('connection:'))?.slice('connection:'.length);
  const tokens = (connection ?? '').split(',').map((t) => t.trim());
  return http11 ? !tokens.includes('close') : tokens.includes('keep-alive');
}

/** The one problem of an HTTP check request, worst first, or undefined when it is sound. */
function problemOf(nginx: NginxKit, health: HealthCheck, token: NginxToken): Pick<FindingInput, 'message' | 'related'> | undefined {
  const request = token.value;
  const quoted = nginx.quoteSource(`check_http_send ${token.raw}`);
  const requestLine = REQUEST_LINE.exec(request);
  if (!requestLine) {
    return { message: `${quoted} does not start with a request line such as "HEAD / HTTP/1.0\\r\\n", so every backend answers 400 and is marked down; write '${REFERENCE}'` };
  }
  if (!END_OF_HEADERS.test(request)) {
    return { message: `${quoted} does not end with a blank line ("\\r\\n\\r\\n"), so the backend waits for more headers until the check times out and marks it down; end it with "\\r\\n\\r\\n"` };
  }
  const http11 = requestLine[3] === '1' && requestLine[4] === '1';
  const headers = request.split(/\r?\n/).slice(1).map((h) => h.toLowerCase());
  if (http11 && !headers.some((h) => h.startsWith('host:'))) {
    return { message: `${quoted} is HTTP/1.1 without a Host header, which HTTP/1.1 backends answer with 400, so all are marked down; add "Host: …\\r\\n" or write '${REFERENCE}'` };
  }
  const keepalive = health.keepaliveRequests?.value ?? nginx.CHECK_DEFAULTS.keepaliveRequests;
  if (keepalive <= 1 && keepsConnectionOpen(http11, headers)) {
    const setting = health.keepaliveRequests ? `check_keepalive_requests ${health.keepaliveRequests.token.raw}` : 'the default check_keepalive_requests 1';
    return {
      message:
        `${quoted} asks the backend to keep the connection open while ${setting} makes the checker close it after one check, so the proxy always closes first and holds the TIME_WAIT; ` +
        `write '${REFERENCE}' with "check_keepalive_requests 2;"`,
      ...(health.keepaliveRequests ? { related: [{ ...at(health.keepaliveRequests.token), message: 'check_keepalive_requests set here' }] } : {}),
    };
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'nginx/check-http-send',
    layer: 'nginx',
    severity: 'warning',
    summary: 'A Tengine `check_http_send` request that is malformed, rejected, or that forces the proxy to close the connection first.',
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/nginx/check-http-send/README.md',
    tags: ['tengine', 'time-wait'],
  },
  check(context) {
    const { nginx } = context;
    for (const model of nginx.models) {
      for (const upstream of model.upstreams) {
        const health = nginx.healthCheckOf(upstream);
        if (!health) {
          for (const send of nginx.directivesIn(upstream.scope, 'check_http_send')) {
            context.report({ ...at(send.nameToken), message: `check_http_send in upstream "${upstream.name}" has no "check … type=http;" before it, and Tengine refuses to start ("should set [check] first"); add the check first` });
          }
          continue;
        }
        const send = health.httpSend;
        if (!send) continue;
        if (nginx.precedesCheck(health, send.directive)) {
          context.report({
            ...at(send.directive.nameToken),
            message: `check_http_send comes before "check" in upstream "${upstream.name}", and Tengine refuses to start ("should set [check] first"); move it below the check line`,
            related: [{ ...at(health.check.nameToken), message: 'check declared here' }],
          });
          continue;
        }
        if (health.type !== 'http') {
          if (send.request === '') continue;
          const typeToken = health.params.get('type')?.token;
          context.report({
            ...at(send.directive.nameToken),
            message: `check_http_send only works with "type=http", and for this "type=${health.type}" check Tengine refuses to start ("invalid check_http_send for type"); delete it or use type=http`,
            ...(typeToken ? { related: [{ ...at(typeToken), message: 'check type set here' }] } : {}),
          });
          continue;
        }
        const problem = problemOf(nginx, health, send.token);
        if (problem) context.report({ ...at(send.token), ...problem });
      }
    }
  },
});
