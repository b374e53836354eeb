import { defineRule } from '../../../src/kit/index.js';

export default defineRule({
  meta: {
    id: 'nginx/unknown-directive',
    layer: 'nginx',
    severity: 'warning',
    summary: 'A directive that neither nginx, Tengine nor a declared module defines',
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/nginx/unknown-directive/README.md',
    tags: ['correctness'],
  },
  check() {
    // The nginx analyzer checks every directive against the unit's directive table; the ones it
    // does not know reach the engine as this rule's findings, with the closest known name.
  },
});
