// `npm run bench`: prints throughput, whole-process time, peak RSS and nginx -t comparison.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeNginxCorpus } from './generate.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(repo, 'bench', 'out');
mkdirSync(outDir, { recursive: true });
const bin = join(repo, 'bin', 'hoplint.js');
const reporter = join(repo, 'bench', 'rss-reporter.mjs');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeProcess(command, args, runs = 5) {
  const times = [];
  let maxRssKb = 0;
  let status = 0;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    status = result.status ?? 1;
    const match = /@@maxrss_kb=(\d+)/.exec(result.stderr ?? '');
    if (match) maxRssKb = Math.max(maxRssKb, Number(match[1]));
  }
  return { ms: median(times), maxRssKb, status };
}

function nginxBinary() {
  for (const candidate of ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx']) if (existsSync(candidate)) return candidate;
  return undefined;
}

const rows = [];
function report(label, value) {
  rows.push([label, value]);
  console.log(`${label.padEnd(48)} ${value}`);
}

// 1. nginx: in-process parse throughput
const nginxFile = writeNginxCorpus(join(outDir, 'nginx-60k'));
const text = readFileSync(nginxFile, 'utf8');
const sizeMb = statSync(nginxFile).size / 1e6;
const lines = text.split('\n').length - 1;
console.log(`nginx corpus: ${nginxFile} (${lines} lines, ${sizeMb.toFixed(2)} MB)\n`);
const { parseNginxText } = await import(join(repo, 'dist/src/languages/nginx/index.js'));
for (let i = 0; i < 3; i++) parseNginxText(nginxFile, text);
const parseTimes = [];
for (let i = 0; i < 10; i++) {
  const start = process.hrtime.bigint();
  parseNginxText(nginxFile, text);
  parseTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
}
const parseMs = median(parseTimes);
report('nginx parse, in-process (median of 10)', `${parseMs.toFixed(1)} ms = ${(sizeMb / (parseMs / 1000)).toFixed(0)} MB/s (target >= 50)`);

// 2. whole-process `hoplint parse`
const parseRun = timeProcess(process.execPath, ['--import', reporter, bin, 'parse', nginxFile]);
report('hoplint parse, whole process (median of 5)', `${parseRun.ms.toFixed(0)} ms, peak RSS ${(parseRun.maxRssKb / 1024).toFixed(0)} MB (target < 200 MB)`);

// 3. whole-process lint with all rules
const lintRun = timeProcess(process.execPath, ['--import', reporter, bin, '--format', 'json', '--no-color', nginxFile]);
report('hoplint lint (all rules), whole process', `${lintRun.ms.toFixed(0)} ms, peak RSS ${(lintRun.maxRssKb / 1024).toFixed(0)} MB`);

// 4. nginx -t on the same file
const nginx = nginxBinary();
if (nginx) {
  const prefix = mkdtempSync(join(tmpdir(), 'hoplint-bench-nginx-'));
  mkdirSync(join(prefix, 'logs'), { recursive: true });
  const nginxRun = timeProcess(nginx, ['-t', '-q', '-p', prefix, '-c', nginxFile, '-g', `pid ${join(prefix, 'nginx.pid')};`]);
  if (nginxRun.status !== 0) report('nginx -t', `failed (exit ${nginxRun.status}); no comparison`);
  else {
    report('nginx -t, whole process (median of 5)', `${nginxRun.ms.toFixed(0)} ms`);
    report('hoplint parse / nginx -t', `${(parseRun.ms / nginxRun.ms).toFixed(2)} (target < 1)`);
    report('hoplint lint / nginx -t', `${(lintRun.ms / nginxRun.ms).toFixed(2)}`);
  }
} else {
  report('nginx -t', 'nginx not installed; no comparison');
}
