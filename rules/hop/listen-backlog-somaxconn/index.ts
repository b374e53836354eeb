import { at, defineRule } from '../../../src/kit/index.js';

export default defineRule({
  meta: {
    id: 'hop/listen-backlog-somaxconn',
    layer: 'hop',
    severity: 'warning',
    summary: 'An nginx `listen … backlog=N` above the effective `net.core.somaxconn`, which silently caps it.',
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/hop/listen-backlog-somaxconn/README.md',
    tags: ['reliability', 'cross-layer'],
  },
  check(context) {
    const { sysctl, environment } = context;
    const explicit = sysctl.effectiveInteger('net.core.somaxconn');
    // Without a setting the cap is the kernel default, known only when the kernel version is declared.
    const kernelDefault = sysctl.kernelDefault('net.core.somaxconn');
    const limit = explicit?.value ?? (kernelDefault === undefined ? undefined : sysctl.parseKernelInteger(kernelDefault));
    if (limit === undefined) return;
    const source = explicit ? `net.core.somaxconn = ${explicit.value}` : `the Linux ${environment.kernelVersion} default net.core.somaxconn of ${limit}`;
    for (const model of context.nginx.models) {
      for (const listener of model.listeners) {
        const backlog = listener.backlog;
        if (!backlog || backlog.value <= limit) continue;
        context.report({
          ...at(backlog.token),
          message: `backlog=${backlog.value} is silently capped at ${limit} by ${source}; raise net.core.somaxconn to ${backlog.value} or lower the backlog`,
          ...(explicit ? { related: [{ ...at(explicit.effective.assignment.valueSpan), message: `net.core.somaxconn = ${explicit.value} caps every listen backlog` }] } : {}),
        });
      }
    }
  },
});
