import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes `{ 'conf.d/a.conf': '…' }` below `root`, creating directories as needed. */
export async function writeFiles(root: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}

/** Writes `{ 'conf.d/a.conf': '…' }` under a fresh temporary directory and returns its path. */
export async function writeTree(files: Record<string, string | Uint8Array>, prefix = 'hoplint-'): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  await writeFiles(root, files);
  return root;
}
