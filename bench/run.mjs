// `npm run bench`: whole-process wall time, files/s, MB/s and peak RSS for corpora of growing
// size, the nginx parser's in-process throughput, and the comparison with `nginx -t`.
// Figures are printed, never asserted: the tests hold behaviour, this script holds speed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCniCorpus, writeKubernetesCorpus, writeNginxCorpus, writeNginxIncludeTree, writeSysctlCorpus } from './generate.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
// Outside the repository: its .gitignore would hide the corpora from discovery.
const outDir = join(tmpdir(), 'hoplint-bench');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const bin = join(repo, 'bin', 'hoplint.js');
const reporter = join(repo, 'bench', 'rss-reporter.cjs');
const quick = process.argv.includes('--quick');
const runs = quick ? 1 : 3;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeProcess(command, args, count = runs, cwd = repo) {
  const times = [];
  let maxRssKb = 0;
  let status = 0;
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    status = result.status ?? 1;
    const match = /@@maxrss_kb=(\d+)/.exec(result.stderr ?? '');
    if (match) maxRssKb = Math.max(maxRssKb, Number(match[1]));
    if (status === 2) process.stderr.write(result.stderr);
  }
  return { ms: median(times), maxRssKb, status };
}

function treeSize(dir) {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return { files, bytes };
}

function lintRow(label, target) {
  const { files, bytes } = treeSize(statSync(target).isDirectory() ? target : dirname(target));
  const run = timeProcess(process.execPath, ['--require', reporter, bin, '--format', 'json', '--no-color', target]);
  const seconds = run.ms / 1000;
  console.log(
    `${label.padEnd(34)} ${String(files).padStart(6)} files ${(bytes / 1e6).toFixed(2).padStart(7)} MB ${run.ms.toFixed(0).padStart(7)} ms ` +
      `${(files / seconds).toFixed(0).padStart(7)} files/s ${(bytes / 1e6 / seconds).toFixed(2).padStart(6)} MB/s  peak RSS ${(run.maxRssKb / 1024).toFixed(0).padStart(4)} MB`,
  );
  return run;
}

function nginxBinary() {
  for (const candidate of ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx']) if (existsSync(candidate)) return candidate;
  return undefined;
}

console.log(`hoplint benchmark on ${process.platform} ${process.arch}, node ${process.version}, ${runs} run(s) each, median\n`);

// 1. The nginx parser in-process.
const nginxFile = writeNginxCorpus(join(outDir, 'nginx-60k'));
const text = readFileSync(nginxFile, 'utf8');
const sizeMb = Buffer.byteLength(text) / 1e6;
const { parseNginxText } = await import(join(repo, 'dist/src/languages/nginx/index.js'));
for (let i = 0; i < 5; i++) parseNginxText(nginxFile, text);
const parseTimes = [];
for (let i = 0; i < 15; i++) {
  const start = process.hrtime.bigint();
  parseNginxText(nginxFile, text);
  parseTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
}
const parseMs = median(parseTimes);
console.log(`nginx parse in-process: ${text.split('\n').length - 1} lines, ${sizeMb.toFixed(2)} MB in ${parseMs.toFixed(1)} ms = ${(sizeMb / (parseMs / 1000)).toFixed(0)} MB/s (target >= 50)\n`);

// 2. Whole process: parse, lint, and nginx -t on the same file.
const parseRun = timeProcess(process.execPath, ['--require', reporter, bin, 'parse', nginxFile]);
console.log(`hoplint parse (60k-line nginx.conf): ${parseRun.ms.toFixed(0)} ms, peak RSS ${(parseRun.maxRssKb / 1024).toFixed(0)} MB (target < 200 MB)`);
const lintRun = timeProcess(process.execPath, ['--require', reporter, bin, '--format', 'json', nginxFile]);
console.log(`hoplint lint, all rules (same file): ${lintRun.ms.toFixed(0)} ms, peak RSS ${(lintRun.maxRssKb / 1024).toFixed(0)} MB (target < 300 MB)`);
const nginx = nginxBinary();
if (nginx) {
  const prefix = mkdtempSync(join(tmpdir(), 'hoplint-bench-nginx-'));
  mkdirSync(join(prefix, 'logs'), { recursive: true });
  const nginxRun = timeProcess(nginx, ['-t', '-q', '-p', prefix, '-c', nginxFile, '-g', `pid ${join(prefix, 'nginx.pid')};`]);
  rmSync(prefix, { recursive: true, force: true });
  if (nginxRun.status !== 0) console.log(`nginx -t failed on the corpus (exit ${nginxRun.status}); no comparison`);
  else {
    console.log(`nginx -t (same file): ${nginxRun.ms.toFixed(0)} ms`);
    console.log(`  hoplint parse / nginx -t = ${(parseRun.ms / nginxRun.ms).toFixed(2)} (target < 1)`);
    console.log(`  hoplint lint  / nginx -t = ${(lintRun.ms / nginxRun.ms).toFixed(2)} (target < 0.5)`);
  }
} else {
  console.log('nginx not installed: no nginx -t comparison');
}

// 3. The pre-commit case: one small file.
const small = join(outDir, 'small');
mkdirSync(small, { recursive: true });
writeFileSync(join(small, 'sysctl.conf'), 'net.core.somaxconn = 4096\nnet.ipv4.tcp_tw_reuse = 1\n');
const smallRun = timeProcess(process.execPath, ['--require', reporter, bin, join(small, 'sysctl.conf')], quick ? 3 : 9);
console.log(`\nsingle small file (pre-commit case): ${smallRun.ms.toFixed(0)} ms, peak RSS ${(smallRun.maxRssKb / 1024).toFixed(0)} MB (target < 150 ms)\n`);

// 4. Growth with size: each corpus at 1/4, 1/2 and full size.
console.log('corpus                                   files        size    wall       files/s     MB/s');
for (const fraction of [0.25, 0.5, 1]) {
  lintRow(`nginx include tree x${fraction}`, writeNginxIncludeTree(join(outDir, `nginx-tree-${fraction}`), Math.round(1000 * fraction)));
}
for (const fraction of [0.25, 0.5, 1]) {
  lintRow(`k8s manifests x${fraction}`, writeKubernetesCorpus(join(outDir, `k8s-${fraction}`), Math.round(10000 * fraction)));
}
for (const fraction of [0.25, 0.5, 1]) {
  lintRow(`sysctl.d files x${fraction}`, writeSysctlCorpus(join(outDir, `sysctl-${fraction}`), Math.round(1000 * fraction)));
}
for (const fraction of [0.25, 0.5, 1]) {
  lintRow(`CNI conflists x${fraction}`, writeCniCorpus(join(outDir, `cni-${fraction}`), Math.round(200 * fraction)));
}
console.log('\n(k8s target: 10,000 manifests under 2 s; peak RSS under 300 MB for every corpus)');
