// Sends inputs to the fuzz worker one at a time; a run that exceeds its time limit terminates the
// worker (reported as a hang) and a fresh worker takes over.
import { Worker } from 'node:worker_threads';

const WORKER_URL = new URL('./worker.mjs', import.meta.url);

export class TargetRunner {
  constructor(repoRoot, { memoryLimitMb = 1024 } = {}) {
    this.repoRoot = repoRoot;
    this.memoryLimitMb = memoryLimitMb;
    this.nextId = 0;
    this.worker = null;
  }

  async start() {
    this.pending = null;
    const worker = new Worker(WORKER_URL, { workerData: { repoRoot: this.repoRoot }, resourceLimits: { maxOldGenerationSizeMb: this.memoryLimitMb } });
    this.worker = worker;
    await new Promise((resolve, reject) => {
      const onMessage = (message) => {
        if (message.kind !== 'ready') return;
        worker.off('error', reject);
        resolve();
      };
      worker.once('error', reject);
      worker.on('message', onMessage);
    });
    // Events of a worker already replaced (after a hang) must not settle the next run.
    worker.on('message', (message) => {
      if (this.worker === worker && message.kind !== 'ready' && this.pending?.id === message.id) this.settle(message);
    });
    worker.on('error', (error) => {
      if (this.worker === worker) this.settle({ kind: 'died', message: `${error.code ?? error.name}: ${error.message}` });
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.settle({ kind: 'died', message: `worker exited with code ${code}` });
    });
  }

  settle(result) {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    clearTimeout(pending.timer);
    pending.resolve(result);
  }

  /**
   * @returns {Promise<{kind:'ok', outcome:{problems:string[], work:number}} | {kind:'throw', error:{name:string,message:string,stack:string}} | {kind:'hang'} | {kind:'died', message:string}>}
   */
  async run(target, text, timeoutMs) {
    if (!this.worker) await this.start();
    const id = this.nextId++;
    const result = new Promise((resolve) => {
      const timer = setTimeout(() => {
        const worker = this.worker;
        this.worker = null;
        this.settle({ kind: 'hang', timeoutMs });
        void worker?.terminate();
      }, timeoutMs);
      this.pending = { id, resolve, timer };
    });
    this.worker.postMessage({ id, target, text });
    return result;
  }

  async stop() {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}
