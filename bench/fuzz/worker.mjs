// Runs fuzz targets off the main thread, so that a hang can be cut short and reported.
import { parentPort, workerData } from 'node:worker_threads';
import { loadDistApi } from './dist-api.mjs';
import { createFuzzTargets } from './targets.mjs';

const targets = new Map(createFuzzTargets(await loadDistApi(workerData.repoRoot)).map((target) => [target.name, target]));

parentPort.on('message', async ({ id, target, text }) => {
  try {
    const outcome = await targets.get(target).run(text);
    parentPort.postMessage({ id, kind: 'ok', outcome });
  } catch (error) {
    const described =
      error instanceof Error ? { name: error.name, message: error.message, stack: error.stack ?? '' } : { name: typeof error, message: String(error), stack: '' };
    parentPort.postMessage({ id, kind: 'throw', error: described });
  }
});
parentPort.postMessage({ kind: 'ready' });
