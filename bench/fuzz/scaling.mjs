// Measures how each parser's time grows when a pathological unit is repeated n and 8n times.
// Printed by the fuzz script, never asserted: the tests hold behaviour, scripts hold speed.

const FACTOR = 8;
/** A ratio above twice the linear one, on a run long enough not to be noise, is reported. */
const SUSPICIOUS_RATIO = 2 * FACTOR;
const NOISE_FLOOR_MS = 40;

async function timed(runner, target, text, timeoutMs) {
  const started = performance.now();
  const result = await runner.run(target, text, timeoutMs);
  return { ms: performance.now() - started, result, text };
}

async function bestOf(runner, target, text, timeoutMs, repeats) {
  let best = null;
  for (let i = 0; i < repeats; i++) {
    const run = await timed(runner, target, text, timeoutMs);
    if (run.result.kind !== 'ok') return run;
    if (!best || run.ms < best.ms) best = run;
  }
  return best;
}

/**
 * @param {import('./runner.mjs').TargetRunner} runner
 * @param {string[]} targets
 * @param {readonly string[]} units
 */
export async function measureScaling(runner, targets, units, { baseChars = 4_000, timeoutMs = 60_000, deadline = Infinity } = {}) {
  const rows = [];
  for (const target of targets) await runner.run(target, 'warm up\n'.repeat(100), timeoutMs);
  // Unit by unit across every target, so that a cut-short measurement still covers each parser.
  for (const unit of units) {
    for (const target of targets) {
      if (performance.now() > deadline) return rows;
      const small = unit.repeat(Math.ceil(baseChars / unit.length));
      const large = small.repeat(FACTOR);
      const one = await bestOf(runner, target, small, timeoutMs, 1);
      const eight = await bestOf(runner, target, large, timeoutMs, 1);
      let ratio = eight.ms / Math.max(one.ms, 0.01);
      let failing = [one, eight].find((run) => run.result.kind !== 'ok');
      let failed = failing?.result.kind ?? null;
      let confirmed = false;
      if (!failed && ratio > SUSPICIOUS_RATIO && eight.ms > NOISE_FLOOR_MS) {
        // Small runs are dominated by JIT warm-up and GC timing: confirm one size up, best of two.
        const again = await bestOf(runner, target, large, timeoutMs, 2);
        const larger = await bestOf(runner, target, large.repeat(FACTOR), timeoutMs * FACTOR, 2);
        if (larger.result.kind !== 'ok') {
          failing = larger;
          failed = larger.result.kind;
        }
        confirmed = larger.ms / Math.max(again.ms, 0.01) > SUSPICIOUS_RATIO;
        ratio = Math.min(ratio, larger.ms / Math.max(again.ms, 0.01));
      }
      rows.push({
        target,
        unit,
        chars: large.length,
        ms: one.ms,
        ms8: eight.ms,
        ratio,
        workRatio: one.result.kind === 'ok' && eight.result.kind === 'ok' ? eight.result.outcome.work / Math.max(1, one.result.outcome.work) : NaN,
        superLinear: failed !== null || confirmed,
        failed,
        /** The run that threw, hung or died, with its input. */
        failure: failing && { result: failing.result, text: failing.text },
      });
    }
  }
  return rows;
}
