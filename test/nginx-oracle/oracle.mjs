// Runs the real nginx over one corpus case and reduces its answer to a verdict, file, line and
// message. Shared by record.mjs (which writes expected.json) and test/nginx-oracle.test.ts
// (which re-runs it live), so both always invoke nginx the same way.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CASES_DIR = fileURLToPath(new URL('./cases/', import.meta.url));
export const EXPECTED_FILE = fileURLToPath(new URL('./expected.json', import.meta.url));

const ROOT_CONFIG = 'nginx.conf';
const CASE_NAME = /^\d{3}-[a-z0-9-]+(\.conf)?$/;

/** Every case, sorted by name: `NNN-name.conf` files and `NNN-name/` folders with a root `nginx.conf`. */
export function listCases(casesDir = CASES_DIR) {
  return readdirSync(casesDir)
    .filter((entry) => CASE_NAME.test(entry))
    .sort()
    .map((entry) => {
      const path = join(casesDir, entry);
      const isFolder = statSync(path).isDirectory();
      return { name: entry.replace(/\.conf$/, ''), path, isFolder };
    });
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** `/usr/sbin/nginx`, else the first `nginx` on PATH, else null. */
export function findNginx() {
  const candidates = ['/usr/sbin/nginx', ...(process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'nginx'))];
  return candidates.find(isExecutable) ?? null;
}

/** The `--modules-path` nginx was built with, where `load_module modules/…` cases find stream and mail. */
export function nginxModulesPath(nginx) {
  const result = spawnSync(nginx, ['-V'], { encoding: 'utf8' });
  const match = /--modules-path=(\S+)/.exec(`${result.stdout}${result.stderr}`);
  return match ? match[1] : null;
}

/**
 * Copies a case into a fresh scratch prefix: the root config becomes `<prefix>/nginx.conf`,
 * `logs/` exists for relative log paths, and `modules` points at nginx's module directory so
 * `load_module modules/ngx_stream_module.so;` works without naming a host path.
 */
export function stageCase(testCase, modulesPath) {
  const prefix = mkdtempSync(join(tmpdir(), 'hoplint-nginx-oracle-'));
  if (testCase.isFolder) cpSync(testCase.path, prefix, { recursive: true });
  else cpSync(testCase.path, join(prefix, ROOT_CONFIG));
  mkdirSync(join(prefix, 'logs'), { recursive: true });
  if (modulesPath) symlinkSync(modulesPath, join(prefix, 'modules'));
  return { prefix, config: join(prefix, ROOT_CONFIG), cleanup: () => rmSync(prefix, { recursive: true, force: true }) };
}

const EMERG = /\[emerg\] (?:\d+#\d+: )?(.*) in (.+):(\d+)$/;
const EMERG_WITHOUT_POSITION = /\[emerg\] (?:\d+#\d+: )?(.*)$/;

/** Paths inside the scratch prefix become relative so the outcome does not depend on where it ran. */
function relativeToPrefix(text, prefix) {
  return text.split(prefix + sep).join('');
}

/**
 * Reduces one nginx run to `{verdict, file, line, message}`. `file` is relative to the case
 * root (`nginx.conf`, `conf.d/a.conf`); `line` is null when nginx named no position (or crashed).
 */
export function interpretNginxRun({ status, signal, stderr }, prefix) {
  if (signal) {
    return { verdict: 'failed', file: null, line: null, message: `nginx was killed by ${signal}` };
  }
  if (status === 0) return { verdict: 'ok', file: null, line: null, message: null };
  const lines = relativeToPrefix(stderr, prefix).split('\n');
  for (const text of lines) {
    const positioned = EMERG.exec(text);
    if (positioned) {
      return { verdict: 'failed', file: positioned[2], line: Number(positioned[3]), message: positioned[1] };
    }
  }
  const unpositioned = lines.map((text) => EMERG_WITHOUT_POSITION.exec(text)).find(Boolean);
  return { verdict: 'failed', file: null, line: null, message: unpositioned ? unpositioned[1] : lines.filter(Boolean).join(' | ') };
}

/** Runs `nginx -t` on a staged case, writing only inside the scratch prefix. */
export function runNginx(nginx, staged) {
  const { prefix, config } = staged;
  const result = spawnSync(
    nginx,
    ['-t', '-q', '-p', `${prefix}/`, '-c', config, '-g', `pid ${join(prefix, 'nginx.pid')}; error_log stderr;`],
    { encoding: 'utf8', timeout: 30_000 },
  );
  if (result.error) throw result.error;
  return interpretNginxRun({ status: result.status, signal: result.signal, stderr: result.stderr }, prefix);
}

/** Stages, runs and cleans up one case. */
export function nginxVerdict(nginx, testCase, modulesPath) {
  const staged = stageCase(testCase, modulesPath);
  try {
    return runNginx(nginx, staged);
  } finally {
    staged.cleanup();
  }
}

/** A file's path relative to the staged prefix, as nginx names it in messages. */
export function pathInCase(prefix, file) {
  return relative(prefix, file).split(sep).join('/');
}
