import type { NginxConfig, NginxDirective, NginxToken } from '../../languages/nginx/ast.js';
import { allScopes, buildScopeTree, directivesIn, effectiveDirective, enclosing, type NginxScope } from './scopes.js';

export * from './scopes.js';

export interface UpstreamServer {
  directive: NginxDirective;
  /** `10.0.0.1`, `backend.internal`, `unix:/run/app.sock`. */
  host: string;
  /** Port as written, or 80 when the address has none (nginx's default for upstream servers). */
  port: number | undefined;
  addressToken: NginxToken;
}

export interface Upstream {
  name: string;
  directive: NginxDirective;
  scope: NginxScope;
  servers: UpstreamServer[];
  keepalive?: NginxDirective;
}

export interface ProxyPass {
  directive: NginxDirective;
  scope: NginxScope;
  /** The upstream group the URL names, when it names one defined in the same `http` block. */
  upstream?: Upstream;
  /** Host and port of the URL when it addresses a server directly (no upstream group). */
  target?: { host: string; port: number | undefined; token: NginxToken };
  /** True when the URL holds variables, so its target is only known at run time. */
  dynamic: boolean;
}

export interface Listener {
  directive: NginxDirective;
  scope: NginxScope;
  address: string;
  port: number | undefined;
  /** The `backlog=N` parameter and its value. */
  backlog?: { value: number; token: NginxToken };
}

export interface NginxMap {
  directive: NginxDirective;
  /** Variable the map defines, with `$`. */
  variable: string;
  /** Entries as source → value, `default` included. */
  entries: Map<string, { value: string; directive: NginxDirective }>;
}

export interface NginxModel {
  config: NginxConfig;
  main: NginxScope;
  scopes: NginxScope[];
  upstreams: Upstream[];
  proxyPasses: ProxyPass[];
  listeners: Listener[];
  maps: NginxMap[];
  /** The `upstream` group a name resolves to as seen from `scope` (the same `http` block). */
  findUpstream(scope: NginxScope, name: string): Upstream | undefined;
}

/** Splits `host:port`, `[v6]:port`, `unix:/path`, `host`. */
export function splitHostPort(address: string): { host: string; port: number | undefined } {
  if (address.startsWith('unix:')) return { host: address, port: undefined };
  const v6 = /^\[([^\]]*)\](?::(\d+))?$/.exec(address);
  if (v6) return { host: v6[1]!, port: v6[2] === undefined ? undefined : Number(v6[2]) };
  const colon = address.lastIndexOf(':');
  if (colon > 0 && /^\d+$/.test(address.slice(colon + 1))) return { host: address.slice(0, colon), port: Number(address.slice(colon + 1)) };
  if (/^\d+$/.test(address)) return { host: '*', port: Number(address) };
  return { host: address, port: undefined };
}

/** Variables whose value always starts with "/", so that they end the host part of a URL. */
const PATH_VARIABLE = /\$\{?(?:request_uri|uri|document_uri)\b\}?.*$/;

function parseProxyUrl(token: NginxToken): { scheme: string; hostPort: string } | undefined {
  const match = /^(https?|grpcs?):\/\/([^/?#]*)/i.exec(token.value);
  if (!match) return undefined;
  return { scheme: match[1]!.toLowerCase(), hostPort: match[2]! };
}

export function buildNginxModel(config: NginxConfig, rootContext: readonly string[] = config.context ?? []): NginxModel {
  const main = buildScopeTree(config, rootContext);
  const scopes = allScopes(main);
  const upstreams: Upstream[] = [];
  const listeners: Listener[] = [];
  const maps: NginxMap[] = [];
  const proxyPasses: ProxyPass[] = [];

  for (const scope of scopes) {
    if (scope.kind === 'upstream' && scope.directive && enclosing(scope.parent ?? scope, ['http']) !== undefined) {
      upstreams.push(readUpstream(scope));
    }
    if (scope.kind === 'map' && scope.directive && scope.directive.args.length >= 2) maps.push(readMap(scope));
    if (scope.kind === 'server' && enclosing(scope, ['http'])) {
      for (const listen of directivesIn(scope, 'listen')) listeners.push(readListener(listen, scope));
    }
  }

  const findUpstream = (scope: NginxScope, name: string): Upstream | undefined => {
    const http = enclosing(scope, ['http']);
    // nginx matches upstream names case-insensitively (ngx_http_upstream_add).
    const wanted = name.toLowerCase();
    return upstreams.find((u) => u.name.toLowerCase() === wanted && enclosing(u.scope, ['http']) === http);
  };

  for (const scope of scopes) {
    if (!enclosing(scope, ['http'])) continue;
    for (const directive of directivesIn(scope, 'proxy_pass')) {
      const urlToken = directive.args[0];
      const use: ProxyPass = { directive, scope, dynamic: false };
      if (urlToken) {
        use.dynamic = urlToken.value.includes('$');
        const url = parseProxyUrl(urlToken);
        if (url && !use.dynamic) {
          const { host, port } = splitHostPort(url.hostPort);
          const upstream = port === undefined ? findUpstream(scope, host) : undefined;
          if (upstream) use.upstream = upstream;
          else use.target = { host, port: port ?? (url.scheme === 'https' ? 443 : 80), token: urlToken };
        } else if (url && use.dynamic) {
          // A variable only in the path still names a fixed upstream group or server; so does
          // one right after the host that always starts with "/" (`http://api$request_uri`).
          const hostPort = url.hostPort.replace(PATH_VARIABLE, '');
          const { host, port } = splitHostPort(hostPort);
          const upstream = port === undefined && !hostPort.includes('$') ? findUpstream(scope, host) : undefined;
          if (upstream) use.upstream = upstream;
        }
      }
      proxyPasses.push(use);
    }
  }

  return { config, main, scopes, upstreams, proxyPasses, listeners, maps, findUpstream };
}

function readUpstream(scope: NginxScope): Upstream {
  const directive = scope.directive!;
  const servers: UpstreamServer[] = [];
  for (const server of directivesIn(scope, 'server')) {
    const addressToken = server.args[0];
    if (!addressToken) continue;
    const { host, port } = splitHostPort(addressToken.value);
    servers.push({ directive: server, host, port: host.startsWith('unix:') ? undefined : (port ?? 80), addressToken });
  }
  const upstream: Upstream = { name: directive.args[0]?.value ?? '', directive, scope, servers };
  const keepalive = directivesIn(scope, 'keepalive')[0];
  if (keepalive) upstream.keepalive = keepalive;
  return upstream;
}

function readListener(directive: NginxDirective, scope: NginxScope): Listener {
  const { host, port } = splitHostPort(directive.args[0]?.value ?? '');
  const listener: Listener = { directive, scope, address: host, port };
  for (const arg of directive.args.slice(1)) {
    const match = /^backlog=(-?\d+)$/.exec(arg.value);
    if (match) listener.backlog = { value: Number(match[1]), token: arg };
  }
  return listener;
}

function readMap(scope: NginxScope): NginxMap {
  const directive = scope.directive!;
  const entries = new Map<string, { value: string; directive: NginxDirective }>();
  for (const entry of scope.directives) {
    // Inside `map {}` the "name" is the source value and the first argument the result.
    if (entry.args.length >= 1 && !['hostnames', 'volatile'].includes(entry.name)) {
      entries.set(entry.name, { value: entry.args[0]!.value, directive: entry });
    }
  }
  return { directive, variable: directive.args[1]!.value, entries };
}

/** The effective value of a single-valued directive's first argument, or `fallback` (nginx's default). */
export function effectiveValue(scope: NginxScope, name: string, fallback: string): { value: string; directive?: NginxDirective } {
  const found = effectiveDirective(scope, name);
  if (!found) return { value: fallback };
  return { value: found.directive.args[0]?.value ?? fallback, directive: found.directive };
}
