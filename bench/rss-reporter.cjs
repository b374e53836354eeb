// Loaded with `node --require` so a child process reports its own peak RSS when it exits
// (CommonJS, so that measuring does not start the ES module loader hoplint itself avoids).
process.on('exit', () => {
  process.stderr.write(`\n@@maxrss_kb=${process.resourceUsage().maxRSS}\n`);
});
