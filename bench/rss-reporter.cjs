// Loaded with `node --import` so a child process reports its own peak RSS when it exits.
process.on('exit', () => {
  process.stderr.write(`\n@@maxrss_kb=${process.resourceUsage().maxRSS}\n`);
});
