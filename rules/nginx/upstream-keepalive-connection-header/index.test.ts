import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from './index.js';
import { fixRoundTrip, readCase, testRule } from '../../../src/testing/index.js';

const positives = join(import.meta.dirname, 'fixtures', 'positive');
const upstream = '    upstream api {\n        server 10.0.0.5:8080;\n        keepalive 8;\n    }\n';

testRule({
  rule,
  valid: [
    {
      name: 'a Connection value without "close" keeps the connection open',
      files: { 'nginx.conf': `events {}\nhttp {\n${upstream}    server {\n        location / {\n            proxy_set_header Connection "keep-alive";\n            proxy_pass http://api;\n        }\n    }\n}\n` },
    },
    {
      name: 'a map without an entry for plain requests yields ""',
      files: {
        'nginx.conf': `events {}\nhttp {\n    map $http_upgrade $c {\n        websocket upgrade;\n    }\n${upstream}    server {\n        location / {\n            proxy_set_header Connection $c;\n            proxy_pass http://api;\n        }\n    }\n}\n`,
      },
    },
    {
      name: 'a proxy_pass whose host is a variable names no known upstream',
      files: { 'nginx.conf': `events {}\nhttp {\n${upstream}    server {\n        location / {\n            set $target api;\n            proxy_pass http://$target;\n        }\n    }\n}\n` },
    },
  ],
  invalid: [
    {
      name: 'a literal close, quoted with what to write',
      files: { 'nginx.conf': `events {}\nhttp {\n${upstream}    server {\n        location / {\n            proxy_set_header Connection close;\n            proxy_pass http://api;\n        }\n    }\n}\n` },
      findings: [
        {
          line: 9,
          column: 41,
          endLine: 9,
          endColumn: 46,
          message:
            '"proxy_set_header Connection close" tells the backend to close the connection after one response, so keepalive upstream "api" never reuses a connection and every request leaves a TIME_WAIT socket; write \'proxy_set_header Connection "";\'',
        },
      ],
    },
    {
      name: 'a map whose default (no \'\' entry) yields close',
      files: {
        'nginx.conf': `events {}\nhttp {\n    map $http_upgrade $c {\n        default close;\n        websocket upgrade;\n    }\n${upstream}    server {\n        location / {\n            proxy_set_header Connection $c;\n            proxy_pass http://api;\n        }\n    }\n}\n`,
      },
      findings: [{ line: 13, column: 41, endLine: 13, endColumn: 43 }],
    },
  ],
});

describe('nginx/upstream-keepalive-connection-header fixes', () => {
  for (const name of readdirSync(positives)) {
    it(`positive/${name}: applying the fixes silences the rule and keeps the config valid`, async () => {
      const { before, after } = await fixRoundTrip(rule, readCase(join(positives, name)));
      expect(before.filter((f) => f.ruleId === rule.meta.id).length).toBeGreaterThan(0);
      expect(after.filter((f) => f.ruleId === rule.meta.id || f.ruleId === 'syntax')).toEqual([]);
    });
  }

  it('adds to the location\'s own list as a safe fix', async () => {
    const { before, files } = await fixRoundTrip(rule, readCase(join(positives, 'default-connection-close')));
    expect(before.find((f) => f.ruleId === rule.meta.id)?.fix?.safety).toBe('safe');
    expect(files['nginx.conf']).toContain('        location /api/ {\n            proxy_set_header Connection "";\n            proxy_set_header Host $host;\n');
  });

  it('adds to an inherited list where it is defined, once, as an unsafe fix', async () => {
    const { before, files } = await fixRoundTrip(rule, readCase(join(positives, 'inherited-list-in-conf-d')));
    expect(before.filter((f) => f.ruleId === rule.meta.id).map((f) => f.fix?.safety)).toEqual(['unsafe', 'unsafe']);
    expect(files['conf.d/app.conf']).toMatch(/^server \{\n {4}listen 80;\n {4}proxy_set_header Connection "";\n {4}proxy_set_header Host \$host;\n/);
    expect(files['conf.d/app.conf']!.match(/Connection/g)).toHaveLength(1);
  });

  it('changes the map entry, not the header, for the WebSocket map', async () => {
    const { files } = await fixRoundTrip(rule, readCase(join(positives, 'websocket-map-yields-close')));
    expect(files['nginx.conf']).toContain("        ''      '';\n");
    expect(files['nginx.conf']).toContain('proxy_set_header Connection $connection_upgrade;');
  });

  it('adds an \'\' entry when the plain-request value comes from default', async () => {
    const conf = 'events {}\nhttp {\n    map $http_upgrade $c {\n        default close;\n        websocket upgrade;\n    }\n' + upstream + '    server {\n        location / {\n            proxy_set_header Connection $c;\n            proxy_pass http://api;\n        }\n    }\n}\n';
    const { files, after } = await fixRoundTrip(rule, { 'nginx.conf': conf });
    expect(files['nginx.conf']).toContain("    map $http_upgrade $c {\n        '' '';\n        default close;\n");
    expect(after.filter((f) => f.ruleId === rule.meta.id)).toEqual([]);
  });
});
