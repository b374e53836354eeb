import { describe, expect, it } from 'vitest';
import type { FileHost } from '../src/core/host.js';
import { loadNginxConfig } from '../src/languages/nginx/index.js';
import { DirectiveTable, editDistance } from '../src/languages/nginx/directives/index.js';
import { NGINX_DIRECTIVES } from '../src/languages/nginx/directives/nginx.js';
import { OPENRESTY_DIRECTIVES } from '../src/languages/nginx/directives/openresty.js';
import { TENGINE_DIRECTIVES } from '../src/languages/nginx/directives/tengine.js';
import type { DirectiveSpec, NginxContext } from '../src/languages/nginx/directives/types.js';

const CONTEXTS: readonly NginxContext[] = [
  'main', 'events', 'http', 'server', 'location', 'upstream', 'if_server', 'if_location',
  'limit_except', 'mail', 'mail_server', 'stream', 'stream_server', 'stream_upstream', 'types',
  'map', 'match', 'dso', 'processes', 'process',
];
const lookupDirective = (name: string): readonly DirectiveSpec[] => DirectiveTable.builtin.lookup(name);
const allDirectiveNames = (): readonly string[] => DirectiveTable.builtin.names();
const suggestDirective = (name: string): string | undefined => DirectiveTable.builtin.suggest(name);

const ALL: readonly DirectiveSpec[] = [...NGINX_DIRECTIVES, ...TENGINE_DIRECTIVES, ...OPENRESTY_DIRECTIVES];

function only(name: string, module: string): DirectiveSpec {
  const found = lookupDirective(name).filter((s) => s.module === module);
  expect(found, `${name} in ${module}`).toHaveLength(1);
  return found[0]!;
}

describe('directive table integrity', () => {
  it.each(ALL.map((s) => [`${s.name} (${s.module})`, s] as const))('%s is well formed', (_label, spec) => {
    expect(spec.name).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(spec.module).toMatch(/^ngx_[a-z0-9_]+$/);
    expect(spec.source.length).toBeGreaterThan(0);
    expect(spec.contexts.length).toBeGreaterThan(0);
    expect(new Set(spec.contexts).size).toBe(spec.contexts.length);
    for (const c of spec.contexts) expect(CONTEXTS).toContain(c);
    const a = spec.args;
    if (a.kind === 'take') {
      expect(a.counts.length).toBeGreaterThan(0);
      expect([...a.counts].sort((x, y) => x - y)).toEqual(a.counts);
      expect(new Set(a.counts).size).toBe(a.counts.length);
      for (const n of a.counts) expect(n >= 0 && n <= 7).toBe(true);
      // A lone zero is NGX_CONF_NOARGS, which has its own kind.
      expect(a.counts).not.toEqual([0]);
    }
    if (a.kind === 'atLeast') expect([1, 2]).toContain(a.min);
    if (spec.freeBlock || spec.rawBlock) expect(spec.block).toBe(true);
    if (spec.syntax !== undefined) {
      for (const line of spec.syntax.split('\n')) expect(line.startsWith(`${spec.name}`)).toBe(true);
    }
    if (a.kind === 'flag' && spec.syntax !== undefined) expect(spec.syntax).toMatch(/on ?\| ?off/);
  });

  it('has no duplicate (name, module) pair', () => {
    const keys = ALL.map((s) => `${s.name}/${s.module}`);
    const dupes = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(dupes).toEqual([]);
  });

  it('tags every table with its vendor', () => {
    expect(NGINX_DIRECTIVES.every((s) => s.vendor === 'nginx')).toBe(true);
    expect(TENGINE_DIRECTIVES.every((s) => s.vendor === 'tengine')).toBe(true);
    expect(OPENRESTY_DIRECTIVES.every((s) => s.vendor === 'openresty')).toBe(true);
  });

  it('covers all of nginx 1.28 with its bundled modules', () => {
    expect(NGINX_DIRECTIVES.length).toBe(742);
    expect(new Set(NGINX_DIRECTIVES.map((s) => s.name)).size).toBe(620);
    const modules = new Set(NGINX_DIRECTIVES.map((s) => s.module));
    for (const m of [
      'ngx_core_module', 'ngx_event_core_module', 'ngx_http_core_module', 'ngx_http_proxy_module',
      'ngx_http_ssl_module', 'ngx_http_v2_module', 'ngx_http_v3_module', 'ngx_http_realip_module',
      'ngx_http_addition_filter_module', 'ngx_http_sub_filter_module', 'ngx_http_dav_module',
      'ngx_http_flv_module', 'ngx_http_mp4_module', 'ngx_http_gunzip_filter_module',
      'ngx_http_gzip_static_module', 'ngx_http_auth_request_module', 'ngx_http_random_index_module',
      'ngx_http_secure_link_module', 'ngx_http_degradation_module', 'ngx_http_slice_filter_module',
      'ngx_http_stub_status_module', 'ngx_http_perl_module', 'ngx_http_xslt_filter_module',
      'ngx_http_image_filter_module', 'ngx_http_geoip_module', 'ngx_http_grpc_module',
      'ngx_http_uwsgi_module', 'ngx_http_scgi_module', 'ngx_http_fastcgi_module',
      'ngx_http_memcached_module', 'ngx_http_mirror_module', 'ngx_http_split_clients_module',
      'ngx_http_upstream_hash_module', 'ngx_http_upstream_ip_hash_module',
      'ngx_http_upstream_least_conn_module', 'ngx_http_upstream_random_module',
      'ngx_http_upstream_keepalive_module', 'ngx_http_upstream_zone_module',
      'ngx_stream_core_module', 'ngx_stream_proxy_module', 'ngx_stream_ssl_preread_module',
      'ngx_mail_core_module', 'ngx_mail_proxy_module', 'ngx_google_perftools_module',
      'ngx_thread_pool_module', 'ngx_openssl_cache_module',
    ]) {
      expect(modules.has(m), m).toBe(true);
    }
  });
});

describe('spot checks against the nginx source', () => {
  it('proxy_http_version takes one argument in http, server and location, default 1.0', () => {
    const s = only('proxy_http_version', 'ngx_http_proxy_module');
    expect(s.contexts).toEqual(['http', 'server', 'location']);
    expect(s.args).toEqual({ kind: 'take', counts: [1] });
    expect(s.default).toBe('1.0');
    expect(s.block).toBe(false);
    expect(s.source).toBe('nginx 1.28 src/http/modules/ngx_http_proxy_module.c');
  });

  it('keepalive lives in upstream', () => {
    const s = only('keepalive', 'ngx_http_upstream_keepalive_module');
    expect(s.contexts).toEqual(['upstream']);
    expect(s.args).toEqual({ kind: 'take', counts: [1] });
  });

  it('if is a block in server and location', () => {
    const s = only('if', 'ngx_http_rewrite_module');
    expect(s.contexts).toEqual(['server', 'location']);
    expect(s.block).toBe(true);
    expect(s.args).toEqual({ kind: 'atLeast', min: 1 });
  });

  it('listen is defined by http, mail and stream', () => {
    const defs = lookupDirective('listen');
    expect(defs.map((s) => s.module).sort()).toEqual(['ngx_http_core_module', 'ngx_mail_core_module', 'ngx_stream_core_module']);
    expect(only('listen', 'ngx_http_core_module').contexts).toEqual(['server']);
  });

  it('server has one entry per defining module', () => {
    const byModule = Object.fromEntries(lookupDirective('server').map((s) => [s.module, s]));
    expect(Object.keys(byModule).sort()).toEqual([
      'ngx_http_core_module', 'ngx_http_upstream_module', 'ngx_mail_core_module',
      'ngx_stream_core_module', 'ngx_stream_upstream_module',
    ]);
    expect(byModule.ngx_http_core_module!.block).toBe(true);
    expect(byModule.ngx_http_upstream_module!.block).toBe(false);
    expect(byModule.ngx_stream_upstream_module!.contexts).toEqual(['stream_upstream']);
  });

  it('events is a main-context block without arguments', () => {
    const s = only('events', 'ngx_events_module');
    expect(s.contexts).toEqual(['main']);
    expect(s.block).toBe(true);
    expect(s.args).toEqual({ kind: 'none' });
  });

  it('marks the blocks whose body the module parses itself', () => {
    expect(only('types', 'ngx_http_core_module').freeBlock).toBe(true);
    expect(only('map', 'ngx_http_map_module').freeBlock).toBe(true);
    expect(only('map', 'ngx_stream_map_module').freeBlock).toBe(true);
    expect(only('geo', 'ngx_http_geo_module').freeBlock).toBe(true);
    expect(only('split_clients', 'ngx_stream_split_clients_module').freeBlock).toBe(true);
    expect(only('charset_map', 'ngx_http_charset_filter_module').freeBlock).toBe(true);
    expect(only('location', 'ngx_http_core_module').freeBlock).toBeUndefined();
  });

  it('allows include everywhere with one argument', () => {
    const s = only('include', 'ngx_conf_module');
    expect(s.args).toEqual({ kind: 'take', counts: [1] });
    for (const c of ['main', 'events', 'http', 'server', 'location', 'upstream', 'if_location', 'limit_except', 'stream_server', 'mail_server', 'types', 'map'] as const) {
      expect(s.contexts).toContain(c);
    }
  });

  it('reads if-context and limit_except flags', () => {
    expect(only('return', 'ngx_http_rewrite_module').contexts).toEqual(['server', 'location', 'if_server', 'if_location']);
    expect(only('allow', 'ngx_http_access_module').contexts).toEqual(['http', 'server', 'location', 'limit_except']);
    expect(only('proxy_pass', 'ngx_http_proxy_module').contexts).toEqual(['location', 'if_location', 'limit_except']);
    expect(only('return', 'ngx_stream_return_module').contexts).toEqual(['stream_server']);
  });

  it('keeps FLAG commands with their own value sets as one-argument', () => {
    expect(only('gzip', 'ngx_http_gzip_filter_module').args).toEqual({ kind: 'flag' });
    expect(only('ssl_ocsp', 'ngx_http_ssl_module').args).toEqual({ kind: 'take', counts: [1] });
    expect(only('ssl_ocsp', 'ngx_stream_ssl_module').args).toEqual({ kind: 'take', counts: [1] });
  });

  it('includes the directives added in 1.27 and shipped in 1.28', () => {
    expect(only('keepalive_min_timeout', 'ngx_http_core_module').contexts).toEqual(['http', 'server', 'location']);
    expect(only('proxy_pass_trailers', 'ngx_http_proxy_module').args).toEqual({ kind: 'flag' });
    expect(only('resolver', 'ngx_http_upstream_module').contexts).toEqual(['upstream']);
    expect(only('ssl_certificate_cache', 'ngx_http_ssl_module').args).toEqual({ kind: 'take', counts: [1, 2, 3] });
    expect(only('ssl_stapling', 'ngx_stream_ssl_module').contexts).toEqual(['stream', 'stream_server']);
    expect(only('ssl_object_cache_inheritable', 'ngx_openssl_cache_module').contexts).toEqual(['main']);
  });

  it('leaves out directives nginx removed (ssl on; in http since 1.25.1)', () => {
    expect(lookupDirective('ssl').filter((s) => s.vendor === 'nginx')).toEqual([]);
  });
});

describe('Tengine and OpenResty entries', () => {
  it('check is a Tengine upstream directive taking parameters', () => {
    const s = only('check', 'ngx_http_upstream_check_module');
    expect(s.vendor).toBe('tengine');
    expect(s.contexts).toEqual(['upstream']);
    expect(s.args).toEqual({ kind: 'atLeast', min: 1 });
    expect(s.syntax).toContain('type=tcp|ssl_hello|http|mysql|ajp|fastcgi');
  });

  it('has the whole upstream check module', () => {
    const names = TENGINE_DIRECTIVES.filter((s) => s.module === 'ngx_http_upstream_check_module').map((s) => s.name).sort();
    expect(names).toEqual([
      'check', 'check_fastcgi_param', 'check_http_expect_alive', 'check_http_send',
      'check_keepalive_requests', 'check_shm_size', 'check_status',
    ]);
    expect(only('check_status', 'ngx_http_upstream_check_module').args).toEqual({ kind: 'take', counts: [0, 1] });
  });

  it('lua blocks are raw, lua files take one argument', () => {
    const block = only('content_by_lua_block', 'ngx_http_lua_module');
    expect(block.vendor).toBe('openresty');
    expect(block.block).toBe(true);
    expect(block.rawBlock).toBe(true);
    expect(block.contexts).toEqual(['location', 'if_location']);
    expect(only('set_by_lua_block', 'ngx_http_lua_module').args).toEqual({ kind: 'take', counts: [1] });
    expect(only('access_by_lua_file', 'ngx_http_lua_module').args).toEqual({ kind: 'take', counts: [1] });
    expect(only('lua_shared_dict', 'ngx_http_lua_module').args).toEqual({ kind: 'take', counts: [2] });
    expect(only('lua_package_path', 'ngx_http_lua_module').contexts).toEqual(['http']);
  });

  it('every *_by_lua_block is raw and nothing else is', () => {
    for (const s of OPENRESTY_DIRECTIVES) expect(Boolean(s.rawBlock), s.name).toBe(s.name.endsWith('_by_lua_block'));
  });
});

describe('Tengine modules beyond the upstream ones', () => {
  it('covers the modules Tengine documents and bundles', () => {
    const modules = new Set(TENGINE_DIRECTIVES.map((s) => s.module));
    for (const m of [
      'ngx_procs_module', 'ngx_proc_core_module', 'ngx_dso_module', 'ngx_limit_tcp_module',
      'ngx_backtrace_module', 'ngx_http_slice_module', 'ngx_http_upstream_iwrr_module',
      'ngx_http_debug_pool_module', 'ngx_http_debug_conn_module', 'ngx_http_debug_timer_module',
      'ngx_http_slab_stat_module', 'ngx_http_sysguard_module', 'ngx_http_user_agent_module',
      'ngx_http_trim_filter_module', 'ngx_http_concat_module', 'ngx_http_footer_filter_module',
      'ngx_http_reqstat_module', 'ngx_http_upstream_dynamic_module', 'ngx_http_upstream_vnswrr_module',
      'ngx_http_proxy_connect_module',
    ]) {
      expect(modules.has(m), m).toBe(true);
    }
  });

  it('reads the procs blocks as NGX_PROC_MAIN_CONF and NGX_PROC_CONF', () => {
    expect(only('processes', 'ngx_procs_module')).toMatchObject({ contexts: ['main'], block: true, args: { kind: 'none' } });
    expect(only('process', 'ngx_proc_core_module')).toMatchObject({ contexts: ['processes'], block: true, args: { kind: 'take', counts: [1] } });
    for (const name of ['count', 'priority', 'delay_start']) {
      expect(only(name, 'ngx_proc_core_module')).toMatchObject({ contexts: ['process'], args: { kind: 'take', counts: [1] } });
    }
    expect(only('respawn', 'ngx_proc_core_module').args).toEqual({ kind: 'flag' });
  });

  it('takes the dso words from the argument checks of the module\'s own parser', () => {
    expect(only('dso', 'ngx_dso_module')).toMatchObject({ contexts: ['main'], block: true, args: { kind: 'none' } });
    expect(only('load', 'ngx_dso_module')).toMatchObject({ contexts: ['dso'], args: { kind: 'take', counts: [1, 2] } });
    expect(only('path', 'ngx_dso_module').args).toEqual({ kind: 'take', counts: [1] });
    expect(only('module_stub', 'ngx_dso_module').args).toEqual({ kind: 'take', counts: [1] });
  });

  it('follows the command tables where the documents say otherwise', () => {
    expect(only('iwrr', 'ngx_http_upstream_iwrr_module').args).toEqual({ kind: 'none' });
    expect(only('debug_pool', 'ngx_http_debug_pool_module').contexts).toEqual(['location']);
    expect(only('sysguard_rt', 'ngx_http_sysguard_module').args).toEqual({ kind: 'take', counts: [1, 2, 3] });
    expect(only('limit_tcp', 'ngx_limit_tcp_module')).toMatchObject({ contexts: ['main'], args: { kind: 'atLeast', min: 2 } });
  });

  it('keeps Tengine\'s slice handler apart from nginx\'s slice filter', () => {
    expect(lookupDirective('slice').map((s) => s.module).sort()).toEqual(['ngx_http_slice_filter_module', 'ngx_http_slice_module']);
    expect(only('slice', 'ngx_http_slice_module')).toMatchObject({ contexts: ['location'], args: { kind: 'none' } });
  });

  it('adds the upstream tries limits to each proxying module', () => {
    for (const [name, module] of [
      ['proxy_upstream_tries', 'ngx_http_proxy_module'],
      ['fastcgi_upstream_tries', 'ngx_http_fastcgi_module'],
      ['memcached_upstream_tries', 'ngx_http_memcached_module'],
      ['scgi_upstream_tries', 'ngx_http_scgi_module'],
      ['uwsgi_upstream_tries', 'ngx_http_uwsgi_module'],
    ] as const) {
      expect(only(name, module)).toMatchObject({ vendor: 'tengine', contexts: ['http', 'server', 'location'], args: { kind: 'take', counts: [1] } });
    }
  });
});

describe('Tengine configs through the analyzer', () => {
  function memoryHost(files: Record<string, string>): FileHost {
    const encoder = new TextEncoder();
    const missing = (path: string): Error => Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return {
      readFile: async (path) => {
        if (!(path in files)) throw missing(path);
        return encoder.encode(files[path]);
      },
      stat: async (path) => {
        if (!(path in files)) throw missing(path);
        return { isFile: true, isDirectory: false, size: encoder.encode(files[path]).length };
      },
      readDir: async (path) => {
        throw missing(path);
      },
    };
  }

  async function check(files: Record<string, string>): Promise<string[]> {
    const config = await loadNginxConfig('nginx.conf', { host: memoryHost(files) });
    return config.errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.code} ${e.message}`);
  }

  const TENGINE_CONF = [
    'master_env TZ=UTC;',
    'backtrace_log logs/backtrace.log;',
    'backtrace_max_stack_size 50;',
    'limit_tcp 8080 8081 rate=1r/m burst=100 name=tcp:1M concurrent=10;',
    'limit_tcp_allow 10.0.0.0/8;',
    'limit_tcp_deny all;',
    'dso {',
    '    path /usr/lib/tengine/modules;',
    '    load ngx_http_lua_module.so;',
    '    load ngx_http_empty_gif_module ngx_http_empty_gif_module.so;',
    '    include module_stubs;',
    '}',
    'processes {',
    '    process strategy {',
    '        count 1;',
    '        priority 0;',
    '        delay_start 10s;',
    '        respawn off;',
    '    }',
    '}',
    'events {}',
    'http {',
    '    proxy_header_merge_method append_not_set;',
    '    retry_cached_connection off;',
    '    request_time_cache on;',
    '    server_admin admin@example.com;',
    '    limit_req_whitelist geo_var_name=white_ip geo_var_value=1;',
    '    upstream pool {',
    '        iwrr;',
    '        server 10.0.0.1:80;',
    '    }',
    '    server {',
    '        listen 80;',
    '        sysguard on;',
    '        sysguard_cpu usage=80 period=3s action=/busy;',
    '        sysguard_rt rt=0.5 period=5s action=/busy;',
    '        proxy_upstream_tries 2;',
    '        location /files/ {',
    '            slice;',
    '            slice_arg_begin from;',
    '            slice_header_first off;',
    '        }',
    '        location = /debug/pool { debug_pool; }',
    '        location = /debug/conn { debug_conn; }',
    '        location = /debug/timer { debug_timer; }',
    '        location = /debug/slab { slab_stat; }',
    '        location = /busy { return 503; }',
    '    }',
    '}',
    '',
  ].join('\n');

  it('accepts a config using the procs, dso, limit_tcp, backtrace, slice and debug modules', async () => {
    expect(await check({ 'nginx.conf': TENGINE_CONF, module_stubs: 'module_stub ngx_core_module;\nmodule_stub ngx_http_module;\n' })).toEqual([]);
  });

  it('reports Tengine directives outside their contexts', async () => {
    const conf = [
      'process orphan { count 1; }',
      'processes {',
      '    count 2;',
      '    process p { load x.so; }',
      '}',
      'dso { respawn on; }',
      'events {}',
      'http {',
      '    limit_tcp 80 81;',
      '    server { debug_pool; location / { iwrr; } }',
      '}',
    ].join('\n');
    expect(await check({ 'nginx.conf': conf })).toEqual([
      'nginx.conf:1:1 context "process" directive is not allowed here',
      'nginx.conf:3:5 context "count" directive is not allowed here',
      'nginx.conf:4:17 context "load" directive is not allowed here',
      'nginx.conf:6:7 context "respawn" directive is not allowed here',
      'nginx.conf:9:5 context "limit_tcp" directive is not allowed here',
      'nginx.conf:10:14 context "debug_pool" directive is not allowed here',
      'nginx.conf:10:39 context "iwrr" directive is not allowed here',
    ]);
  });

  it('reports wrong argument counts and flag values', async () => {
    const conf = [
      'limit_tcp 8080;',
      'dso { load a b c; path; }',
      'processes {',
      '    process { count 1; }',
      '    process p { count; respawn maybe; }',
      '}',
      'events {}',
      'http {',
      '    limit_req_whitelist geo_var_name=white_ip;',
      '    upstream u { iwrr max_init=2; server 10.0.0.1; }',
      '    server { location / { slice 1m 2m; } }',
      '}',
    ].join('\n');
    expect(await check({ 'nginx.conf': conf })).toEqual([
      'nginx.conf:1:1 arguments invalid number of arguments in "limit_tcp" directive',
      'nginx.conf:2:7 arguments invalid number of arguments in "load" directive',
      'nginx.conf:2:19 arguments invalid number of arguments in "path" directive',
      'nginx.conf:4:5 arguments invalid number of arguments in "process" directive',
      'nginx.conf:5:17 arguments invalid number of arguments in "count" directive',
      'nginx.conf:5:24 value invalid value "maybe" in "respawn" directive, it must be "on" or "off"',
      'nginx.conf:9:5 arguments invalid number of arguments in "limit_req_whitelist" directive',
      'nginx.conf:10:18 arguments invalid number of arguments in "iwrr" directive',
      'nginx.conf:11:27 arguments invalid number of arguments in "slice" directive',
    ]);
  });

  it('checks the files a dso block includes as dso entries', async () => {
    const files = { 'nginx.conf': 'dso {\n    include module_stubs;\n}\nevents {}\n', module_stubs: 'module_stub ngx_core_module;\nmodule_stubb ngx_http_module;\n' };
    expect(await check(files)).toEqual(['module_stubs:2:1 unknown-directive unknown directive "module_stubb"']);
  });
});

describe('lookup API', () => {
  it('returns an empty list for unknown names and is case-sensitive', () => {
    expect(lookupDirective('no_such_directive')).toEqual([]);
    expect(lookupDirective('Proxy_Pass')).toEqual([]);
  });

  it('lists every name once, sorted', () => {
    const names = allDirectiveNames();
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(names);
    expect(names).toContain('proxy_pass');
    expect(names).toContain('session_sticky');
    expect(names).toContain('content_by_lua_block');
  });

  it('adds third-party directives in a table of their own and replaces a re-declared (name, module)', () => {
    expect(lookupDirective('vts_display')).toEqual([]);
    const spec: DirectiveSpec = {
      name: 'vts_display', contexts: ['location'], args: { kind: 'none' }, block: false,
      module: 'ngx_http_vhost_traffic_status_module', source: 'hoplint config',
    };
    const declared = DirectiveTable.builtin.with([spec]);
    expect(declared.lookup('vts_display')).toEqual([spec]);
    expect(declared.names()).toContain('vts_display');
    expect(declared.suggest('vts_dsplay')).toBe('vts_display');
    const fixed = { ...spec, contexts: ['server', 'location'] as NginxContext[] };
    expect(declared.with([fixed]).lookup('vts_display')).toEqual([fixed]);
    expect(declared.lookup('vts_display')).toEqual([spec]);
    // The built-in table is never changed by a declaration.
    expect(lookupDirective('vts_display')).toEqual([]);
    expect(allDirectiveNames()).not.toContain('vts_display');
    expect(suggestDirective('vts_dsplay')).toBeUndefined();
  });
});

describe('suggestDirective', () => {
  it.each([
    ['proxy_passs', 'proxy_pass'],
    ['lisen', 'listen'],
    ['lsiten', 'listen'],
    ['proxy-pass', 'proxy_pass'],
    ['Proxy_Pass', 'proxy_pass'],
    ['proxypass', 'proxy_pass'],
    ['server_nmae', 'server_name'],
    ['proxy_set_headers', 'proxy_set_header'],
    ['worker_connection', 'worker_connections'],
  ])('%s → %s', (typo, expected) => {
    expect(suggestDirective(typo)).toBe(expected);
  });

  it('returns undefined for known names and for nothing close', () => {
    expect(suggestDirective('listen')).toBeUndefined();
    expect(suggestDirective('completely_unrelated_words')).toBeUndefined();
    expect(suggestDirective('zzz')).toBeUndefined();
    expect(suggestDirective('')).toBeUndefined();
  });
});

describe('editDistance', () => {
  it('counts an adjacent transposition as one edit', () => {
    expect(editDistance('lisetn', 'listen')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('stops past the limit', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});
