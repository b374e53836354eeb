import { at, defineRule } from '../../../src/kit/index.js';

interface Options {
  minimum: number;
}

export default defineRule<Options>({
  meta: {
    id: 'sysctl/somaxconn-low',
    layer: 'sysctl',
    severity: 'warning',
    summary: '`net.core.somaxconn` caps every listen backlog; a small value drops connections under bursts.',
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/sysctl/somaxconn-low/README.md',
    fixable: 'unsafe',
    optionsSchema: {
      type: 'object',
      properties: { minimum: { type: 'integer', minimum: 1, description: 'Smallest acceptable net.core.somaxconn.' } },
      additionalProperties: false,
    },
    defaultOptions: { minimum: 1024 },
    tags: ['reliability'],
  },
  check(context) {
    const { sysctl, environment } = context;
    const minimum = context.options.minimum;
    const found = sysctl.effectiveInteger('net.core.somaxconn');
    if (found) {
      if (found.value >= minimum) return;
      const assignment = found.effective.assignment;
      context.report({
        ...at(assignment.valueSpan),
        message:
          `"${sysctl.writtenText(assignment)}" caps the accept queue of every listening socket at ${found.value}, whatever backlog the server asks for; ` +
          `a burst overflows it and the kernel drops handshakes, which load balancers see as failed health checks and timeouts; set it to at least ${minimum}`,
        fix: { title: `Set to ${Math.max(minimum, 4096)}`, safety: 'unsafe', edits: [sysctl.replaceValue(assignment, String(Math.max(minimum, 4096)))] },
      });
      return;
    }
    const first = sysctl.files.find((f) => f.issues.length === 0) ?? sysctl.files[0];
    // Before 5.4 the kernel's default is 128; a later kernel's 4096 is not low, and without a declared kernel the default is unknown.
    if (!first || sysctl.kernelAtLeast('5.4') !== false) return;
    context.report({
      file: first.file,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      message: `net.core.somaxconn is not set, and on Linux ${environment.kernelVersion} it defaults to 128 (4096 only since 5.4), which caps the accept queue of every listening socket; add "net.core.somaxconn = ${Math.max(minimum, 4096)}"`,
    });
  },
});
