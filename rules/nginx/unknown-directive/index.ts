import { defineRule } from '../../../src/kit/index.js';

export default defineRule({
  meta: {
    id: 'nginx/unknown-directive',
    layer: 'nginx',
    severity: 'warning',
    summary: 'A directive that neither nginx, Tengine nor a declared module defines',
    rationale:
      'nginx refuses to start on an unknown directive ("unknown directive \\"proxy_passs\\""), so a typo or a directive from a module the build lacks turns a reload into an outage. It is a warning rather than an error because builds differ: declare the third-party modules yours has and the rest are real mistakes.',
    howToFix:
      'Correct the spelling (the message suggests the closest known directive), or, when a third-party module provides it, list it under `nginx.directives` in hoplint.config.yaml.',
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/nginx/unknown-directive/README.md',
    examples: [
      {
        language: 'nginx',
        bad: 'location /api/ {\n    proxy_passs http://backend;\n}',
        good: 'location /api/ {\n    proxy_pass http://backend;\n}',
      },
    ],
    tags: ['correctness'],
  },
  check() {
    // The nginx analyzer checks every directive against the unit's directive table; the ones it
    // does not know reach the engine as this rule's findings, with the closest known name.
  },
});
