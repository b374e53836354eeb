'use strict';
// Loads the bundled CLI (dist/bundle/hoplint.cjs) with the V8 code cache the build writes next to
// it. Compiling ~1 MB of JavaScript cost more than linting a small file; with the cache V8 skips
// parsing and compiling the functions a run uses. A cache from another Node or V8 version is
// rejected by V8 itself, and the bundle is then compiled as usual. This file and bin/hoplint.js
// are CommonJS (bin/package.json) so that starting hoplint does not start the ES module loader.
const { existsSync, readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const bundlePath = join(__dirname, '..', 'dist', 'bundle', 'hoplint.cjs');
const codeCachePath = `${bundlePath}.v8-cache`;

/**
 * The bundle's exports (`main`), the compiled script (whose cache the build writes) and what V8
 * did with the cache: `accepted`, `rejected` (another Node or V8 build) or `absent`.
 */
function loadCli({ useCodeCache = true } = {}) {
  const source = readFileSync(bundlePath, 'utf8');
  const cachedData = useCodeCache && existsSync(codeCachePath) ? readFileSync(codeCachePath) : undefined;
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundlePath,
    cachedData,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
  // import() inside a vm.Script has no module loader; plugins named in a config are loaded by this file's.
  module.exports.setModuleImporter((url) => import(url));
  const codeCache = cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted';
  return { main: module.exports.main, script, codeCache };
}

module.exports = { loadCli, bundlePath, codeCachePath };
