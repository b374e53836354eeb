/**
 * Runs one job per key, debounced: a burst of requests for a key within `delayMs` runs once, and
 * a request while the key's job is running runs it once more after it finishes, never twice at
 * the same time. With a delay of 0 the first change of a pause lints at once (Ruff's server does
 * the same), and typing faster than a lint takes still coalesces into one lint per lint time.
 */
export class KeyedScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();

  constructor(
    private readonly delayMs: () => number,
    private readonly onError: (key: string, error: unknown) => void,
  ) {}

  schedule(key: string, job: () => Promise<void>): void {
    if (this.timers.has(key)) return;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.start(key, job);
      }, this.delayMs()),
    );
  }

  private start(key: string, job: () => Promise<void>): void {
    if (this.running.has(key)) {
      this.again.add(key);
      return;
    }
    const run = (async () => {
      try {
        await job();
      } catch (error) {
        this.onError(key, error);
      }
    })().finally(() => {
      this.running.delete(key);
      if (this.again.delete(key)) this.start(key, job);
    });
    this.running.set(key, run);
  }

  /** Resolves when nothing is scheduled or running (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.timers.size > 0 || this.running.size > 0) {
      await Promise.all(this.running.values());
      if (this.timers.size > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs()));
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
