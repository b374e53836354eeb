import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmod, mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diskHost, type FileHost } from '../src/core/host.js';
import type { NginxConfig } from '../src/languages/nginx/ast.js';
import { loadNginxConfig } from '../src/languages/nginx/load.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hoplint-nginx-bad-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function summary(config: NginxConfig): string[] {
  return config.errors.map((e) => `${e.file.slice(dir.length + 1)}:${e.line}:${e.column} ${e.code} ${e.message}`);
}

describe('nginx: bad input ends in positioned errors, never in exceptions', () => {
  it('rejects a binary file with one error at 1:1', async () => {
    const path = join(dir, 'binary.conf');
    await writeFile(path, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x7b, 0x7d]));
    const config = await loadNginxConfig(path);
    expect(summary(config)).toEqual(['binary.conf:1:1 syntax binary file, not an nginx configuration']);
    expect(config.files.get(path)?.statements).toEqual([]);
  });

  it('parses a 50 MB config', async () => {
    const path = join(dir, 'large.conf');
    const padding = 'x'.repeat(2000);
    const servers: string[] = ['events {}', 'http {'];
    let size = 0;
    let count = 0;
    while (size < 50 * 1024 * 1024) {
      const server = `  server {\n    listen ${8000 + (count % 1000)};\n    add_header X-Pad "${padding}";\n    location /${count} { return 204; }\n  }\n`;
      servers.push(server);
      size += server.length;
      count++;
    }
    servers.push('}\n');
    await writeFile(path, servers.join('\n'));
    const config = await loadNginxConfig(path);
    expect(summary(config)).toEqual([]);
    const http = config.files.get(path)!.statements[1]!;
    expect(http.type === 'directive' && http.block?.length).toBe(count);
  });

  it('refuses a file over maxFileBytes with a `limit` error', async () => {
    const path = join(dir, 'capped.conf');
    await writeFile(path, 'events {}\n'.repeat(100));
    const config = await loadNginxConfig(path, { maxFileBytes: 500 });
    expect(summary(config)).toEqual(['capped.conf:1:1 limit file is too large (1000 bytes, the limit is 500)']);
  });

  it('caps 3,000 nested blocks with a `limit` error', async () => {
    const path = join(dir, 'nested.conf');
    await writeFile(path, 'location / {\n'.repeat(3000) + '}\n'.repeat(3000));
    const config = await loadNginxConfig(path, { context: ['http', 'server'] });
    expect(summary(config)).toEqual(['nested.conf:1001:12 limit too many nested blocks (more than 1000 levels)']);
  });

  it('reports an include cycle with its chain', async () => {
    await mkdir(join(dir, 'cycle'));
    await writeFile(join(dir, 'cycle', 'a.conf'), 'http {\n  include b.conf;\n}\n');
    await writeFile(join(dir, 'cycle', 'b.conf'), 'include a.conf;\n');
    const root = join(dir, 'cycle', 'a.conf');
    const config = await loadNginxConfig(root);
    expect(config.errors.map((e) => [e.file, e.line, e.column, e.code, e.message])).toEqual([
      [join(dir, 'cycle', 'b.conf'), 1, 9, 'include', `include cycle: ${root} -> ${join(dir, 'cycle', 'b.conf')} -> ${root}`],
    ]);
  });

  it('reports an unreadable include (chmod 000) with errno 13 when the OS denies it', async () => {
    await mkdir(join(dir, 'locked'));
    const locked = join(dir, 'locked', 'secret.conf');
    await writeFile(locked, 'listen 80;\n');
    await chmod(locked, 0o000);
    await writeFile(join(dir, 'locked', 'nginx.conf'), 'http { server { include secret.conf; } }\n');
    // Root reads through mode 000, so the expectation follows what the OS does to us.
    const denied = await open(locked, 'r').then(
      async (handle) => {
        await handle.close();
        return false;
      },
      () => true,
    );
    const config = await loadNginxConfig(join(dir, 'locked', 'nginx.conf'));
    expect(summary(config)).toEqual(
      denied ? [`locked/nginx.conf:1:25 include open() "${locked}" failed (13: Permission denied)`] : [],
    );
    expect(config.files.has(locked)).toBe(!denied);
  });

  it('reports an unreadable include through a host that denies access', async () => {
    const denying: FileHost = {
      ...diskHost,
      readFile: async (path) => {
        if (path.endsWith('secret.conf')) throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
        return diskHost.readFile(path);
      },
    };
    const config = await loadNginxConfig(join(dir, 'locked', 'nginx.conf'), { host: denying });
    expect(summary(config)).toEqual([
      `locked/nginx.conf:1:25 include open() "${join(dir, 'locked', 'secret.conf')}" failed (13: Permission denied)`,
    ]);
  });

  it('reports a directory matched as an include the way nginx does', async () => {
    await mkdir(join(dir, 'dirs', 'conf.d'), { recursive: true });
    await writeFile(join(dir, 'dirs', 'nginx.conf'), 'include conf.d;\n');
    const config = await loadNginxConfig(join(dir, 'dirs', 'nginx.conf'));
    expect(summary(config)).toEqual([`dirs/nginx.conf:1:9 include pread() "${join(dir, 'dirs', 'conf.d')}" failed (21: Is a directory)`]);
  });

  it('keeps going after a host that throws something odd', async () => {
    const broken: FileHost = {
      readFile: async () => {
        throw new Error('disk on fire');
      },
      stat: async () => ({ isFile: true, isDirectory: false, size: 10 }),
      readDir: async () => [],
    };
    const config = await loadNginxConfig('x.conf', { host: broken });
    expect(config.errors.map((e) => [e.line, e.column, e.code, e.message])).toEqual([[1, 1, 'include', 'open() "x.conf" failed (5: disk on fire)']]);
  });
});
