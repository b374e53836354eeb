import { at, defineRule } from '../../../src/kit/index.js';

interface Options {
  maximum: number;
}

export default defineRule<Options>({
  meta: {
    id: 'sysctl/fin-timeout-long',
    layer: 'sysctl',
    severity: 'info',
    summary: '`net.ipv4.tcp_fin_timeout` above 60 seconds keeps orphaned connections in FIN_WAIT_2 for longer.',
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/sysctl/fin-timeout-long/README.md',
    fixable: 'unsafe',
    optionsSchema: {
      type: 'object',
      properties: { maximum: { type: 'integer', minimum: 1, description: 'Largest tcp_fin_timeout not reported, in seconds.' } },
      additionalProperties: false,
    },
    defaultOptions: { maximum: 60 },
    tags: ['time-wait'],
  },
  check(context) {
    const { sysctl } = context;
    const found = sysctl.effectiveInteger('net.ipv4.tcp_fin_timeout');
    if (!found || found.value <= context.options.maximum) return;
    const assignment = found.effective.assignment;
    const target = Math.min(30, context.options.maximum);
    context.report({
      ...at(assignment.valueSpan),
      message:
        `"${sysctl.writtenText(assignment)}" keeps orphaned connections in FIN_WAIT_2 for ${found.value} s before the kernel aborts them, ` +
        `tying up sockets and memory on busy proxies and IPVS nodes; use ${context.options.maximum} or less (${target} is common)`,
      fix: { title: `Set to ${target}`, safety: 'unsafe', edits: [sysctl.replaceValue(assignment, String(target))] },
    });
  },
});
