#!/usr/bin/env node
'use strict';
const { loadCli } = require('./load-cli.js');

// A reader that stops early (`hoplint parse big.conf | head`) closes the pipe: the rest of the
// output is dropped, as a Unix filter would, and the run still ends with its own exit code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') {
      if (stream === process.stdout) process.stderr.write(`hoplint: cannot write the output: ${error.message}\n`);
      process.exitCode = 2;
    }
    stream.write = (_chunk, encoding, callback) => {
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') process.nextTick(done);
      return true;
    };
  });
}

let main;
try {
  ({ main } = loadCli());
} catch (error) {
  process.stderr.write(`hoplint: cannot load the built CLI (${error instanceof Error ? error.message : String(error)}); run \`npm run build\`\n`);
  process.exit(2);
}
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`hoplint: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
