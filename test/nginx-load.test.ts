import { describe, expect, it } from 'vitest';
import type { FileHost } from '../src/core/host.js';
import type { NginxConfig } from '../src/languages/nginx/ast.js';
import { loadNginxConfig, walkNginx, splitNginxDashT, looksLikeNginxDashT } from '../src/languages/nginx/index.js';
import { expandGlob, hasGlobMagic, matchGlobSegment } from '../src/languages/nginx/glob.js';

/** An in-memory file tree; directories are implied by the paths. */
function memoryHost(files: Record<string, string>): FileHost {
  const encoder = new TextEncoder();
  const missing = (path: string): Error => Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  const children = (dir: string): string[] => {
    const prefix = dir === '.' ? '' : `${dir}/`;
    const names = new Set<string>();
    for (const path of Object.keys(files)) if (path.startsWith(prefix)) names.add(path.slice(prefix.length).split('/')[0]!);
    return [...names];
  };
  return {
    readFile: async (path) => {
      if (!(path in files)) throw missing(path);
      return encoder.encode(files[path]);
    },
    stat: async (path) => {
      if (path in files) return { isFile: true, isDirectory: false, size: encoder.encode(files[path]).length };
      if (children(path).length > 0) return { isFile: false, isDirectory: true, size: 0 };
      throw missing(path);
    },
    readDir: async (path) => {
      const names = children(path);
      if (names.length === 0) throw missing(path);
      return names;
    },
  };
}

function messages(config: NginxConfig): string[] {
  return config.errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.code} ${e.message}`);
}

describe('nginx include glob matching', () => {
  it('matches *, ?, classes, negation, ranges and escapes one path segment at a time', () => {
    expect(matchGlobSegment('*.conf', 'a.conf')).toBe(true);
    expect(matchGlobSegment('*.conf', 'a.conf.bak')).toBe(false);
    expect(matchGlobSegment('site?.conf', 'site1.conf')).toBe(true);
    expect(matchGlobSegment('site?.conf', 'site10.conf')).toBe(false);
    expect(matchGlobSegment('[a-c]*', 'beta')).toBe(true);
    expect(matchGlobSegment('[!a-c]*', 'beta')).toBe(false);
    expect(matchGlobSegment('[^a-c]*', 'delta')).toBe(true);
    expect(matchGlobSegment('[]x]', ']')).toBe(true);
    expect(matchGlobSegment('\\*', '*')).toBe(true);
    expect(matchGlobSegment('\\*', 'a')).toBe(false);
    expect(matchGlobSegment('[ab', '[ab')).toBe(true);
    expect(matchGlobSegment('*a*a*a*b', 'a'.repeat(200))).toBe(false);
  });

  it('does not let wildcards match a leading dot, like glob(3)', () => {
    expect(matchGlobSegment('*', '.hidden')).toBe(false);
    expect(matchGlobSegment('?hidden', '.hidden')).toBe(false);
    expect(matchGlobSegment('.*', '.hidden')).toBe(true);
  });

  it('detects glob patterns the way nginx does (strpbrk "*?[")', () => {
    expect(hasGlobMagic('conf.d/*.conf')).toBe(true);
    expect(hasGlobMagic('sites/site[12].conf')).toBe(true);
    expect(hasGlobMagic('mime.types')).toBe(false);
  });

  it('expands through directories, sorted, and returns nothing for no match', async () => {
    const host = memoryHost({ 'c/b/x.conf': '', 'c/a/x.conf': '', 'c/a/y.txt': '', 'c/z.conf': '', 'c/.h.conf': '' });
    expect(await expandGlob('c/*/x.conf', host)).toEqual(['c/a/x.conf', 'c/b/x.conf']);
    expect(await expandGlob('c/*.conf', host)).toEqual(['c/z.conf']);
    expect(await expandGlob('c/*', host)).toEqual(['c/a', 'c/b', 'c/z.conf']);
    expect(await expandGlob('nowhere/*.conf', host)).toEqual([]);
  });
});

describe('nginx includes', () => {
  it('resolves includes relative to the root config directory, expands globs in sorted order, fills `includes`', async () => {
    const host = memoryHost({
      'etc/nginx.conf': 'events {}\nhttp {\n  include conf.d/*.conf;\n  include mime.types;\n  include empty/*.conf;\n}\n',
      'etc/conf.d/b.conf': 'server { include snippets/loc.conf; }\n',
      'etc/conf.d/a.conf': 'server { listen 80; }\n',
      'etc/mime.types': 'types { text/html html; }\n',
      'etc/snippets/loc.conf': 'location / { return 200; }\n',
    });
    const config = await loadNginxConfig('etc/nginx.conf', { host });
    expect(messages(config)).toEqual([]);
    expect([...config.files.keys()]).toEqual([
      'etc/nginx.conf',
      'etc/conf.d/a.conf',
      'etc/conf.d/b.conf',
      'etc/snippets/loc.conf',
      'etc/mime.types',
    ]);
    const includes: [string, string[] | undefined][] = [];
    walkNginx(config, (directive) => {
      if (directive.name === 'include') includes.push([directive.args[0]!.value, directive.includes]);
    });
    expect(includes).toEqual([
      ['conf.d/*.conf', ['etc/conf.d/a.conf', 'etc/conf.d/b.conf']],
      ['snippets/loc.conf', ['etc/snippets/loc.conf']],
      ['mime.types', ['etc/mime.types']],
      ['empty/*.conf', []],
    ]);
  });

  it('reports a missing explicit include at the include, with nginx wording', async () => {
    const host = memoryHost({ 'nginx.conf': 'http {\n  include\n    missing.conf;\n}\n' });
    const config = await loadNginxConfig('nginx.conf', { host });
    expect(config.errors).toEqual([
      {
        file: 'nginx.conf',
        line: 3,
        column: 5,
        endLine: 3,
        endColumn: 17,
        start: 21,
        end: 33,
        code: 'include',
        message: 'open() "missing.conf" failed (2: No such file or directory)',
      },
    ]);
  });

  it('reports an include cycle with its chain and still terminates', async () => {
    const host = memoryHost({
      'a.conf': 'http { include b.conf; }\n',
      'b.conf': 'include c.conf;\n',
      'c.conf': 'include b.conf;\n',
    });
    const config = await loadNginxConfig('a.conf', { host });
    expect(messages(config)).toEqual(['c.conf:1:9 include include cycle: b.conf -> c.conf -> b.conf']);
    // The cyclic target is left out of `includes`, so walking ends.
    const visited: string[] = [];
    walkNginx(config, (directive, context) => visited.push(`${context.file}:${directive.name}:${directive.includes?.join(',')}`));
    expect(visited).toEqual(['a.conf:http:undefined', 'a.conf:include:b.conf', 'b.conf:include:c.conf', 'c.conf:include:']);
  });

  it('parses a file included from two contexts once and checks it in each', async () => {
    const host = memoryHost({
      'nginx.conf': 'http {\n  include proxy.conf;\n  server { location / { include proxy.conf; } }\n}\n',
      'proxy.conf': 'proxy_pass http://backend;\n',
    });
    const config = await loadNginxConfig('nginx.conf', { host });
    expect(config.files.size).toBe(2);
    expect(messages(config)).toEqual(['proxy.conf:1:1 context "proxy_pass" directive is not allowed here']);
    const seen: string[] = [];
    walkNginx(config, (directive, context) => {
      if (directive.name === 'proxy_pass') seen.push(`${context.file} ${context.path.join('/')} ${context.parents.map((p) => p.name).join('>')}`);
    });
    expect(seen).toEqual(['proxy.conf http http', 'proxy.conf http/server/location http>server>location']);
  });

  it('does not follow includes for a single file', async () => {
    const host = memoryHost({ 'nginx.conf': 'http { include missing.conf; }\n' });
    const config = await loadNginxConfig('nginx.conf', { host, singleFile: true });
    expect(config.errors).toEqual([]);
    expect(config.files.size).toBe(1);
  });

  it('stops at the include depth and file count limits with `limit` errors', async () => {
    const chain: Record<string, string> = {};
    for (let i = 0; i < 10; i++) chain[`f${i}.conf`] = `include f${i + 1}.conf;\n`;
    chain['f10.conf'] = 'user x;\n';
    const deep = await loadNginxConfig('f0.conf', { host: memoryHost(chain), maxIncludeDepth: 4 });
    expect(messages(deep)).toEqual(['f3.conf:1:9 limit includes nested too deeply (more than 4 levels)']);
    const many = await loadNginxConfig('f0.conf', { host: memoryHost(chain), maxFiles: 3 });
    expect(messages(many)).toEqual(['f2.conf:1:9 limit too many included files (more than 3)']);
  });

  it('reports a missing root file as an include error at 1:1', async () => {
    const config = await loadNginxConfig('absent.conf', { host: memoryHost({}) });
    expect(messages(config)).toEqual(['absent.conf:1:1 include open() "absent.conf" failed (2: No such file or directory)']);
  });
});

describe('nginx -T dumps', () => {
  const dump = [
    'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok',
    'nginx: configuration file /etc/nginx/nginx.conf test is successful',
    '# configuration file /etc/nginx/nginx.conf:',
    'events {}',
    'http {',
    '    include /etc/nginx/conf.d/*.conf;',
    '}',
    '',
    '# configuration file /etc/nginx/conf.d/default.conf:',
    'server {',
    '    listen 80;',
    '    proxy_passs http://x;',
    '}',
    '',
    '',
  ].join('\n');

  it('splits the dump on its separator lines and drops the newline nginx adds after each file', () => {
    expect(looksLikeNginxDashT(dump)).toBe(true);
    expect(looksLikeNginxDashT('events {}\n# configuration file x:\n')).toBe(false);
    expect(splitNginxDashT(dump)).toEqual([
      { file: '/etc/nginx/nginx.conf', text: 'events {}\nhttp {\n    include /etc/nginx/conf.d/*.conf;\n}\n', lineOffset: 3 },
      { file: '/etc/nginx/conf.d/default.conf', text: 'server {\n    listen 80;\n    proxy_passs http://x;\n}\n', lineOffset: 9 },
    ]);
  });

  it('resolves includes against the embedded files and reports positions in the real files', async () => {
    const config = await loadNginxConfig('dump.txt', { host: memoryHost({ 'dump.txt': dump }) });
    expect(config.root).toBe('/etc/nginx/nginx.conf');
    expect([...config.files.keys()]).toEqual(['/etc/nginx/nginx.conf', '/etc/nginx/conf.d/default.conf']);
    expect(messages(config)).toEqual(['/etc/nginx/conf.d/default.conf:3:5 unknown-directive unknown directive "proxy_passs"']);
  });
});

describe('nginx directive checks', () => {
  async function check(text: string, context?: string[]): Promise<string[]> {
    const config = await loadNginxConfig('t.conf', { host: memoryHost({ 't.conf': text }), context });
    return config.errors.map((e) => `${e.line}:${e.column}${e.reportedLine ? `(${e.reportedLine})` : ''} ${e.code} ${e.message}`);
  }

  it('reports unknown directives, wrong contexts, argument counts and flag values like nginx', async () => {
    expect(
      await check(
        [
          'proxy_passs x;',
          'listen 80;',
          'http {',
          '  gzip maybe;',
          '  sendfile;',
          '  server { location / { proxy_pass; } }',
          '}',
        ].join('\n'),
      ),
    ).toEqual([
      '1:1 unknown-directive unknown directive "proxy_passs"',
      '2:1 context "listen" directive is not allowed here',
      '4:3 value invalid value "maybe" in "gzip" directive, it must be "on" or "off"',
      '5:3 arguments invalid number of arguments in "sendfile" directive',
      '6:25 arguments invalid number of arguments in "proxy_pass" directive',
    ]);
  });

  it('reports block-ness with nginx wording', async () => {
    expect(await check('events;\nhttp { server_tokens off { } }')).toEqual([
      '1:1 syntax directive "events" has no opening "{"',
      '2:8 syntax directive "server_tokens" is not terminated by ";"',
    ]);
  });

  it('records the line nginx prints for a directive that spans lines', async () => {
    expect(await check('http {\n  sendfile\n    on\n    off;\n}')).toEqual(['2:3(4) arguments invalid number of arguments in "sendfile" directive']);
    // Lines split by a lone CR are one line for nginx.
    expect(await check('http {\r  sendfile;\r}')).toEqual(['2:3(1) arguments invalid number of arguments in "sendfile" directive']);
  });

  it('accepts include everywhere, including if and limit_except', async () => {
    const host = memoryHost({
      'nginx.conf': 'http { server { if ($x) { include a.conf; } location / { limit_except GET { include b.conf; } } } }',
      'a.conf': 'return 403;',
      'b.conf': 'deny all;',
    });
    expect(messages(await loadNginxConfig('nginx.conf', { host }))).toEqual([]);
  });

  it('does not look up entries of free-form blocks (types, map, geo)', async () => {
    expect(await check('http {\n types { text/html html; }\n map $a $b { default 0; ~x 1; }\n geo $g { 10.0.0.0/8 1; }\n}')).toEqual([]);
  });

  it('knows the stream and mail server contexts', async () => {
    expect(await check('stream { server { listen 53 udp; proxy_pass dns; } upstream dns { server 1.1.1.1:53; } }')).toEqual([]);
    expect(await check('mail { server { listen 25; protocol smtp; } }')).toEqual([]);
    expect(await check('stream { server { location / {} } }')).toEqual(['1:19 context "location" directive is not allowed here']);
  });

  it('checks a snippet in an assumed context', async () => {
    expect(await check('listen 80;\nlocation / { proxy_pass http://x; }', ['http', 'server'])).toEqual([]);
    expect(await check('listen 80;', ['http', 'server', 'location'])).toEqual(['1:1 context "listen" directive is not allowed here']);
  });

  it('checks directives of the right if context (server if vs location if)', async () => {
    expect(await check('http { server { if ($a) { proxy_pass http://x; } } }')).toEqual([
      '1:27 context "proxy_pass" directive is not allowed here',
    ]);
    expect(await check('http { server { location / { if ($a) { proxy_pass http://x; } } } }')).toEqual([]);
  });

  it('knows Tengine directives', async () => {
    expect(await check('http { upstream b { server 10.0.0.1; check interval=3000 rise=2 fall=5 timeout=1000 type=http; } }')).toEqual([]);
  });
});

describe('nginx byte order marks', () => {
  it('keeps a UTF-8 BOM in front of the first word, which nginx then does not know', async () => {
    const host: FileHost = {
      readFile: async () => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('events {}\nhttp {}\n')]),
      stat: async () => ({ isFile: true, isDirectory: false, size: 23 }),
      readDir: async () => [],
    };
    const config = await loadNginxConfig('bom.conf', { host });
    expect(messages(config)).toEqual(['bom.conf:1:1 unknown-directive unknown directive "\uFEFFevents"']);
  });
});
