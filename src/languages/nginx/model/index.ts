import type { NginxConfig, NginxDirective, NginxToken } from '../ast.js';
import { argCountOf, argValueOf } from '../directive-node.js';
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
  const v6 = address.startsWith('[') ? /^\[([^\]]*)\](?::(\d+))?$/.exec(address) : null;
  if (v6) return { host: v6[1]!, port: v6[2] === undefined ? undefined : Number(v6[2]) };
  const colon = address.lastIndexOf(':');
  if (colon > 0 && /^\d+$/.test(address.slice(colon + 1))) return { host: address.slice(0, colon), port: Number(address.slice(colon + 1)) };
  if (/^\d+$/.test(address)) return { host: '*', port: Number(address) };
  return { host: address, port: undefined };
}

const HTTP: readonly string[] = ['http'];

/** Variables whose value always starts with "/", so that they end the host part of a URL. */
const PATH_VARIABLE = /\$\{?(?:request_uri|uri|document_uri)\b\}?.*$/;

function parseProxyUrl(url: string): { scheme: string; hostPort: string } | undefined {
  const match = /^(https?|grpcs?):\/\/([^/?#]*)/i.exec(url);
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

  // Counted loops here and below: they visit every scope and directive of a large config in code
  // V8 has not optimized yet, where `for…of` costs an iterator step each.
  for (let s = 0; s < scopes.length; s++) {
    const scope = scopes[s]!;
    if (scope.kind === 'upstream' && scope.directive && enclosing(scope.parent ?? scope, HTTP) !== undefined) {
      upstreams.push(readUpstream(scope));
    }
    if (scope.kind === 'map' && scope.directive && scope.directive.args.length >= 2) maps.push(readMap(scope));
    if (scope.kind === 'server' && enclosing(scope, HTTP)) {
      for (const listen of directivesIn(scope, 'listen')) listeners.push(readListener(listen, scope));
    }
  }

  // nginx matches upstream names case-insensitively (ngx_http_upstream_add); a name defined twice
  // in one `http` block resolves to the first definition.
  const upstreamsByHttp = new Map<NginxScope | undefined, Map<string, Upstream>>();
  for (const upstream of upstreams) {
    const http = enclosing(upstream.scope, HTTP);
    let named = upstreamsByHttp.get(http);
    if (!named) {
      named = new Map();
      upstreamsByHttp.set(http, named);
    }
    const key = upstream.name.toLowerCase();
    if (!named.has(key)) named.set(key, upstream);
  }
  const findUpstream = (scope: NginxScope, name: string): Upstream | undefined => upstreamsByHttp.get(enclosing(scope, HTTP))?.get(name.toLowerCase());

  for (let s = 0; s < scopes.length; s++) {
    const scope = scopes[s]!;
    if (!enclosing(scope, HTTP)) continue;
    const directives = scope.directives;
    for (let d = 0; d < directives.length; d++) {
      const directive = directives[d]!;
      if (directive.name !== 'proxy_pass') continue;
      const use: ProxyPass = { directive, scope, dynamic: false };
      // The URL's text, without building argument tokens that only a direct target keeps.
      if (argCountOf(directive) > 0) {
        const urlText = argValueOf(directive, 0);
        use.dynamic = urlText.includes('$');
        const url = parseProxyUrl(urlText);
        if (url && !use.dynamic) {
          const { host, port } = splitHostPort(url.hostPort);
          const upstream = port === undefined ? findUpstream(scope, host) : undefined;
          if (upstream) use.upstream = upstream;
          else use.target = { host, port: port ?? (url.scheme === 'https' ? 443 : 80), token: directive.args[0]! };
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
  const count = argCountOf(directive);
  const { host, port } = splitHostPort(count > 0 ? argValueOf(directive, 0) : '');
  const listener: Listener = { directive, scope, address: host, port };
  for (let i = 1; i < count; i++) {
    const match = /^backlog=(-?\d+)$/.exec(argValueOf(directive, i));
    if (match) listener.backlog = { value: Number(match[1]), token: directive.args[i]! };
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
  return { value: argCountOf(found.directive) > 0 ? argValueOf(found.directive, 0) : fallback, directive: found.directive };
}
