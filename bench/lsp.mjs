// `npm run bench:lsp`: how long the language server takes from a keystroke (`didChange`) to the
// diagnostics it publishes for that version, on a 5,000-line nginx.conf. Printed, never asserted.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { generateNginxConfig } from './generate.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(repo, 'bin', 'hoplint.js');
const TARGET_LINES = 5000;
const WARMUP = 15;
const SAMPLES = Number(process.env.HOPLINT_BENCH_SAMPLES ?? 60);

// 30 lines per server block plus the upstreams: enough servers for TARGET_LINES lines.
let servers = 1;
while (generateNginxConfig(servers).split('\n').length < TARGET_LINES) servers++;
const text = generateNginxConfig(servers);
const lines = text.split('\n').length - 1;

const dir = mkdtempSync(join(tmpdir(), 'hoplint-bench-lsp-'));
// HOPLINT_BENCH_CONFIG replaces the config, e.g. to turn one rule off and see what it costs.
writeFileSync(join(dir, 'hoplint.config.yaml'), process.env.HOPLINT_BENCH_CONFIG ?? 'environment: {}\n');
writeFileSync(join(dir, 'nginx.conf'), text);
const uri = pathToFileURL(join(dir, 'nginx.conf')).href;

const child = spawn(process.execPath, [bin, 'lsp', '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiting = new Map();
let lastCount = 0;
connection.onNotification('textDocument/publishDiagnostics', (params) => {
  if (params.uri !== uri) return;
  lastCount = params.diagnostics.length;
  waiting.get(params.version)?.(performance.now());
  waiting.delete(params.version);
});
connection.listen();

const rootUri = pathToFileURL(dir).href;
await connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }], capabilities: {} });
await connection.sendNotification('initialized', {});

function published(version) {
  return new Promise((resolve) => waiting.set(version, resolve));
}

let version = 1;
const opened = published(version);
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nginx', version, text } });
await opened;

// One keystroke per change: type a character into a server_name, then delete it (incremental sync).
const line = text.split('\n').findIndex((l) => l.includes('server_name site7.example.test'));
const column = text.split('\n')[line].indexOf('site7') + 5;
const samples = [];
for (let i = 0; i < WARMUP + SAMPLES; i++) {
  version++;
  const typed = i % 2 === 0;
  const change = typed
    ? { range: { start: { line, character: column }, end: { line, character: column } }, text: 'x' }
    : { range: { start: { line, character: column }, end: { line, character: column + 1 } }, text: '' };
  const done = published(version);
  const start = performance.now();
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
  const end = await done;
  if (i >= WARMUP) samples.push(end - start);
}

await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
connection.dispose();
rmSync(dir, { recursive: true, force: true });

samples.sort((a, b) => a - b);
const at = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
console.log(`LSP didChange → publishDiagnostics, nginx.conf of ${lines} lines (${servers} servers), ${samples.length} keystrokes after ${WARMUP} warm-up:`);
console.log(`  median ${at(0.5).toFixed(1)} ms   p90 ${at(0.9).toFixed(1)} ms   min ${samples[0].toFixed(1)} ms   max ${samples[samples.length - 1].toFixed(1)} ms   (target: median < 30 ms; ${lastCount} diagnostics)`);
