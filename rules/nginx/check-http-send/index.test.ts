import rule from './index.js';
import { testRule } from '../../../src/testing/index.js';

const upstream = (body: string): Record<string, string> => ({
  'nginx.conf': `events {}\nhttp {\n    upstream app {\n        server 10.0.0.5:80;\n${body}    }\n}\n`,
});

testRule({
  rule,
  valid: [
    { name: 'bare LF line ends are accepted by backends', ...{ files: upstream('        check interval=5000 timeout=3000 type=http;\n        check_keepalive_requests 2;\n        check_http_send "HEAD / HTTP/1.0\\n\\n";\n') } },
    { name: 'an empty check_http_send on a tcp check is allowed', files: upstream('        check interval=5000 timeout=3000 type=tcp;\n        check_http_send "";\n') },
    { name: 'no check_http_send: Tengine sends its default GET / HTTP/1.0', files: upstream('        check interval=5000 timeout=3000 type=http;\n') },
  ],
  invalid: [
    {
      name: 'HTTP/1.0 with keep-alive also keeps the backend side open',
      files: upstream('        check interval=5000 timeout=3000 type=http;\n        check_http_send "HEAD / HTTP/1.0\\r\\nConnection: keep-alive\\r\\n\\r\\n";\n'),
      findings: [
        {
          line: 6,
          column: 25,
          endLine: 6,
          endColumn: 76,
          message:
            '\'check_http_send "HEAD / HTTP/1.0\\r\\nConnection: keep-alive\\r\\n\\r\\n"\' asks the backend to keep the connection open while the default check_keepalive_requests 1 makes the checker close it after one check, so the proxy always closes first and holds the TIME_WAIT; write \'check_http_send "HEAD / HTTP/1.0\\r\\n\\r\\n";\' with "check_keepalive_requests 2;"',
        },
      ],
    },
    {
      name: 'check_http_send in an upstream without check',
      files: upstream('        check_http_send "HEAD / HTTP/1.0\\r\\n\\r\\n";\n'),
      findings: [{ line: 5, column: 9, endLine: 5, endColumn: 24 }],
    },
  ],
});
