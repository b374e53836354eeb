#!/usr/bin/env node
// Bundles the compiled CLI (dist/src/cli/main.js, every command, the rules and the parsers) into
// one CommonJS file, dist/bundle/hoplint.cjs, and writes its V8 code cache beside it.
// Resolving, linking and compiling ~190 ES modules and the `yaml` package's ~60 CommonJS files
// cost a node process more than linting a small file (the pre-commit case). bin/load-cli.js
// loads the bundle with the cache. ajv is required lazily at run time and stays outside.
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(repo, 'dist', 'bundle');
rmSync(outDir, { recursive: true, force: true });

const build = await rolldown({
  input: { hoplint: join(repo, 'dist', 'src', 'cli', 'main.js') },
  platform: 'node',
  external: [/^node:/, /^ajv(\/|$)/],
  // yaml's ES module build (published for browsers, the same code) is hoisted into the bundle's
  // scope; its CommonJS build would be wrapped per file and evaluated on every start.
  resolve: { alias: { yaml: join(repo, 'node_modules', 'yaml', 'browser', 'index.js') } },
  logLevel: 'warn',
  onLog(level, log, handler) {
    // Circular imports between the engine's modules are intended and resolved by ESM itself.
    if (log.code === 'CIRCULAR_DEPENDENCY') return;
    handler(level, log);
  },
});
await build.write({ dir: outDir, format: 'cjs', codeSplitting: false, entryFileNames: '[name].cjs' });
await build.close();

// The code cache holds the functions a run compiled, so the build runs hoplint over the bundled
// examples (every language, policies, each report format) before writing it.
const { loadCli, codeCachePath } = createRequire(import.meta.url)('../bin/load-cli.js');
const { main, script } = loadCli({ useCodeCache: false });
const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
const io = { stdout: discard, stderr: discard, stdin: process.stdin, cwd: repo, env: {} };
for (const argv of [
  ['examples'],
  ['--format', 'json', 'examples'],
  ['--format', 'sarif', 'examples/1-swarm-time-wait'],
  ['--fix-dry-run', 'examples'],
  ['rules'],
  ['explain', 'nginx/proxy-http-version'],
  ['parse', 'examples/1-swarm-time-wait/broken/nginx.conf'],
]) {
  await main(argv, io);
}
writeFileSync(codeCachePath, script.createCachedData());
