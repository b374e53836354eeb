#!/usr/bin/env node
// Records what the real `nginx -t` says about every corpus case into expected.json.
// Usage: node test/nginx-oracle/record.mjs          (rewrite expected.json)
//        node test/nginx-oracle/record.mjs --check  (exit 1 if the recording is stale)
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { EXPECTED_FILE, findNginx, listCases, nginxModulesPath, nginxVerdict } from './oracle.mjs';

const nginx = findNginx();
if (!nginx) {
  console.error('record.mjs: nginx not found (looked at /usr/sbin/nginx and PATH); install it, e.g. apt-get install nginx');
  process.exit(2);
}
const modulesPath = nginxModulesPath(nginx);
const versionRun = spawnSync(nginx, ['-v'], { encoding: 'utf8' });
const version = versionRun.stderr.trim().replace(/^nginx version: /, '');

const cases = {};
for (const testCase of listCases()) cases[testCase.name] = nginxVerdict(nginx, testCase, modulesPath);

const recording = { nginx: version, cases };
const text = `${JSON.stringify(recording, null, 2)}\n`;
const counts = Object.values(cases).reduce((acc, c) => ({ ...acc, [c.verdict]: (acc[c.verdict] ?? 0) + 1 }), {});
const summary = `${Object.keys(cases).length} cases (ok: ${counts.ok ?? 0}, failed: ${counts.failed ?? 0}) with ${version}`;

if (process.argv.includes('--check')) {
  let previous = '';
  try {
    previous = readFileSync(EXPECTED_FILE, 'utf8');
  } catch {
    previous = '';
  }
  if (previous !== text) {
    console.error(`record.mjs --check: expected.json is stale; re-run node test/nginx-oracle/record.mjs (${summary})`);
    process.exit(1);
  }
  console.log(`expected.json is current: ${summary}`);
} else {
  writeFileSync(EXPECTED_FILE, text);
  console.log(`recorded ${summary}`);
}
