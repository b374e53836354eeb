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
      name: 'a fastcgi check has no HTTP keepalive path',
      files: { 'nginx.conf': 'events {}\nhttp {\n    upstream php {\n        server 10.0.0.5:9000;\n        check interval=5000 timeout=3000 type=fastcgi;\n    }\n}\n' },
    },
  ],
  invalid: [
    {
      name: 'quotes the value and says what to write',
      files: {
        'nginx.conf': 'events {}\nhttp {\n    upstream app {\n        server 10.0.0.5:80;\n        check interval=5000 timeout=3000 type=http;\n        check_keepalive_requests 1;\n    }\n}\n',
      },
      findings: [
        {
          line: 6,
          column: 34,
          endLine: 6,
          endColumn: 35,
          message:
            '"check_keepalive_requests 1" makes the checker close every health-check connection itself, so the proxy holds a TIME_WAIT socket per backend and interval; write "check_keepalive_requests 2;"',
        },
      ],
    },
  ],
});

describe('nginx/check-keepalive-requests fixes', () => {
  for (const name of readdirSync(positives)) {
    it(`positive/${name}: applying the fixes silences the rule and keeps the config valid`, async () => {
      const { before, after } = await fixRoundTrip(rule, readCase(join(positives, name)));
      expect(before.filter((f) => f.ruleId === rule.meta.id).length).toBeGreaterThan(0);
      expect(after.filter((f) => f.ruleId === rule.meta.id || f.ruleId === 'syntax')).toEqual([]);
    });
  }

  it('appends the directive at the end of the upstream, with its indentation', async () => {
    const { before, files } = await fixRoundTrip(rule, readCase(join(positives, 'absent')));
    expect(before.find((f) => f.ruleId === rule.meta.id)?.fix?.safety).toBe('unsafe');
    expect(files['nginx.conf']).toContain('        check_http_expect_alive http_2xx http_3xx;\n        check_keepalive_requests 2;\n    }\n');
  });
});
