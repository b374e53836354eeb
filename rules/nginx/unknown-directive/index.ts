import { defineRule } from '../../../src/engine/rule.js';
import { suggestDirective } from '../../../src/languages/nginx/directives/index.js';

const NAME_IN_MESSAGE = /"([^"]+)"/;

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
  check({ workspace, report }) {
    for (const config of workspace.nginx) {
      for (const error of config.errors) {
        if (error.code !== 'unknown-directive') continue;
        const text = config.files.get(error.file)?.text;
        const name = text?.slice(error.start, error.end) || NAME_IN_MESSAGE.exec(error.message)?.[1] || '';
        const suggestion = suggestDirective(name);
        const hint = suggestion
          ? `; did you mean "${suggestion}"?`
          : '; if a third-party module provides it, declare it under nginx.directives in hoplint.config.yaml';
        report({ file: error.file, line: error.line, column: error.column, endLine: error.endLine, endColumn: error.endColumn, message: `unknown directive "${name}"${hint}` });
      }
    }
  },
});
