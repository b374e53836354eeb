import type { NginxDirective, NginxToken } from '../../languages/nginx/ast.js';
import type { Upstream } from './index.js';
import { directivesIn } from './scopes.js';

/** Tengine's `ngx_http_upstream_check_module` defaults, from its documentation. */
export const CHECK_DEFAULTS = { interval: 30000, rise: 2, fall: 5, timeout: 1000, type: 'tcp', keepaliveRequests: 1 } as const;
export const CHECK_TYPES = ['tcp', 'ssl_hello', 'http', 'mysql', 'ajp', 'fastcgi'] as const;

export interface HealthCheck {
  upstream: Upstream;
  check: NginxDirective;
  /** `key=value` parameters of `check`, by key. */
  params: Map<string, { value: string; token: NginxToken }>;
  type: string;
  keepaliveRequests?: { value: number; directive: NginxDirective; token: NginxToken };
  httpSend?: { request: string; directive: NginxDirective; token: NginxToken };
}

/** The health check of an upstream group, when it has a `check` directive. */
export function healthCheckOf(upstream: Upstream): HealthCheck | undefined {
  const check = directivesIn(upstream.scope, 'check')[0];
  if (!check) return undefined;
  const params = new Map<string, { value: string; token: NginxToken }>();
  for (const token of check.args) {
    const eq = token.value.indexOf('=');
    if (eq > 0) params.set(token.value.slice(0, eq), { value: token.value.slice(eq + 1), token });
  }
  const result: HealthCheck = { upstream, check, params, type: params.get('type')?.value ?? CHECK_DEFAULTS.type };
  const keepalive = directivesIn(upstream.scope, 'check_keepalive_requests')[0];
  const keepaliveToken = keepalive?.args[0];
  if (keepalive && keepaliveToken) result.keepaliveRequests = { value: Number(keepaliveToken.value), directive: keepalive, token: keepaliveToken };
  const send = directivesIn(upstream.scope, 'check_http_send')[0];
  const sendToken = send?.args[0];
  if (send && sendToken) result.httpSend = { request: sendToken.value, directive: send, token: sendToken };
  return result;
}
