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
      name: 'an upstream only reached through a variable host',
      files: { 'nginx.conf': 'events {}\nhttp {\n    upstream api {\n        server 10.0.0.5:8080;\n    }\n    server {\n        location / {\n            proxy_http_version 1.1;\n            proxy_pass http://$host;\n        }\n    }\n}\n' },
    },
  ],
  invalid: [
    {
      name: 'reported once per upstream, at its name, however many locations proxy to it',
      files: {
        'nginx.conf':
          'events {}\nhttp {\n    proxy_http_version 1.1;\n    upstream api {\n        server 10.0.0.5:8080;\n    }\n    server {\n        location /a/ {\n            proxy_pass http://api;\n        }\n        location /b/ {\n            proxy_pass http://API;\n        }\n    }\n}\n',
      },
      findings: [
        {
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 17,
          message:
            'upstream "api" has no keepalive pool, so after each HTTP/1.1 response nginx closes the upstream connection itself and the proxy holds a TIME_WAIT socket per request; add "keepalive 32;" (sized to your concurrency) at the end of the block',
        },
      ],
    },
  ],
});

describe('nginx/upstream-keepalive-missing fixes', () => {
  for (const name of readdirSync(positives)) {
    it(`positive/${name}: applying the fixes silences the rule and keeps the config valid`, async () => {
      const { before, after } = await fixRoundTrip(rule, readCase(join(positives, name)));
      expect(before.filter((f) => f.ruleId === rule.meta.id).length).toBeGreaterThan(0);
      expect(after.filter((f) => f.ruleId === rule.meta.id || f.ruleId === 'syntax')).toEqual([]);
    });
  }

  it('appends after the last server and its trailing comment', async () => {
    const { files } = await fixRoundTrip(rule, readCase(join(positives, 'http11-no-keepalive')));
    expect(files['nginx.conf']).toContain('        server 10.0.0.6:8080; # second replica\n        keepalive 32;\n    }\n');
  });

  it('appends after the balancing method, which must come before keepalive', async () => {
    const { files } = await fixRoundTrip(rule, readCase(join(positives, 'upstream-in-conf-d')));
    expect(files['conf.d/upstreams.conf']).toBe('upstream orders {\n    hash $request_uri consistent;\n    server 10.0.0.5:8080;\n    server 10.0.0.6:8080;\n    keepalive 32;\n}\n');
  });

  it('keeps a one-line upstream on one line', async () => {
    const { files } = await fixRoundTrip(rule, readCase(join(positives, 'one-line-upstream-proxied-from-if')));
    expect(files['nginx.conf']).toContain('    upstream api { server 10.0.0.5:8080; keepalive 32; }\n');
  });

  it('opens up an empty upstream block', async () => {
    const conf = 'events {}\nhttp {\n    upstream api {}\n    server {\n        location / {\n            proxy_http_version 1.1;\n            proxy_pass http://api;\n        }\n    }\n}\n';
    const { files } = await fixRoundTrip(rule, { 'nginx.conf': conf });
    expect(files['nginx.conf']).toContain('    upstream api {\n        keepalive 32;\n    }\n');
  });
});
