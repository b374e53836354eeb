/**
 * The directive table: what nginx's `ngx_command_t` entries declare for each directive, kept
 * as data. Contexts mirror the NGX_*_CONF flags; argument shapes mirror NGX_CONF_NOARGS,
 * NGX_CONF_TAKE1…7, NGX_CONF_TAKE12/13/123/1234, NGX_CONF_1MORE, NGX_CONF_2MORE, NGX_CONF_FLAG,
 * NGX_CONF_BLOCK and NGX_CONF_ANY.
 */
export type NginxContext =
  | 'main' // NGX_MAIN_CONF (incl. NGX_DIRECT_CONF)
  | 'events' // NGX_EVENT_CONF
  | 'http' // NGX_HTTP_MAIN_CONF
  | 'server' // NGX_HTTP_SRV_CONF
  | 'location' // NGX_HTTP_LOC_CONF
  | 'upstream' // NGX_HTTP_UPS_CONF
  | 'if_server' // NGX_HTTP_SIF_CONF: `if` inside `server`
  | 'if_location' // NGX_HTTP_LIF_CONF: `if` inside `location`
  | 'limit_except' // NGX_HTTP_LMT_CONF
  | 'mail' // NGX_MAIL_MAIN_CONF
  | 'mail_server' // NGX_MAIL_SRV_CONF
  | 'stream' // NGX_STREAM_MAIN_CONF
  | 'stream_server' // NGX_STREAM_SRV_CONF
  | 'stream_upstream' // NGX_STREAM_UPS_CONF
  | 'types' // inside `types {}` (any words; handled by the parser)
  | 'map' // inside `map {}` / `split_clients {}` / `geo {}` / `charset_map {}` etc. (any words)
  | 'match' // `match {}` of the commercial/Tengine health checks
  | 'dso' // Tengine: inside `dso {}` (ngx_dso_module's own parser)
  | 'processes' // Tengine: NGX_PROC_MAIN_CONF, inside `processes {}`
  | 'process'; // Tengine: NGX_PROC_CONF, inside `processes { process name {} }`

export type ArgShape =
  | { kind: 'none' } // NGX_CONF_NOARGS
  | { kind: 'take'; counts: number[] } // NGX_CONF_TAKE1..7 and combinations, e.g. [1, 2]
  | { kind: 'flag' } // NGX_CONF_FLAG: exactly one of on | off
  | { kind: 'atLeast'; min: number } // NGX_CONF_1MORE (1), NGX_CONF_2MORE (2)
  | { kind: 'any' }; // NGX_CONF_ANY

export interface DirectiveSpec {
  name: string;
  contexts: NginxContext[];
  args: ArgShape;
  /** NGX_CONF_BLOCK: the directive must be followed by `{ … }`. */
  block: boolean;
  /** The module that defines it, e.g. `ngx_http_proxy_module`. */
  module: string;
  /** Syntax line as in the nginx docs, e.g. `proxy_http_version 1.0 | 1.1;`. */
  syntax?: string;
  /** Default as in the nginx docs, e.g. `1.0`. */
  default?: string;
  /** Where the entry comes from: nginx version + source file, or Tengine docs/module source. */
  source: string;
  /** `tengine` for directives that only Tengine (or its bundled modules) provides. */
  vendor?: 'nginx' | 'tengine' | 'openresty';
  /** Body of the block is taken verbatim as another language (Lua blocks). */
  rawBlock?: boolean;
  /**
   * The block holds free-form entries parsed by the module itself (`types`, `map`, `geo`,
   * `split_clients`, `charset_map`, …): its lines are not looked up as directives.
   */
  freeBlock?: boolean;
}
