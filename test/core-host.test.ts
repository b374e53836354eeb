import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { diskHost, FIFO_WRITER_WAIT_MS } from '../src/core/host.js';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hoplint-host-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('diskHost', () => {
  it('reads a regular file, stated first or not', async () => {
    const dir = await tempDir();
    const file = join(dir, 'a.yaml');
    await writeFile(file, 'kind: Service\n');
    expect(await diskHost.stat(file)).toEqual({ isFile: true, isDirectory: false, size: 14 });
    expect(Buffer.from(await diskHost.readFile(file)).toString()).toBe('kind: Service\n');
    await writeFile(file, 'kind: Pod\n');
    expect(Buffer.from(await diskHost.readFile(file)).toString()).toBe('kind: Pod\n');
  });

  it('fails with the errno of a missing file and of a directory', async () => {
    const dir = await tempDir();
    await expect(diskHost.stat(join(dir, 'missing.yaml'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(diskHost.readFile(join(dir, 'missing.yaml'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await diskHost.stat(dir)).toMatchObject({ isFile: false, isDirectory: true });
    await expect(diskHost.readFile(dir)).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it.skipIf(process.platform === 'win32')('reads a FIFO to the end of what its writer sends', async () => {
    const dir = await tempDir();
    const fifo = join(dir, 'manifest.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(await diskHost.stat(fifo)).toMatchObject({ isFile: false, isDirectory: false });
    const writing = writeFile(fifo, 'kind: ConfigMap\n');
    expect(Buffer.from(await diskHost.readFile(fifo)).toString()).toBe('kind: ConfigMap\n');
    await writing;
  });

  it.skipIf(process.platform === 'win32')('gives up on a FIFO nobody writes to instead of hanging in open()', async () => {
    const dir = await tempDir();
    const fifo = join(dir, 'nginx.conf');
    execFileSync('mkfifo', [fifo]);
    expect(await diskHost.stat(fifo)).toEqual({ isFile: false, isDirectory: false, size: 0, special: 'fifo' });
    const started = Date.now();
    await expect(diskHost.readFile(fifo)).rejects.toMatchObject({ code: 'ENOWRITER' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(FIFO_WRITER_WAIT_MS);
  });

  it.skipIf(process.platform === 'win32')('stops reading a FIFO past maxBytes', async () => {
    const dir = await tempDir();
    const fifo = join(dir, 'sysctl.conf');
    execFileSync('mkfifo', [fifo]);
    const writing = writeFile(fifo, 'x'.repeat(300_000)).catch(() => undefined);
    await expect(diskHost.readFile(fifo, { maxBytes: 100_000 })).rejects.toMatchObject({ code: 'EFBIG' });
    await writing;
  });

  it.skipIf(!existsSync('/dev/zero'))('refuses a device, which may never end', async () => {
    expect(await diskHost.stat('/dev/zero')).toMatchObject({ isFile: false, isDirectory: false, special: 'device' });
    await expect(diskHost.readFile('/dev/zero')).rejects.toMatchObject({ code: 'EDEVICE' });
  });
});
