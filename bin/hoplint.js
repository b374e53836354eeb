#!/usr/bin/env node
'use strict';
const { loadCli } = require('./load-cli.js');

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
