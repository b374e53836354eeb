// Runs fuzz targets in a child process: a hang can be cut short, and a fatal V8 abort (which
// takes down every thread of its process) is seen by the parent as this process dying.
import { loadDistApi } from './dist-api.mjs';
import { createFuzzTargets } from './targets.mjs';

const targets = new Map(createFuzzTargets(await loadDistApi(process.argv[2])).map((target) => [target.name, target]));

process.on('message', async ({ id, target, text, times }) => {
  try {
    let outcome;
    for (let i = 0; i < times; i++) outcome = await targets.get(target).run(text);
    process.send({ id, kind: 'ok', outcome });
  } catch (error) {
    const described =
      error instanceof Error ? { name: error.name, message: error.message, stack: error.stack ?? '' } : { name: typeof error, message: String(error), stack: '' };
    process.send({ id, kind: 'throw', error: described });
  }
});
process.send({ kind: 'ready' });
