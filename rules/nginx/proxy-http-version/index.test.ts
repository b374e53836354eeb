import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from './index.js';
import { fixRoundTrip, readCase, testRule } from '../../../src/testing/index.js';

const positives = join(import.meta.dirname, 'fixtures', 'positive');

testRule({
  rule,
  valid: [
    {
      name: 'a nested location inherits 1.1 from its parent location',
      files: { 'nginx.conf': 'events {}\nhttp {\n    server {\n        location /a/ {\n            proxy_http_version 1.1;\n            location /a/b/ {\n                proxy_pass http://127.0.0.1:8080;\n            }\n        }\n    }\n}\n' },
    },
    {
      name: 'no proxy_pass at all',
      files: { 'nginx.conf': 'events {}\nhttp {\n    proxy_http_version 1.0;\n    server {\n        location / {\n            return 204;\n        }\n    }\n}\n' },
    },
  ],
  invalid: [
    {
      name: 'the message quotes the proxy_pass and says what to add',
      files: { 'nginx.conf': 'events {}\nhttp {\n    server {\n        location / { proxy_pass http://127.0.0.1:8080; }\n    }\n}\n' },
      findings: [
        {
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 32,
          message:
            '"proxy_pass http://127.0.0.1:8080" runs with nginx\'s default proxy_http_version 1.0, so every request opens a new upstream connection that the backend closes, leaving a TIME_WAIT socket per request; add "proxy_http_version 1.1;" to the location (or to http {})',
        },
      ],
    },
    {
      name: 'a location overrides an http-level 1.1 with 1.0',
      files: { 'nginx.conf': 'events {}\nhttp {\n    proxy_http_version 1.1;\n    server {\n        location / {\n            proxy_http_version "1.0";\n            proxy_pass http://127.0.0.1:8080;\n        }\n    }\n}\n' },
      findings: [
        {
          line: 6,
          column: 32,
          endLine: 6,
          endColumn: 37,
          message:
            '\'proxy_http_version "1.0"\' makes every proxied request open a new upstream connection that the backend closes, leaving a TIME_WAIT socket per request and ruling out upstream keepalive; write "proxy_http_version 1.1;"',
        },
      ],
    },
  ],
});

describe('nginx/proxy-http-version fixes', () => {
  for (const name of readdirSync(positives)) {
    it(`positive/${name}: applying the fixes silences the rule and keeps the config valid`, async () => {
      const { before, after } = await fixRoundTrip(rule, readCase(join(positives, name)));
      expect(before.filter((f) => f.ruleId === rule.meta.id).length).toBeGreaterThan(0);
      expect(after.filter((f) => f.ruleId === rule.meta.id || f.ruleId === 'syntax')).toEqual([]);
    });
  }

  it('inserts once per location, above an if/limit_except rather than inside it, with the indentation of the block', async () => {
    const { files } = await fixRoundTrip(rule, readCase(join(positives, 'if-and-limit-except-in-conf-d')));
    expect(files['conf.d/app.conf']).toBe(
      'server {\n    listen 80;\n    location /api/ {\n        proxy_http_version 1.1;\n        if ($http_x_canary) {\n            proxy_pass http://10.0.0.7:8080;\n        }\n' +
        '        proxy_pass http://10.0.0.5:8080;\n    }\n    location /upload/ {\n        proxy_http_version 1.1;\n        limit_except GET {\n            proxy_pass http://10.0.0.8:8080;\n        }\n    }\n}\n',
    );
  });

  it('keeps CRLF line endings and tab indentation', async () => {
    const conf = 'events {}\r\nhttp {\r\n\tserver {\r\n\t\tlocation / {\r\n\t\t\tproxy_pass http://127.0.0.1:8080;\r\n\t\t}\r\n\t}\r\n}\r\n';
    const { files, after } = await fixRoundTrip(rule, { 'nginx.conf': conf });
    expect(files['nginx.conf']).toBe(conf.replace('\t\t\tproxy_pass', '\t\t\tproxy_http_version 1.1;\r\n\t\t\tproxy_pass'));
    expect(after.filter((f) => f.ruleId === rule.meta.id)).toEqual([]);
  });

  it('rewrites an explicit 1.0 in place', async () => {
    const { files } = await fixRoundTrip(rule, readCase(join(positives, 'explicit-1.0-in-server')));
    expect(files['nginx.conf']).toContain('        proxy_http_version 1.1;\n        location /a/ {');
  });
});
