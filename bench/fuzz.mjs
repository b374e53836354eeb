// `npm run fuzz [-- --seconds N] [--seed S]`: mutates the real corpora with a seeded PRNG, runs
// every parser on each input (every 50th input also through the whole CLI) and reports each
// crash — an exception, a hang, a position outside the file, a CLI exit other than 0/1, output
// that is not JSON, a stack trace — with a reproducer minimised by delta debugging, written to
// test/fuzz-regressions/<parser>-<hash>.txt, where test/fuzz-regressions.test.ts replays it.
// It opens with a measurement of how each parser's time grows on pathological input.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runCliOnText } from './fuzz/cli-run.mjs';
import { loadCorpus } from './fuzz/corpus.mjs';
import { distIsBuilt } from './fuzz/dist-api.mjs';
import { failureOf, isSameFailure } from './fuzz/failure.mjs';
import { minimize } from './fuzz/minimize.mjs';
import { PATHOLOGICAL_UNITS, applyMutation, randomMutation } from './fuzz/mutate.mjs';
import { createRandom } from './fuzz/prng.mjs';
import { TargetRunner } from './fuzz/runner.mjs';
import { measureScaling } from './fuzz/scaling.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    seed: { type: 'string' },
    'cli-every': { type: 'string', default: '50' },
    'no-scaling': { type: 'boolean', default: false },
    'scaling-only': { type: 'boolean', default: false },
    'timeout-ms': { type: 'string', default: '10000' },
    out: { type: 'string', default: join(repoRoot, 'test', 'fuzz-regressions') },
  },
});
const seconds = Number(options.seconds);
const seed = options.seed === undefined ? (Date.now() ^ process.pid) >>> 0 : Number(options.seed);
const cliEvery = Number(options['cli-every']);
const timeoutMs = Number(options['timeout-ms']);
if (!Number.isFinite(seconds) || seconds <= 0 || !Number.isInteger(seed) || !(cliEvery > 0) || !(timeoutMs > 0)) {
  process.stderr.write('usage: node bench/fuzz.mjs [--seconds N] [--seed S] [--cli-every K] [--timeout-ms T] [--no-scaling | --scaling-only] [--out DIR]\n');
  process.exit(2);
}
if (!distIsBuilt(repoRoot)) {
  process.stderr.write('dist/ is missing: run `npm run build` (or `npm run fuzz`, which builds first)\n');
  process.exit(2);
}
const cliAvailable = existsSync(join(repoRoot, 'dist', 'src', 'cli', 'main.js'));
const TARGETS = ['nginx', 'sysctl', 'yaml', 'kubernetes', 'network-yaml', 'cni', 'flannel'];
const FILE_NAMES = { nginx: 'nginx.conf', sysctl: 'sysctl.conf', yaml: 'manifest.yaml', kubernetes: 'manifest.yaml', 'network-yaml': 'cluster.yml', cni: '10-net.conflist', flannel: 'net-conf.json' };
const MAX_INPUT_CHARS = 1_000_000;

const started = performance.now();
const deadline = started + seconds * 1000;
const runner = new TargetRunner(repoRoot);
const random = createRandom(seed);
const corpus = loadCorpus(repoRoot);
const log = (line) => process.stdout.write(`${line}\n`);
log(`hoplint fuzz: seed ${seed}, ${seconds} s, ${corpus.length} corpus files, CLI every ${cliEvery} inputs${cliAvailable ? '' : ' (skipped: no dist/src/cli/main.js)'}`);

/** Found failures by `<prefix> <signature>`, so one bug is minimised and written once. */
const found = new Map();

function randomInput() {
  if (random.chance(0.04)) {
    const bytes = new Uint8Array(random.int(2048));
    for (let i = 0; i < bytes.length; i++) bytes[i] = random.int(256);
    return { text: new TextDecoder('utf-8').decode(bytes), target: random.pick(TARGETS), origin: 'random bytes' };
  }
  const file = random.pick(corpus);
  let text = file.text;
  if (random.chance(0.1)) {
    const other = random.pick(corpus).text;
    const from = random.int(other.length + 1);
    const at = random.int(text.length + 1);
    text = text.slice(0, at) + other.slice(from, from + 1 + random.int(2000)) + text.slice(at);
  }
  const count = random.chance(0.1) ? 10 + random.int(30) : 1 + random.int(6);
  for (let i = 0; i < count && text.length < MAX_INPUT_CHARS; i++) text = applyMutation(text, randomMutation(random));
  const target = random.chance(0.1) ? random.pick(TARGETS) : random.pick(file.targets);
  return { text: text.slice(0, MAX_INPUT_CHARS).toWellFormed(), target, origin: file.name };
}

function writeReproducer(prefix, text) {
  mkdirSync(options.out, { recursive: true });
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 12);
  const path = join(options.out, `${prefix}-${hash}.txt`);
  if (!existsSync(path)) writeFileSync(path, text);
  return path;
}

async function reportInProcess(target, input, failure) {
  const key = `${target} ${failure.signatures[0]}`;
  const known = found.get(key);
  if (known) return void known.count++;
  const entry = { key, kind: failure.kind, target, origin: input.origin, count: 1, detail: failure.detail };
  found.set(key, entry);
  // A dead child may have died of state an earlier input left behind: replay in a fresh child, twice.
  const died = failure.kind === 'died';
  const runOnce = (candidate) => runner.run(target, candidate, timeoutMs, died ? { fresh: true, times: 2 } : {});
  const stillFails = async (candidate) => isSameFailure(failure, failureOf(await runOnce(candidate)));
  if (died && !(await stillFails(input.text))) entry.detail += '\n(not reproduced in a fresh process: depends on the inputs before it)';
  const minimised = await minimize(input.text, stillFails, { maxChecks: failure.kind === 'hang' || died ? 30 : 1500 });
  entry.reproducer = writeReproducer(target, minimised.text);
  entry.minimisedFrom = input.text.length;
  entry.minimisedTo = minimised.text.length;
  const replay = failureOf(await runOnce(minimised.text));
  if (replay) entry.detail = replay.detail;
  log(`  ✗ ${key}  →  ${relative(repoRoot, entry.reproducer)} (${entry.minimisedTo} of ${entry.minimisedFrom} chars)`);
}

/** Slow inputs seen, by target: a run over the time limit that ends given three times as long. */
const slow = [];

/** A time-out on a busy machine is not a hang: give the input three times as long in a fresh process. */
async function isOnlySlow(input) {
  const started = performance.now();
  const again = await runner.run(input.target, input.text, timeoutMs * 3, { fresh: true });
  if (again.kind === 'hang') return false;
  slow.push({ target: input.target, origin: input.origin, chars: input.text.length, ms: performance.now() - started });
  return true;
}

async function reportCli(target, input, crash) {
  const key = `cli-${target} ${crash.signature}`;
  const known = found.get(key);
  if (known) return void known.count++;
  const entry = { key, kind: 'cli', target, origin: input.origin, count: 1, detail: crash.detail };
  found.set(key, entry);
  const fileName = FILE_NAMES[target];
  const stillFails = async (candidate) => {
    const again = runCliOnText(repoRoot, fileName, candidate);
    return again.crashed && again.signature === crash.signature;
  };
  const minimised = await minimize(input.text, stillFails, { maxChecks: 80 });
  entry.reproducer = writeReproducer(`cli-${target}`, minimised.text);
  entry.minimisedFrom = input.text.length;
  entry.minimisedTo = minimised.text.length;
  log(`  ✗ ${key}  →  ${relative(repoRoot, entry.reproducer)} (${entry.minimisedTo} of ${entry.minimisedFrom} chars)`);
}

async function scalingPhase() {
  const budget = options['scaling-only'] ? Infinity : started + Math.min(seconds * 1000 * 0.3, 60_000);
  log('\nGrowth on pathological input (time for 8n chars / time for n; linear ≈ 8; work = positions produced):');
  const rows = await measureScaling(runner, TARGETS, PATHOLOGICAL_UNITS, { deadline: budget });
  let flagged = 0;
  for (const row of rows) {
    if (!row.superLinear) continue;
    flagged++;
    log(`  ! ${row.target.padEnd(12)} unit ${JSON.stringify(row.unit).padEnd(10)} ${row.failed ?? ''} ${row.ms.toFixed(1)} ms → ${row.ms8.toFixed(1)} ms at ${row.chars} chars (×${row.ratio.toFixed(1)}, work ×${row.workRatio.toFixed(1)})`);
  }
  for (const row of rows) {
    const failure = row.failure && failureOf(row.failure.result);
    if (failure) await reportInProcess(row.target, { text: row.failure.text, origin: `growth measurement, unit ${JSON.stringify(row.unit)}` }, failure);
  }
  const worst = [...rows].sort((a, b) => b.ms8 - a.ms8).slice(0, 5);
  for (const row of worst) {
    log(`    slowest: ${row.target.padEnd(12)} unit ${JSON.stringify(row.unit).padEnd(10)} ${row.ms.toFixed(1)} ms → ${row.ms8.toFixed(1)} ms (×${row.ratio.toFixed(1)})`);
  }
  log(`  ${rows.length} measurements, ${flagged} super-linear`);
  return flagged;
}

async function fuzzPhase() {
  const runs = Object.fromEntries(TARGETS.map((target) => [target, 0]));
  let inputs = 0;
  let cliRuns = 0;
  log('\nFuzzing:');
  while (performance.now() < deadline) {
    const input = randomInput();
    inputs++;
    runs[input.target]++;
    const failure = failureOf(await runner.run(input.target, input.text, timeoutMs));
    if (failure?.kind === 'hang' && !found.has(`${input.target} hang`) && (await isOnlySlow(input))) continue;
    if (failure) await reportInProcess(input.target, input, failure);
    if (cliAvailable && inputs % cliEvery === 0) {
      cliRuns++;
      const crash = runCliOnText(repoRoot, FILE_NAMES[input.target], input.text);
      if (crash.crashed) await reportCli(input.target, input, crash);
    }
  }
  log(`  ${inputs} inputs (${TARGETS.map((target) => `${target} ${runs[target]}`).join(', ')}), ${cliRuns} through the CLI`);
}

let superLinear = 0;
try {
  if (!options['no-scaling']) superLinear = await scalingPhase();
  if (!options['scaling-only']) await fuzzPhase();
} finally {
  await runner.stop();
}

for (const entry of slow) {
  log(`\nslow (not a hang): ${entry.target} took ${(entry.ms / 1000).toFixed(1)} s on ${entry.chars} chars mutated from ${entry.origin}`);
}
log(`\n${found.size} distinct failure(s) in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${seed})`);
for (const entry of found.values()) {
  log(`\n[${entry.key}] seen ${entry.count}×, first from ${entry.origin}`);
  log(`  reproducer: ${relative(repoRoot, entry.reproducer)}`);
  log(entry.detail.split('\n').slice(0, 12).map((line) => `  | ${line}`).join('\n'));
}
process.exitCode = found.size > 0 || superLinear > 0 ? 1 : 0;
