/**
 * Directives that only Tengine (alibaba/tengine) and the modules bundled in its tree provide.
 * Flags come from each module's `ngx_command_t` table in the Tengine source where it was
 * read (`source` names the file); entries whose source is a Tengine document were taken from
 * its Syntax/Default/Context lines.
 */
import type { DirectiveSpec } from './types.js';

const TENGINE = 'tengine';
const src = (path: string): string => `${TENGINE} ${path}`;
const CHECK = src('modules/ngx_http_upstream_check_module/ngx_http_upstream_check_module.c; tengine.taobao.org/document/http_upstream_check.html');
const STICKY = src('modules/ngx_http_upstream_session_sticky_module/ngx_http_upstream_session_sticky_module.c; tengine.taobao.org/document/http_upstream_session_sticky.html');
const REQSTAT = src('modules/ngx_http_reqstat_module/ngx_http_reqstat_module.c; tengine.taobao.org/document/http_reqstat.html');
const TRIM = src('src/http/modules/ngx_http_trim_filter_module.c; tengine.taobao.org/document/http_trim_filter.html');
const FOOTER = src('modules/ngx_http_footer_filter_module/ngx_http_footer_filter_module.c; tengine.taobao.org/document/http_footer_filter.html');
const CONCAT = src('modules/ngx_http_concat_module/ngx_http_concat_module.c; tengine.taobao.org/document/http_concat.html');
const SYSGUARD = src('modules/ngx_http_sysguard_module/ngx_http_sysguard_module.c; tengine.taobao.org/document/http_sysguard.html');
const CONNECT = src('modules/ngx_http_proxy_connect_module/ngx_http_proxy_connect_module.c; docs/modules/ngx_http_proxy_connect_module.md');
const DYUPS = src('docs/modules/ngx_http_upstream_dyups_module.md');
const CORE = src('docs/modules/ngx_http_core_module.md; tengine.taobao.org/document/http_core.html');
const HTTP_CORE_C = src('src/http/ngx_http_core_module.c');
const CORE_C = src('src/core/nginx.c');
const PROCS = src('src/proc/ngx_proc.c; docs/modules/ngx_procs_module.md');
const DSO = src('src/core/ngx_dso_module.c; docs/modules/ngx_dso_module.md');
const LIMIT_TCP = src('src/event/ngx_limit_tcp_module.c; docs/modules/ngx_limit_tcp_module.md');
const BACKTRACE = src('modules/ngx_backtrace_module/ngx_backtrace_module.c; docs/modules/ngx_backtrace_module.md');
const SLICE = src('modules/ngx_http_slice_module/ngx_http_slice_module.c');
const UPSTREAM_TRIES = src('docs/modules/ngx_limit_upstream.md');

const HSL: DirectiveSpec['contexts'] = ['http', 'server', 'location'];

export const TENGINE_DIRECTIVES: DirectiveSpec[] = [
  // ngx_http_upstream_check_module
  { name: 'check', contexts: ['upstream'], args: { kind: 'atLeast', min: 1 }, block: false, module: 'ngx_http_upstream_check_module', syntax: 'check interval=milliseconds [fall=count] [rise=count] [timeout=milliseconds] [default_down=true|false] [type=tcp|ssl_hello|http|mysql|ajp|fastcgi] [port=check_port];', default: 'interval=30000 fall=5 rise=2 timeout=1000 default_down=true type=tcp', source: CHECK, vendor: 'tengine' },
  { name: 'check_keepalive_requests', contexts: ['upstream'], args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_upstream_check_module', syntax: 'check_keepalive_requests num;', default: '1', source: CHECK, vendor: 'tengine' },
  { name: 'check_http_send', contexts: ['upstream'], args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_upstream_check_module', syntax: 'check_http_send http_packet;', default: '"GET / HTTP/1.0\\r\\n\\r\\n"', source: CHECK, vendor: 'tengine' },
  { name: 'check_http_expect_alive', contexts: ['upstream'], args: { kind: 'atLeast', min: 1 }, block: false, module: 'ngx_http_upstream_check_module', syntax: 'check_http_expect_alive [ http_2xx | http_3xx | http_4xx | http_5xx ];', default: 'http_2xx | http_3xx', source: CHECK, vendor: 'tengine' },
  { name: 'check_fastcgi_param', contexts: ['upstream'], args: { kind: 'take', counts: [2] }, block: false, module: 'ngx_http_upstream_check_module', syntax: 'check_fastcgi_param parameter value;', source: CHECK, vendor: 'tengine' },
  { name: 'check_shm_size', contexts: ['http'], args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_upstream_check_module', syntax: 'check_shm_size size;', default: '1M', source: CHECK, vendor: 'tengine' },
  { name: 'check_status', contexts: ['server', 'location'], args: { kind: 'take', counts: [0, 1] }, block: false, module: 'ngx_http_upstream_check_module', syntax: 'check_status [html|csv|json];', source: CHECK, vendor: 'tengine' },

  // ngx_http_upstream_session_sticky_module
  { name: 'session_sticky', contexts: ['upstream'], args: { kind: 'any' }, block: false, module: 'ngx_http_upstream_session_sticky_module', syntax: 'session_sticky [cookie=name] [domain=your_domain] [path=your_path] [maxage=time] [mode=insert|rewrite|prefix] [option=indirect] [maxidle=time] [maxlife=time] [fallback=on|off] [hash=plain|md5];', default: 'cookie=route mode=insert fallback=on', source: STICKY, vendor: 'tengine' },
  { name: 'session_sticky_hide_cookie', contexts: HSL, args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_upstream_session_sticky_module', syntax: 'session_sticky_hide_cookie upstream=name;', source: STICKY, vendor: 'tengine' },
  { name: 'session_sticky_header', contexts: HSL, args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_upstream_session_sticky_module', syntax: 'session_sticky_header upstream=name;', source: STICKY, vendor: 'tengine' },

  // ngx_http_upstream_consistent_hash_module
  { name: 'consistent_hash', contexts: ['upstream'], args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_upstream_consistent_hash_module', syntax: 'consistent_hash variable_name;', source: src('modules/ngx_http_upstream_consistent_hash_module/ngx_http_upstream_consistent_hash_module.c; docs/modules/ngx_http_upstream_consistent_hash_module.md'), vendor: 'tengine' },

  // ngx_http_upstream_dynamic_module
  { name: 'dynamic_resolve', contexts: ['upstream'], args: { kind: 'take', counts: [0, 1, 2] }, block: false, module: 'ngx_http_upstream_dynamic_module', syntax: 'dynamic_resolve [fallback=stale|next|shutdown] [fail_timeout=time];', source: src('modules/ngx_http_upstream_dynamic_module/ngx_http_upstream_dynamic_module.c; docs/modules/ngx_http_upstream_dynamic.md'), vendor: 'tengine' },

  // ngx_http_upstream_vnswrr_module
  { name: 'vnswrr', contexts: ['upstream'], args: { kind: 'take', counts: [0, 1] }, block: false, module: 'ngx_http_upstream_vnswrr_module', syntax: 'vnswrr [max_init=number];', source: src('docs/modules/ngx_http_upstream_vnswrr_module.md'), vendor: 'tengine' },

  // ngx_http_upstream_iwrr_module (the document shows `[max_init=number]`; the command takes none)
  { name: 'iwrr', contexts: ['upstream'], args: { kind: 'none' }, block: false, module: 'ngx_http_upstream_iwrr_module', syntax: 'iwrr;', source: src('modules/ngx_http_upstream_iwrr_module/ngx_http_upstream_iwrr_module.c; docs/modules/ngx_http_upstream_iwrr_module.md'), vendor: 'tengine' },

  // ngx_http_upstream_dyups_module
  { name: 'dyups_interface', contexts: ['location'], args: { kind: 'none' }, block: false, module: 'ngx_http_upstream_dyups_module', syntax: 'dyups_interface;', source: DYUPS, vendor: 'tengine' },
  { name: 'dyups_read_msg_timeout', contexts: ['http'], args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_upstream_dyups_module', syntax: 'dyups_read_msg_timeout time;', default: '1s', source: DYUPS, vendor: 'tengine' },
  { name: 'dyups_shm_zone_size', contexts: ['http'], args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_upstream_dyups_module', syntax: 'dyups_shm_zone_size size;', default: '2MB', source: DYUPS, vendor: 'tengine' },
  { name: 'dyups_upstream_conf', contexts: ['http'], args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_upstream_dyups_module', syntax: 'dyups_upstream_conf path;', source: DYUPS, vendor: 'tengine' },
  { name: 'dyups_trylock', contexts: ['http'], args: { kind: 'flag' }, block: false, module: 'ngx_http_upstream_dyups_module', syntax: 'dyups_trylock on | off;', default: 'off', source: DYUPS, vendor: 'tengine' },
  { name: 'dyups_read_msg_log', contexts: ['http'], args: { kind: 'flag' }, block: false, module: 'ngx_http_upstream_dyups_module', syntax: 'dyups_read_msg_log on | off;', default: 'off', source: DYUPS, vendor: 'tengine' },

  // ngx_http_reqstat_module
  { name: 'req_status_zone', contexts: ['http'], args: { kind: 'atLeast', min: 2 }, block: false, module: 'ngx_http_reqstat_module', syntax: 'req_status_zone zone_name value size;', source: REQSTAT, vendor: 'tengine' },
  { name: 'req_status', contexts: HSL, args: { kind: 'atLeast', min: 1 }, block: false, module: 'ngx_http_reqstat_module', syntax: 'req_status zone_name1 [zone_name2 [zone_name3 [...]]];', source: REQSTAT, vendor: 'tengine' },
  { name: 'req_status_lazy', contexts: HSL, args: { kind: 'flag' }, block: false, module: 'ngx_http_reqstat_module', syntax: 'req_status_lazy on | off;', default: 'off', source: REQSTAT, vendor: 'tengine' },
  { name: 'req_status_bypass', contexts: HSL, args: { kind: 'atLeast', min: 1 }, block: false, module: 'ngx_http_reqstat_module', syntax: 'req_status_bypass condition ...;', source: REQSTAT, vendor: 'tengine' },
  { name: 'req_status_show', contexts: ['location'], args: { kind: 'any' }, block: false, module: 'ngx_http_reqstat_module', syntax: 'req_status_show [zone_name1 [zone_name2 [...]]];', source: REQSTAT, vendor: 'tengine' },
  { name: 'req_status_show_field', contexts: ['location'], args: { kind: 'atLeast', min: 1 }, block: false, module: 'ngx_http_reqstat_module', syntax: 'req_status_show_field field_name1 [field_name2 [field_name3 [...]]];', source: REQSTAT, vendor: 'tengine' },
  { name: 'req_status_zone_add_indicator', contexts: ['http'], args: { kind: 'atLeast', min: 2 }, block: false, module: 'ngx_http_reqstat_module', syntax: 'req_status_zone_add_indicator zone_name $var1 [$var2 [...]];', source: REQSTAT, vendor: 'tengine' },
  { name: 'req_status_zone_key_length', contexts: ['http'], args: { kind: 'take', counts: [2] }, block: false, module: 'ngx_http_reqstat_module', syntax: 'req_status_zone_key_length zone_name length;', source: REQSTAT, vendor: 'tengine' },
  { name: 'req_status_zone_recycle', contexts: ['http'], args: { kind: 'take', counts: [3] }, block: false, module: 'ngx_http_reqstat_module', syntax: 'req_status_zone_recycle zone_name times seconds;', source: REQSTAT, vendor: 'tengine' },
  { name: 'req_prome_status_zone', contexts: ['http'], args: { kind: 'atLeast', min: 2 }, block: false, module: 'ngx_http_reqstat_module', source: REQSTAT, vendor: 'tengine' },
  { name: 'req_status_prome', contexts: ['server', 'location'], args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_reqstat_module', source: REQSTAT, vendor: 'tengine' },

  // ngx_http_trim_filter_module
  { name: 'trim', contexts: HSL, args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_trim_filter_module', syntax: 'trim on | off;', default: 'off', source: TRIM, vendor: 'tengine' },
  { name: 'trim_js', contexts: HSL, args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_trim_filter_module', syntax: 'trim_js on | off;', default: 'off', source: TRIM, vendor: 'tengine' },
  { name: 'trim_css', contexts: HSL, args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_trim_filter_module', syntax: 'trim_css on | off;', default: 'off', source: TRIM, vendor: 'tengine' },
  { name: 'trim_types', contexts: HSL, args: { kind: 'atLeast', min: 1 }, block: false, module: 'ngx_http_trim_filter_module', syntax: 'trim_types MIME types;', default: 'text/html', source: TRIM, vendor: 'tengine' },

  // ngx_http_footer_filter_module
  { name: 'footer', contexts: HSL, args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_footer_filter_module', syntax: 'footer string;', source: FOOTER, vendor: 'tengine' },
  { name: 'footer_types', contexts: HSL, args: { kind: 'atLeast', min: 1 }, block: false, module: 'ngx_http_footer_filter_module', syntax: 'footer_types MIME types;', default: 'text/html', source: FOOTER, vendor: 'tengine' },

  // ngx_http_concat_module
  { name: 'concat', contexts: HSL, args: { kind: 'flag' }, block: false, module: 'ngx_http_concat_module', syntax: 'concat on | off;', default: 'off', source: CONCAT, vendor: 'tengine' },
  { name: 'concat_max_files', contexts: HSL, args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_concat_module', syntax: 'concat_max_files number;', default: '10', source: CONCAT, vendor: 'tengine' },
  { name: 'concat_unique', contexts: HSL, args: { kind: 'flag' }, block: false, module: 'ngx_http_concat_module', syntax: 'concat_unique on | off;', default: 'on', source: CONCAT, vendor: 'tengine' },
  { name: 'concat_types', contexts: HSL, args: { kind: 'atLeast', min: 1 }, block: false, module: 'ngx_http_concat_module', syntax: 'concat_types MIME types;', default: 'text/css application/x-javascript', source: CONCAT, vendor: 'tengine' },
  { name: 'concat_delimiter', contexts: HSL, args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_concat_module', syntax: 'concat_delimiter string;', source: CONCAT, vendor: 'tengine' },
  { name: 'concat_ignore_file_error', contexts: HSL, args: { kind: 'flag' }, block: false, module: 'ngx_http_concat_module', syntax: 'concat_ignore_file_error on | off;', default: 'off', source: CONCAT, vendor: 'tengine' },

  // ngx_http_sysguard_module
  { name: 'sysguard', contexts: HSL, args: { kind: 'flag' }, block: false, module: 'ngx_http_sysguard_module', syntax: 'sysguard on | off;', default: 'off', source: SYSGUARD, vendor: 'tengine' },
  { name: 'sysguard_mode', contexts: HSL, args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_sysguard_module', syntax: 'sysguard_mode and | or;', default: 'or', source: SYSGUARD, vendor: 'tengine' },
  { name: 'sysguard_load', contexts: HSL, args: { kind: 'take', counts: [1, 2] }, block: false, module: 'ngx_http_sysguard_module', syntax: 'sysguard_load load=[ncpu*]number [action=/url];', source: SYSGUARD, vendor: 'tengine' },
  { name: 'sysguard_mem', contexts: HSL, args: { kind: 'take', counts: [1, 2] }, block: false, module: 'ngx_http_sysguard_module', syntax: 'sysguard_mem [swapratio=ratio%] [free=size] [action=/url];', source: SYSGUARD, vendor: 'tengine' },
  { name: 'sysguard_cpu', contexts: HSL, args: { kind: 'take', counts: [1, 2, 3] }, block: false, module: 'ngx_http_sysguard_module', syntax: 'sysguard_cpu usage=number [period=time] [action=/url];', source: src('modules/ngx_http_sysguard_module/ngx_http_sysguard_module.c; docs/modules/ngx_http_sysguard.md'), vendor: 'tengine' },
  { name: 'sysguard_rt', contexts: HSL, args: { kind: 'take', counts: [1, 2, 3] }, block: false, module: 'ngx_http_sysguard_module', syntax: 'sysguard_rt [rt=seconds] [period=time] [action=/url];', source: src('modules/ngx_http_sysguard_module/ngx_http_sysguard_module.c; docs/modules/ngx_http_sysguard.md'), vendor: 'tengine' },
  { name: 'sysguard_interval', contexts: HSL, args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_sysguard_module', syntax: 'sysguard_interval time;', default: '1s', source: SYSGUARD, vendor: 'tengine' },
  { name: 'sysguard_log_level', contexts: HSL, args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_sysguard_module', syntax: 'sysguard_log_level info | notice | warn | error;', default: 'error', source: SYSGUARD, vendor: 'tengine' },

  // ngx_http_user_agent_module
  { name: 'user_agent', contexts: ['http'], args: { kind: 'take', counts: [1] }, block: true, module: 'ngx_http_user_agent_module', syntax: 'user_agent $variable_name { ... }', source: src('modules/ngx_http_user_agent_module/ngx_http_user_agent_module.c; docs/modules/ngx_http_user_agent.md'), vendor: 'tengine', freeBlock: true },

  // ngx_http_proxy_connect_module
  { name: 'proxy_connect', contexts: ['server'], args: { kind: 'none' }, block: false, module: 'ngx_http_proxy_connect_module', syntax: 'proxy_connect;', source: CONNECT, vendor: 'tengine' },
  { name: 'proxy_connect_allow', contexts: ['server'], args: { kind: 'atLeast', min: 1 }, block: false, module: 'ngx_http_proxy_connect_module', syntax: 'proxy_connect_allow all | [port ...] | [port-range ...];', default: '443 563', source: CONNECT, vendor: 'tengine' },
  { name: 'proxy_connect_data_timeout', contexts: ['http', 'server'], args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_proxy_connect_module', syntax: 'proxy_connect_data_timeout time;', default: '60s', source: CONNECT, vendor: 'tengine' },
  { name: 'proxy_connect_read_timeout', contexts: ['http', 'server'], args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_proxy_connect_module', syntax: 'proxy_connect_read_timeout time;', default: '60s', source: CONNECT, vendor: 'tengine' },
  { name: 'proxy_connect_send_timeout', contexts: ['http', 'server'], args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_proxy_connect_module', syntax: 'proxy_connect_send_timeout time;', default: '60s', source: CONNECT, vendor: 'tengine' },
  { name: 'proxy_connect_connect_timeout', contexts: ['http', 'server'], args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_proxy_connect_module', syntax: 'proxy_connect_connect_timeout time;', source: CONNECT, vendor: 'tengine' },
  { name: 'proxy_connect_send_lowat', contexts: ['http', 'server'], args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_proxy_connect_module', syntax: 'proxy_connect_send_lowat size;', default: '0', source: CONNECT, vendor: 'tengine' },
  { name: 'proxy_connect_address', contexts: ['http', 'server'], args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_proxy_connect_module', syntax: 'proxy_connect_address address | off;', default: 'none', source: CONNECT, vendor: 'tengine' },
  { name: 'proxy_connect_bind', contexts: ['http', 'server'], args: { kind: 'take', counts: [1, 2] }, block: false, module: 'ngx_http_proxy_connect_module', syntax: 'proxy_connect_bind address [transparent] | off;', default: 'none', source: CONNECT, vendor: 'tengine' },
  { name: 'proxy_connect_response', contexts: ['http', 'server'], args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_proxy_connect_module', syntax: 'proxy_connect_response CONNECT response;', source: CONNECT, vendor: 'tengine' },

  // Tengine additions to ngx_http_core_module and ngx_http_ssl_module
  { name: 'server_tag', contexts: HSL, args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_core_module', syntax: 'server_tag off | string;', source: CORE, vendor: 'tengine' },
  { name: 'server_info', contexts: HSL, args: { kind: 'flag' }, block: false, module: 'ngx_http_core_module', syntax: 'server_info on | off;', default: 'on', source: CORE, vendor: 'tengine' },
  { name: 'client_body_buffers', contexts: HSL, args: { kind: 'take', counts: [2] }, block: false, module: 'ngx_http_core_module', syntax: 'client_body_buffers number size;', default: '16 4k/8k', source: CORE, vendor: 'tengine' },
  { name: 'client_body_postpone_size', contexts: HSL, args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_core_module', syntax: 'client_body_postpone_size size;', default: '64k', source: CORE, vendor: 'tengine' },
  { name: 'ssl_async', contexts: ['http', 'server'], args: { kind: 'flag' }, block: false, module: 'ngx_http_ssl_module', syntax: 'ssl_async on | off;', default: 'off', source: src('docs/modules/ngx_http_ssl_asynchronous_mode.md; tengine.taobao.org/document/ngx_http_ssl_asynchronous_mode.html'), vendor: 'tengine' },
  { name: 'retry_cached_connection', contexts: HSL, args: { kind: 'flag' }, block: false, module: 'ngx_http_core_module', syntax: 'retry_cached_connection on | off;', source: HTTP_CORE_C, vendor: 'tengine' },
  { name: 'request_time_cache', contexts: HSL, args: { kind: 'flag' }, block: false, module: 'ngx_http_core_module', syntax: 'request_time_cache on | off;', source: HTTP_CORE_C, vendor: 'tengine' },
  { name: 'resolver_file', contexts: HSL, args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_core_module', syntax: 'resolver_file file;', source: HTTP_CORE_C, vendor: 'tengine' },
  { name: 'server_admin', contexts: ['http', 'server'], args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_core_module', syntax: 'server_admin admin;', source: HTTP_CORE_C, vendor: 'tengine' },
  { name: 'ssl_verify_client_exception', contexts: ['location'], args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_ssl_module', syntax: 'ssl_verify_client_exception on | off;', source: src('src/http/modules/ngx_http_ssl_module.c'), vendor: 'tengine' },
  { name: 'limit_req_whitelist', contexts: HSL, args: { kind: 'take', counts: [2] }, block: false, module: 'ngx_http_limit_req_module', syntax: 'limit_req_whitelist geo_var_name=name geo_var_value=value;', source: src('src/http/modules/ngx_http_limit_req_module.c; docs/modules/ngx_http_limit_req_module.md'), vendor: 'tengine' },
  { name: 'proxy_header_merge_method', contexts: ['http'], args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_proxy_module', syntax: 'proxy_header_merge_method default | append_not_set;', default: 'default', source: src('docs/modules/ngx_http_proxy_module_cn.md'), vendor: 'tengine' },

  // Tengine's limit on upstream tries, kept as an alias of *_next_upstream_tries (alibaba/tengine#1199)
  { name: 'proxy_upstream_tries', contexts: HSL, args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_proxy_module', syntax: 'proxy_upstream_tries num;', source: UPSTREAM_TRIES, vendor: 'tengine' },
  { name: 'fastcgi_upstream_tries', contexts: HSL, args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_fastcgi_module', syntax: 'fastcgi_upstream_tries num;', source: UPSTREAM_TRIES, vendor: 'tengine' },
  { name: 'memcached_upstream_tries', contexts: HSL, args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_memcached_module', syntax: 'memcached_upstream_tries num;', source: UPSTREAM_TRIES, vendor: 'tengine' },
  { name: 'scgi_upstream_tries', contexts: HSL, args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_scgi_module', syntax: 'scgi_upstream_tries num;', source: UPSTREAM_TRIES, vendor: 'tengine' },
  { name: 'uwsgi_upstream_tries', contexts: HSL, args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_uwsgi_module', syntax: 'uwsgi_upstream_tries num;', source: UPSTREAM_TRIES, vendor: 'tengine' },

  // ngx_http_slice_module (Tengine's own; nginx's `slice size;` is ngx_http_slice_filter_module)
  { name: 'slice', contexts: ['location'], args: { kind: 'none' }, block: false, module: 'ngx_http_slice_module', syntax: 'slice;', source: SLICE, vendor: 'tengine' },
  { name: 'slice_arg_begin', contexts: HSL, args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_slice_module', syntax: 'slice_arg_begin string;', default: 'begin', source: SLICE, vendor: 'tengine' },
  { name: 'slice_arg_end', contexts: HSL, args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_slice_module', syntax: 'slice_arg_end string;', default: 'end', source: SLICE, vendor: 'tengine' },
  { name: 'slice_header', contexts: HSL, args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_slice_module', syntax: 'slice_header string;', source: SLICE, vendor: 'tengine' },
  { name: 'slice_footer', contexts: HSL, args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_http_slice_module', syntax: 'slice_footer string;', source: SLICE, vendor: 'tengine' },
  { name: 'slice_header_first', contexts: HSL, args: { kind: 'flag' }, block: false, module: 'ngx_http_slice_module', syntax: 'slice_header_first on | off;', default: 'on', source: SLICE, vendor: 'tengine' },
  { name: 'slice_footer_last', contexts: HSL, args: { kind: 'flag' }, block: false, module: 'ngx_http_slice_module', syntax: 'slice_footer_last on | off;', default: 'on', source: SLICE, vendor: 'tengine' },

  // Introspection handlers; the commands are NGX_HTTP_LOC_CONF only (the debug_pool document also lists server)
  { name: 'debug_pool', contexts: ['location'], args: { kind: 'none' }, block: false, module: 'ngx_http_debug_pool_module', syntax: 'debug_pool;', source: src('modules/ngx_debug_pool/ngx_http_debug_pool_module.c; docs/modules/ngx_debug_pool.md'), vendor: 'tengine' },
  { name: 'debug_conn', contexts: ['location'], args: { kind: 'none' }, block: false, module: 'ngx_http_debug_conn_module', syntax: 'debug_conn;', source: src('modules/ngx_debug_conn/ngx_http_debug_conn_module.c'), vendor: 'tengine' },
  { name: 'debug_timer', contexts: ['location'], args: { kind: 'none' }, block: false, module: 'ngx_http_debug_timer_module', syntax: 'debug_timer;', source: src('modules/ngx_debug_timer/ngx_http_debug_timer_module.c'), vendor: 'tengine' },
  { name: 'slab_stat', contexts: ['location'], args: { kind: 'none' }, block: false, module: 'ngx_http_slab_stat_module', syntax: 'slab_stat;', source: src('modules/ngx_slab_stat/ngx_http_slab_stat_module.c'), vendor: 'tengine' },

  // Tengine additions to ngx_core_module
  { name: 'master_env', contexts: ['main'], args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_core_module', syntax: 'master_env variable[=value];', source: CORE_C, vendor: 'tengine' },
  { name: 'worker_rlimit_sigpending', contexts: ['main'], args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_core_module', syntax: 'worker_rlimit_sigpending number;', source: CORE_C, vendor: 'tengine' },

  // ngx_backtrace_module
  { name: 'backtrace_log', contexts: ['main'], args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_backtrace_module', syntax: 'backtrace_log log_path;', default: 'error.log', source: BACKTRACE, vendor: 'tengine' },
  { name: 'backtrace_max_stack_size', contexts: ['main'], args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_backtrace_module', syntax: 'backtrace_max_stack_size size;', default: '30', source: BACKTRACE, vendor: 'tengine' },

  // ngx_limit_tcp_module
  { name: 'limit_tcp', contexts: ['main'], args: { kind: 'atLeast', min: 2 }, block: false, module: 'ngx_limit_tcp_module', syntax: 'limit_tcp [addr:]port ... [rate=rate] [burst=number] [nodelay] [name=zone:size] [concurrent=number];', source: LIMIT_TCP, vendor: 'tengine' },
  { name: 'limit_tcp_allow', contexts: ['main'], args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_limit_tcp_module', syntax: 'limit_tcp_allow address | CIDR | all;', source: LIMIT_TCP, vendor: 'tengine' },
  { name: 'limit_tcp_deny', contexts: ['main'], args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_limit_tcp_module', syntax: 'limit_tcp_deny address | CIDR | all;', source: LIMIT_TCP, vendor: 'tengine' },

  // ngx_procs_module and ngx_proc_core_module: standalone processes
  { name: 'processes', contexts: ['main'], args: { kind: 'none' }, block: true, module: 'ngx_procs_module', syntax: 'processes { ... }', source: PROCS, vendor: 'tengine' },
  { name: 'process', contexts: ['processes'], args: { kind: 'take', counts: [1] }, block: true, module: 'ngx_proc_core_module', syntax: 'process name { ... }', source: PROCS, vendor: 'tengine' },
  { name: 'count', contexts: ['process'], args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_proc_core_module', syntax: 'count num;', default: '1', source: PROCS, vendor: 'tengine' },
  { name: 'priority', contexts: ['process'], args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_proc_core_module', syntax: 'priority num;', default: '0', source: PROCS, vendor: 'tengine' },
  { name: 'delay_start', contexts: ['process'], args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_proc_core_module', syntax: 'delay_start time;', default: '300ms', source: PROCS, vendor: 'tengine' },
  { name: 'respawn', contexts: ['process'], args: { kind: 'flag' }, block: false, module: 'ngx_proc_core_module', syntax: 'respawn on | off;', default: 'on', source: PROCS, vendor: 'tengine' },

  // ngx_dso_module: its block is read by the module's own handler, which knows these four
  // words (`include` among them, checked like any include)
  { name: 'dso', contexts: ['main'], args: { kind: 'none' }, block: true, module: 'ngx_dso_module', syntax: 'dso { ... }', source: DSO, vendor: 'tengine' },
  { name: 'load', contexts: ['dso'], args: { kind: 'take', counts: [1, 2] }, block: false, module: 'ngx_dso_module', syntax: 'load [module_name] module_path;', source: DSO, vendor: 'tengine' },
  { name: 'path', contexts: ['dso'], args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_dso_module', syntax: 'path path;', default: 'NGX_PREFIX/modules', source: DSO, vendor: 'tengine' },
  { name: 'module_stub', contexts: ['dso'], args: { kind: 'take', counts: [1] }, block: false, module: 'ngx_dso_module', syntax: 'module_stub module_name;', source: DSO, vendor: 'tengine' },
];
