import type { NginxDirective, NginxToken } from '../ast.js';
import type { Upstream } from './index.js';
import { directivesIn } from './scopes.js';

/** Tengine's `ngx_http_upstream_check_module` defaults, from its documentation and source. */
export const CHECK_DEFAULTS = { interval: 30000, rise: 2, fall: 5, timeout: 1000, type: 'tcp', keepaliveRequests: 1 } as const;
export const CHECK_TYPES = ['tcp', 'ssl_hello', 'http', 'mysql', 'ajp', 'fastcgi'] as const;
/** Every `key=` parameter `check` accepts; anything else stops Tengine with "invalid parameter". */
export const CHECK_PARAMETERS = ['interval', 'rise', 'fall', 'timeout', 'default_down', 'type', 'port', 'unique'] as const;

export interface CheckParameter {
  value: string;
  token: NginxToken;
}

export interface HealthCheck {
  upstream: Upstream;
  check: NginxDirective;
  /** `key=value` parameters of `check`, by key (the last one wins, as in Tengine). */
  params: Map<string, CheckParameter>;
  /** Arguments of `check` that are no `key=value` parameter Tengine knows. */
  unknownParams: NginxToken[];
  type: string;
  keepaliveRequests?: { value: number; directive: NginxDirective; token: NginxToken };
  httpSend?: { request: string; directive: NginxDirective; token: NginxToken };
}

/**
 * The value of a Tengine integer parameter as `ngx_atoi` reads it: digits only, no unit, no
 * sign. NaN when Tengine would reject it.
 */
export function checkInteger(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

/** The health check of an upstream group, when it has a `check` directive. */
export function healthCheckOf(upstream: Upstream): HealthCheck | undefined {
  const check = directivesIn(upstream.scope, 'check')[0];
  if (!check) return undefined;
  const params = new Map<string, CheckParameter>();
  const unknownParams: NginxToken[] = [];
  for (const token of check.args) {
    const eq = token.value.indexOf('=');
    const key = eq > 0 ? token.value.slice(0, eq) : '';
    if ((CHECK_PARAMETERS as readonly string[]).includes(key)) params.set(key, { value: token.value.slice(eq + 1), token });
    else unknownParams.push(token);
  }
  const result: HealthCheck = { upstream, check, params, unknownParams, type: params.get('type')?.value ?? CHECK_DEFAULTS.type };
  const keepalive = directivesIn(upstream.scope, 'check_keepalive_requests')[0];
  const keepaliveToken = keepalive?.args[0];
  if (keepalive && keepaliveToken) result.keepaliveRequests = { value: checkInteger(keepaliveToken.value), directive: keepalive, token: keepaliveToken };
  const send = directivesIn(upstream.scope, 'check_http_send')[0];
  const sendToken = send?.args[0];
  if (send && sendToken) result.httpSend = { request: sendToken.value, directive: send, token: sendToken };
  return result;
}

/** Whether `directive` comes before the group's `check` in reading order (Tengine then rejects it). */
export function precedesCheck(health: HealthCheck, directive: NginxDirective): boolean {
  const order = health.upstream.scope.directives;
  return order.indexOf(directive) < order.indexOf(health.check);
}
