import rule from './index.js';
import { testRule } from '../../../src/testing/index.js';

testRule({
  rule,
  valid: [
    { files: { 'nginx.conf': 'events {}\nhttp {\n    server {\n        listen 80;\n    }\n}\n' } },
    {
      name: 'a third-party directive declared in the config',
      files: { 'nginx.conf': 'events {}\nhttp {\n    server {\n        more_set_headers "X-A: b";\n    }\n}\n' },
      config: { nginx: { directives: ['more_set_headers'] } },
    },
    {
      name: 'a declared block directive',
      files: { 'nginx.conf': 'events {}\nhttp {\n    my_zone {\n        size 10m;\n    }\n}\n' },
      config: { nginx: { directives: [{ name: 'my_zone', contexts: ['http'], block: true }, { name: 'size', args: 1 }] } },
    },
    {
      name: "a declared directive of a module run by Tengine's process {} blocks",
      files: { 'nginx.conf': 'events {}\nprocesses {\n    process sync {\n        count 1;\n        sync_interval 5s;\n    }\n}\n' },
      config: { nginx: { directives: [{ name: 'sync_interval', contexts: ['process'], args: 1 }] } },
    },
  ],
  invalid: [
    {
      files: { 'nginx.conf': 'events {}\nhttp {\n    server {\n        proxy_passs http://b;\n    }\n}\n' },
      findings: [{ line: 4, column: 9, endLine: 4, endColumn: 20, message: 'unknown directive "proxy_passs"; did you mean "proxy_pass"?' }],
    },
    {
      name: 'no close match: the message says how to declare it',
      files: { 'nginx.conf': 'events {}\nhttp {\n    zzq_frobnicate on;\n}\n' },
      findings: [
        {
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 19,
          message: 'unknown directive "zzq_frobnicate"; if a third-party module provides it, declare it under nginx.directives in hoplint.config.yaml',
        },
      ],
    },
    {
      name: 'an included file, linted in its includer\'s context',
      files: {
        'nginx.conf': 'events {}\nhttp {\n    include conf.d/*.conf;\n}\n',
        'conf.d/a.conf': 'server {\n    listn 80;\n}\n',
      },
      findings: [{ file: 'conf.d/a.conf', line: 2, column: 5, endLine: 2, endColumn: 10, message: 'unknown directive "listn"; did you mean "listen"?' }],
    },
    {
      name: 'severity follows the config',
      files: { 'nginx.conf': 'events {}\nhttp {\n    gzipp on;\n}\n' },
      config: { extends: 'strict' },
      findings: [{ line: 3, column: 5, endLine: 3, endColumn: 10, severity: 'error' }],
    },
  ],
});
