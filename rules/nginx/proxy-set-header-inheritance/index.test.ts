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
      name: 'an if block inherits its location\'s list (it cannot hold one)',
      files: {
        'nginx.conf': 'events {}\nhttp {\n    server {\n        proxy_set_header Host $host;\n        location / {\n            if ($arg_x) {\n                proxy_pass http://127.0.0.1:8080;\n            }\n        }\n    }\n}\n',
      },
    },
  ],
  invalid: [
    {
      name: 'a nested location drops its parent location\'s headers',
      files: {
        'nginx.conf':
          'events {}\nhttp {\n    server {\n        location /a/ {\n            proxy_set_header X-Forwarded-Proto $scheme;\n            proxy_pass http://127.0.0.1:8080;\n            location /a/b/ {\n                proxy_set_header X-B 1;\n                proxy_pass http://127.0.0.1:8080;\n            }\n        }\n    }\n}\n',
      },
      findings: [
        {
          line: 8,
          column: 17,
          endLine: 8,
          endColumn: 33,
          message:
            '"proxy_set_header X-B 1" gives the location /a/b/ block a proxy_set_header list of its own, and nginx inherits the list only into levels that set none, so X-Forwarded-Proto from the location /a/ block is no longer sent; repeat it here',
        },
      ],
    },
  ],
});

describe('nginx/proxy-set-header-inheritance fixes', () => {
  for (const name of readdirSync(positives)) {
    it(`positive/${name}: applying the fixes silences the rule and keeps the config valid`, async () => {
      const { before, after } = await fixRoundTrip(rule, readCase(join(positives, name)));
      expect(before.filter((f) => f.ruleId === rule.meta.id).length).toBeGreaterThan(0);
      expect(after.filter((f) => f.ruleId === rule.meta.id || f.ruleId === 'syntax')).toEqual([]);
    });
  }

  it('repeats the dropped headers verbatim above the level\'s own, as an unsafe fix', async () => {
    const { before, files } = await fixRoundTrip(rule, readCase(join(positives, 'location-drops-server-headers')));
    expect(before.find((f) => f.ruleId === rule.meta.id)?.fix?.safety).toBe('unsafe');
    expect(files['nginx.conf']).toContain(
      '        location /api/ {\n            proxy_set_header Connection "";\n            proxy_set_header Host $host;\n            proxy_set_header X-Api-Key secret;\n',
    );
  });

  it('edits the including block, never the shared snippet', async () => {
    const files = readCase(join(positives, 'shared-snippet-in-location'));
    const { files: fixed } = await fixRoundTrip(rule, files);
    expect(fixed['snippets/forwarded.conf']).toBe(files['snippets/forwarded.conf']);
    expect(fixed['conf.d/app.conf']).toContain('    location /admin/ {\n        proxy_set_header Connection "";\n        proxy_set_header Upgrade $http_upgrade;\n        include snippets/forwarded.conf;\n');
  });
});
