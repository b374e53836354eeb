import { at, defineRule } from '../../../src/kit/index.js';

export default defineRule({
  meta: {
    id: 'hop/listen-backlog-somaxconn',
    layer: 'hop',
    severity: 'warning',
    summary: 'An nginx `listen … backlog=N` above the effective `net.core.somaxconn`, which silently caps it.',
    rationale:
      'The kernel caps every listen backlog at net.core.somaxconn without an error. nginx starts fine with `backlog=65535`, but the accept queue holds only somaxconn connections; ' +
      'under a burst the rest are dropped, and load balancer health checks fail while nginx looks idle.',
    howToFix: 'Raise `net.core.somaxconn` to at least the largest backlog nginx asks for (on the same host), or lower the backlog to what the kernel grants.',
    incident: '2. Rancher Kubernetes: overlay MTU 1500 → gateway 502 on large bodies',
    docsUrl: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#listen',
    tags: ['reliability', 'cross-layer'],
    examples: [{ language: 'nginx', bad: 'listen 80 backlog=65535;   # sysctl.conf: net.core.somaxconn = 1024', good: 'listen 80 backlog=4096;    # sysctl.conf: net.core.somaxconn = 4096' }],
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
