// Sends inputs to the fuzz child process one at a time. A run that exceeds its time limit kills
// the child (reported as a hang); a child that dies (a fatal V8 error, out of memory) is
// reported with the last line it printed; either way a fresh child takes over.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./target-process.mjs', import.meta.url));

export class TargetRunner {
  constructor(repoRoot, { memoryLimitMb = 1024 } = {}) {
    this.repoRoot = repoRoot;
    this.memoryLimitMb = memoryLimitMb;
    this.nextId = 0;
    this.child = null;
    this.pending = null;
  }

  async start() {
    const child = fork(CHILD, [this.repoRoot], {
      execArgv: [`--max-old-space-size=${this.memoryLimitMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child = child;
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr = (stderr + chunk).slice(-8192)));
    await new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code, signal) => reject(new Error(`fuzz child exited during start-up (${code ?? signal}): ${stderr}`)));
      child.on('message', (message) => message.kind === 'ready' && resolve());
    });
    child.removeAllListeners('exit');
    child.removeAllListeners('error');
    // Events of a child already replaced (after a hang) must not settle the next run.
    child.on('message', (message) => {
      if (this.child === child && message.kind !== 'ready' && this.pending?.id === message.id) this.settle(message);
    });
    child.on('exit', (code, signal) => {
      if (this.child !== child) return;
      this.child = null;
      const fatal = stderr.split('\n').find((line) => /FATAL|Error|Abort/i.test(line)) ?? stderr.trim().split('\n').pop() ?? '';
      this.settle({ kind: 'died', message: `child process died (${signal ?? `exit ${code}`}): ${fatal.trim()}` });
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
   * Runs `target` on `text` (`times` times in a row, for failures that need the parser's state
   * from a previous run) in the current child, or in a fresh one when `fresh`.
   * @returns {Promise<{kind:'ok', outcome:{problems:string[], work:number}} | {kind:'throw', error:{name:string,message:string,stack:string}} | {kind:'hang', timeoutMs:number} | {kind:'died', message:string}>}
   */
  async run(target, text, timeoutMs, { fresh = false, times = 1 } = {}) {
    if (fresh) await this.stop();
    if (!this.child) await this.start();
    const id = this.nextId++;
    const result = new Promise((resolve) => {
      const timer = setTimeout(() => {
        const child = this.child;
        this.child = null;
        this.settle({ kind: 'hang', timeoutMs });
        child?.kill('SIGKILL');
      }, timeoutMs);
      this.pending = { id, resolve, timer };
    });
    this.child.send({ id, target, text, times });
    return result;
  }

  async stop() {
    const child = this.child;
    this.child = null;
    if (!child) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}
