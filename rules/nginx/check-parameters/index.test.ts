import rule from './index.js';
import { testRule } from '../../../src/testing/index.js';

const check = (line: string): Record<string, string> => ({
  'nginx.conf': `events {}\nhttp {\n    upstream app {\n        server 10.0.0.5:80;\n        ${line}\n    }\n}\n`,
});

testRule({
  rule,
  valid: [
    { name: 'default timing: timeout 1000 ms below interval 30000 ms', files: check('check type=tcp;') },
    { name: 'every type Tengine knows', files: check('check interval=5000 timeout=3000 type=ssl_hello;') },
  ],
  invalid: [
    {
      name: 'a timeout equal to the default interval',
      files: check('check timeout=30000 type=tcp;'),
      findings: [
        {
          line: 5,
          column: 15,
          endLine: 5,
          endColumn: 28,
          message:
            '"timeout=30000" lets a health check wait 30000 ms while the next one is due every 30000 ms, so checks overlap and under latency healthy backends are marked down; make timeout smaller than interval, e.g. "timeout=18000" with "interval=30000"',
        },
      ],
    },
    {
      name: 'zero fall and a unit on interval',
      files: check('check interval=5s fall=0 timeout=1000;'),
      findings: [
        {
          line: 5,
          column: 15,
          endLine: 5,
          endColumn: 26,
          message: '"interval=5s" makes Tengine refuse to start ("invalid parameter") — the value must be a whole number of milliseconds, without a unit; write e.g. "interval=5000"',
        },
        {
          line: 5,
          column: 27,
          endLine: 5,
          endColumn: 33,
          message: '"fall=0" makes Tengine refuse to start ("invalid parameter") — zero results cannot change a backend\'s state; write e.g. "fall=2"',
        },
      ],
    },
  ],
});
