import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from './index.js';
import { lintAfterFixes, testRule } from '../../../src/testing/index.js';

const positive = (name: string): string => join(import.meta.dirname, 'fixtures', 'positive', name);

describe('hop/idle-timeout-order fixes', () => {
  const cases: [string, string, string][] = [
    ['equal-to-lb-idle-timeout', 'nginx.conf', '    keepalive_timeout 61s;\n'],
    ['default-below-long-lb-timeout', 'nginx.conf', '    server {\n        keepalive_timeout 901s;\n        listen 80;\n'],
    ['location-overrides-lower', 'nginx.conf', '            keepalive_timeout 61s;\n'],
    ['snippet-server', 'conf.d/gateway.conf', '    keepalive_timeout 61s;\n'],
  ];
  for (const [name, file, expected] of cases) {
    it(`${name}: the fix sets the LB timeout + 1 s and the rule is satisfied`, async () => {
      const result = await lintAfterFixes(rule, positive(name));
      expect(result.before.length).toBeGreaterThan(0);
      expect(result.before.every((finding) => finding.fix?.safety === 'unsafe')).toBe(true);
      expect(result.texts.get(file)).toContain(expected);
      expect(result.after).toEqual([]);
    });
  }
});

const lb60 = { environment: { lbIdleTimeoutSeconds: 60 } };
const conf = (http: string): string => `events {}\nhttp {\n${http}}\n`;

testRule({
  rule,
  valid: [
    { name: '75s default against a 60 s LB', files: { 'nginx.conf': conf('    server { listen 80; }\n') }, config: lb60 },
    { name: 'a 2m server value against a 60 s LB', files: { 'nginx.conf': conf('    server { listen 80; keepalive_timeout 2m; }\n') }, config: lb60 },
    { name: 'upstream keepalive_timeout is about nginx as a client', files: { 'nginx.conf': conf('    upstream b { server 10.0.0.1:8080; keepalive 8; keepalive_timeout 30s; }\n    server { listen 80; location / { proxy_pass http://b; } }\n') }, config: lb60 },
    { name: 'mail servers have no keepalive_timeout', files: { 'nginx.conf': 'events {}\nmail {\n    server { listen 25; protocol smtp; }\n}\n' }, config: { environment: { lbIdleTimeoutSeconds: 900 } } },
  ],
  invalid: [
    {
      name: 'one http-level value shared by two servers is reported once',
      files: { 'nginx.conf': conf('    keepalive_timeout 30;\n    server { listen 80; }\n    server { listen 81; }\n') },
      config: lb60,
      findings: [
        {
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 25,
          message:
            "keepalive_timeout 30 is not above the load balancer's idle timeout of 60s (environment.lbIdleTimeoutSeconds), so nginx may close a connection just as the LB reuses it (502); set keepalive_timeout 61s",
        },
      ],
    },
    {
      name: 'a fractional LB timeout rounds the suggestion up',
      files: { 'nginx.conf': conf('    server { listen 80; keepalive_timeout 60500ms; }\n') },
      config: { environment: { lbIdleTimeoutSeconds: 60.5 } },
      findings: [{ line: 3, column: 43, endLine: 3, endColumn: 50, message: "keepalive_timeout 60500ms is not above the load balancer's idle timeout of 60.5s (environment.lbIdleTimeoutSeconds), so nginx may close a connection just as the LB reuses it (502); set keepalive_timeout 61s" }],
    },
  ],
});
