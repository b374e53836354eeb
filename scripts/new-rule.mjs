#!/usr/bin/env node
// `npm run new:rule -- <layer>/<name>`: writes rules/<layer>/<name>/ as CONTRIBUTING.md's
// "Add a rule" describes it — index.ts (kit imports only), README.md (the fixed sections, with
// Bad and Good examples that run as tests), fixtures/positive and fixtures/negative (three cases
// each, with expected.json) and index.test.ts — and regenerates rules/index.ts.
//
// What it writes is a small working rule of the layer, so that everything passes from the first
// `npm test`; then rewrite the check, the summary, the README and the fixtures for your rule.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRuleIndex } from './gen-rule-index.mjs';

const DOCS_BASE = 'https://github.com/hoplint/hoplint/blob/main/';
const NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * One template per rule layer: the example check, its README text and its cases. A case is a
 * tree of files; a positive case also lists the findings it produces.
 */
export const TEMPLATES = {
  nginx: {
    imports: 'at, defineRule, type NginxDirective',
    severity: 'warning',
    summary: '`autoindex on`: nginx lists the directory to anyone who asks for a path without an index file.',
    tags: ['security'],
    body: `const DIRECTIVE = 'autoindex';
const FLAGGED = 'on';
`,
    check: `    const { directivesIn, argCount, argValue } = context.nginx;
    // A file included from two roots is in both models: report its directives once.
    const reported = new Set<NginxDirective>();
    for (const model of context.nginx.models) {
      for (const scope of model.scopes) {
        for (const directive of directivesIn(scope, DIRECTIVE)) {
          if (reported.has(directive) || argCount(directive) === 0 || argValue(directive, 0) !== FLAGGED) continue;
          reported.add(directive);
          context.report({
            ...at(directive.args[0]!),
            message: \`"\${DIRECTIVE} \${FLAGGED}" lists the files of every directory without an index file; remove it or serve a fixed index\`,
          });
        }
      }
    }`,
    message: '"autoindex on" lists the files of every directory without an index file; remove it or serve a fixed index',
    why: 'With `autoindex on` a request for a directory that has no index file gets a listing of every file in it, backups and dot-files included.',
    howToFix: 'Remove `autoindex on` (the default is `off`), or turn it on only in the one `location` meant to be browsed.',
    fence: 'nginx',
    reference: '[nginx: ngx_http_autoindex_module](https://nginx.org/en/docs/http/ngx_http_autoindex_module.html)',
    bad: { 'nginx.conf': 'http {\n    server {\n        listen 80;\n        root /srv/www;\n        autoindex on;\n    }\n}\n' },
    good: { 'nginx.conf': 'http {\n    server {\n        listen 80;\n        root /srv/www;\n    }\n}\n' },
    positive: {
      'on-in-http': {
        files: { 'nginx.conf': 'http {\n    autoindex on;\n}\n' },
        findings: [{ file: 'nginx.conf', line: 2, column: 15, endLine: 2, endColumn: 17 }],
      },
      'on-in-location': {
        files: { 'nginx.conf': 'http {\n    server {\n        listen 80;\n        location /files/ {\n            autoindex on;\n        }\n    }\n}\n' },
        findings: [{ file: 'nginx.conf', line: 5, column: 23, endLine: 5, endColumn: 25 }],
      },
      'on-in-included-file': {
        files: {
          'nginx.conf': 'http {\n    include conf.d/*.conf;\n}\n',
          'conf.d/site.conf': 'server {\n    listen 80;\n    autoindex on;\n}\n',
        },
        findings: [{ file: 'conf.d/site.conf', line: 3, column: 15, endLine: 3, endColumn: 17 }],
      },
    },
    negative: {
      off: { 'nginx.conf': 'http {\n    autoindex off;\n}\n' },
      absent: { 'nginx.conf': 'http {\n    server {\n        listen 80;\n    }\n}\n' },
      'commented-out': { 'nginx.conf': 'http {\n    # autoindex on;\n}\n' },
    },
  },

  sysctl: {
    imports: 'at, defineRule',
    severity: 'warning',
    summary: '`net.ipv4.tcp_syncookies = 0`: a SYN flood fills the listen queue and the host refuses every new connection.',
    tags: ['reliability'],
    body: `const KEY = 'net.ipv4.tcp_syncookies';
const FLAGGED = 0;
`,
    check: `    const found = context.sysctl.effectiveInteger(KEY);
    if (!found || found.value !== FLAGGED) return;
    context.report({
      ...at(found.effective.assignment.valueSpan),
      message: \`\${KEY} = \${FLAGGED} turns SYN cookies off, so a full SYN queue drops new connections; set it to 1 (the default)\`,
    });`,
    message: 'net.ipv4.tcp_syncookies = 0 turns SYN cookies off, so a full SYN queue drops new connections; set it to 1 (the default)',
    why: 'Without SYN cookies the kernel keeps every half-open connection in the SYN queue; once a flood (or a burst) fills it, new SYNs are dropped.',
    howToFix: 'Set `net.ipv4.tcp_syncookies = 1`, the kernel default, or delete the line.',
    fence: 'sysctl',
    reference: '[Linux: ip-sysctl](https://www.kernel.org/doc/html/latest/networking/ip-sysctl.html) (`tcp_syncookies`)',
    bad: { 'sysctl.conf': 'net.core.somaxconn = 4096\nnet.ipv4.tcp_syncookies = 0\n' },
    good: { 'sysctl.conf': 'net.core.somaxconn = 4096\nnet.ipv4.tcp_syncookies = 1\n' },
    positive: {
      'turned-off': {
        files: { 'sysctl.conf': 'net.ipv4.tcp_syncookies = 0\n' },
        findings: [{ file: 'sysctl.conf', line: 1, column: 27, endLine: 1, endColumn: 28 }],
      },
      'turned-off-in-sysctl-d': {
        files: { 'etc/sysctl.d/90-net.conf': '# tuning\nnet.ipv4.tcp_syncookies=0\n' },
        findings: [{ file: 'etc/sysctl.d/90-net.conf', line: 2, column: 25, endLine: 2, endColumn: 26 }],
      },
      'turned-off-by-later-file': {
        files: { 'etc/sysctl.d/10-base.conf': 'net.ipv4.tcp_syncookies = 1\n', 'etc/sysctl.d/20-override.conf': 'net.ipv4.tcp_syncookies = 0\n' },
        findings: [{ file: 'etc/sysctl.d/20-override.conf', line: 1, column: 27, endLine: 1, endColumn: 28 }],
      },
    },
    negative: {
      'turned-on': { 'sysctl.conf': 'net.ipv4.tcp_syncookies = 1\n' },
      absent: { 'sysctl.conf': 'net.core.somaxconn = 4096\n' },
      'turned-on-by-later-file': { 'etc/sysctl.d/10-base.conf': 'net.ipv4.tcp_syncookies = 0\n', 'etc/sysctl.d/20-override.conf': 'net.ipv4.tcp_syncookies = 1\n' },
    },
  },

  k8s: {
    imports: 'at, defineRule',
    severity: 'warning',
    summary: 'A container port with `hostPort`: each node runs one such pod, and traffic to it bypasses the Service.',
    tags: ['reliability'],
    body: '',
    check: `    const { workloads, containerPorts } = context.kubernetes;
    for (const workload of workloads) {
      for (const port of containerPorts(workload)) {
        if (!port.hostPort) continue;
        context.report({
          ...at(port.hostPort.span),
          message: \`\${workload.kind} "\${workload.name ?? '?'}" binds hostPort \${port.hostPort.value} in container "\${port.container}": one such pod fits on each node; expose it through a Service instead\`,
        });
      }
    }`,
    message: 'Deployment "web" binds hostPort 8080 in container "web": one such pod fits on each node; expose it through a Service instead',
    why: 'A `hostPort` binds the port on the node itself: the scheduler can place only one such pod per node, and clients that use the node address skip the Service and its load balancing.',
    howToFix: 'Remove `hostPort` and reach the pods through a Service (a `NodePort` or `LoadBalancer` one when they must be reached from outside).',
    fence: 'yaml',
    reference: '[Kubernetes: Configuration best practices](https://kubernetes.io/docs/concepts/configuration/overview/#services) (hostPort)',
    bad: { 'deploy.yaml': deployment('          ports:\n            - containerPort: 8080\n              hostPort: 8080\n') },
    good: { 'deploy.yaml': deployment('          ports:\n            - containerPort: 8080\n') },
    positive: {
      'deployment-host-port': {
        files: { 'deploy.yaml': deployment('          ports:\n            - containerPort: 8080\n              hostPort: 8080\n') },
        findings: [{ file: 'deploy.yaml', line: 19, column: 25, endLine: 19, endColumn: 29 }],
      },
      'daemonset-host-port': {
        files: {
          'daemonset.yaml':
            'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  selector:\n    matchLabels:\n      app: agent\n  template:\n    metadata:\n      labels:\n        app: agent\n    spec:\n      containers:\n        - name: agent\n          image: agent:1\n          ports:\n            - containerPort: 9100\n              hostPort: 9100\n',
        },
        findings: [{ file: 'daemonset.yaml', line: 19, column: 25, endLine: 19, endColumn: 29 }],
      },
      'pod-second-container': {
        files: {
          'pod.yaml':
            'apiVersion: v1\nkind: Pod\nmetadata:\n  name: proxy\nspec:\n  containers:\n    - name: app\n      image: app:1\n    - name: sidecar\n      image: envoy:1\n      ports:\n        - containerPort: 15001\n          hostPort: 80\n',
        },
        findings: [{ file: 'pod.yaml', line: 13, column: 21, endLine: 13, endColumn: 23 }],
      },
    },
    negative: {
      'container-port-only': { 'deploy.yaml': deployment('          ports:\n            - containerPort: 8080\n') },
      'no-ports': { 'deploy.yaml': deployment('') },
      'service-only': { 'service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: 8080\n' },
    },
  },

  cni: {
    imports: 'at, defineRule',
    severity: 'error',
    summary: 'A `.conflist` with a `cniVersion` before 0.3.0, which has no plugin lists: the runtime rejects the file.',
    tags: ['cni'],
    body: `/** CNI spec versions from before plugin lists (chaining) arrived in 0.3.0. */
const WITHOUT_LISTS = new Set(['0.1.0', '0.2.0']);
`,
    check: `    for (const config of context.network.cni) {
      const version = config.cniVersion;
      if (!config.isList || !version || !WITHOUT_LISTS.has(version.value)) continue;
      context.report({
        ...at(version.span),
        message: \`cniVersion "\${version.value}" has no plugin lists, so the runtime rejects this .conflist; use "0.4.0" or "1.0.0"\`,
      });
    }`,
    message: 'cniVersion "0.2.0" has no plugin lists, so the runtime rejects this .conflist; use "0.4.0" or "1.0.0"',
    why: 'Plugin lists (`plugins: [...]`, chaining) arrived in CNI spec 0.3.0; a `.conflist` that declares an older `cniVersion` asks for a spec without them.',
    howToFix: 'Declare the `cniVersion` your runtime and plugins support, `0.4.0` or `1.0.0`.',
    fence: 'json',
    reference: '[CNI specification](https://www.cni.dev/docs/spec/) (network configuration lists)',
    bad: { 'etc/cni/net.d/10-net.conflist': conflist('0.2.0') },
    good: { 'etc/cni/net.d/10-net.conflist': conflist('1.0.0') },
    positive: {
      'version-0.2.0': {
        files: { 'etc/cni/net.d/10-net.conflist': conflist('0.2.0') },
        findings: [{ file: 'etc/cni/net.d/10-net.conflist', line: 2, column: 17, endLine: 2, endColumn: 24 }],
      },
      'version-0.1.0': {
        files: { 'etc/cni/net.d/10-net.conflist': conflist('0.1.0') },
        findings: [{ file: 'etc/cni/net.d/10-net.conflist', line: 2, column: 17, endLine: 2, endColumn: 24 }],
      },
      'second-of-two-files': {
        files: { 'etc/cni/net.d/10-net.conflist': conflist('1.0.0'), 'etc/cni/net.d/20-extra.conflist': conflist('0.2.0') },
        findings: [{ file: 'etc/cni/net.d/20-extra.conflist', line: 2, column: 17, endLine: 2, endColumn: 24 }],
      },
    },
    negative: {
      'version-0.4.0': { 'etc/cni/net.d/10-net.conflist': conflist('0.4.0') },
      'version-1.0.0': { 'etc/cni/net.d/10-net.conflist': conflist('1.0.0') },
      'single-plugin-conf': { 'etc/cni/net.d/10-net.conf': '{\n  "cniVersion": "0.2.0",\n  "name": "net",\n  "type": "bridge"\n}\n' },
    },
  },

  hop: {
    imports: 'at, defineRule',
    severity: 'warning',
    summary: 'nginx listens on a port inside `net.ipv4.ip_local_port_range`, so an outgoing connection can take the port first.',
    tags: ['reliability', 'cross-layer'],
    body: `const KEY = 'net.ipv4.ip_local_port_range';
`,
    check: `    const found = context.sysctl.effectiveValue(KEY);
    const range = /^(\\d+)\\s+(\\d+)$/.exec(found?.value ?? '');
    if (!found || !range) return;
    const [low, high] = [Number(range[1]), Number(range[2])];
    for (const model of context.nginx.models) {
      for (const listener of model.listeners) {
        if (listener.port === undefined || listener.port < low || listener.port > high) continue;
        context.report({
          ...at(listener.directive.args[0]!),
          message: \`port \${listener.port} is inside \${KEY} (\${low}-\${high}): an outgoing connection can hold it when nginx starts; listen outside the range or add it to net.ipv4.ip_local_reserved_ports\`,
          related: [{ ...at(found.assignment.valueSpan), message: \`\${KEY} = \${found.value}\` }],
        });
      }
    }`,
    message: 'port 40000 is inside net.ipv4.ip_local_port_range (32768-60999): an outgoing connection can hold it when nginx starts; listen outside the range or add it to net.ipv4.ip_local_reserved_ports',
    why: 'The kernel picks the source port of every outgoing connection from `net.ipv4.ip_local_port_range`; a listening port inside it can already be taken by one, and nginx then fails to bind.',
    howToFix: 'Listen on a port outside the range, or reserve the port with `net.ipv4.ip_local_reserved_ports`.',
    fence: 'nginx',
    reference: '[Linux: ip-sysctl](https://www.kernel.org/doc/html/latest/networking/ip-sysctl.html) (`ip_local_port_range`, `ip_local_reserved_ports`)',
    bad: { 'nginx.conf': 'http {\n    server {\n        listen 40000;\n    }\n}\n', 'sysctl.conf': 'net.ipv4.ip_local_port_range = 32768 60999\n' },
    good: { 'nginx.conf': 'http {\n    server {\n        listen 8080;\n    }\n}\n', 'sysctl.conf': 'net.ipv4.ip_local_port_range = 32768 60999\n' },
    positive: {
      'listen-inside-range': {
        files: { 'nginx.conf': 'http {\n    server {\n        listen 40000;\n    }\n}\n', 'sysctl.conf': 'net.ipv4.ip_local_port_range = 32768 60999\n' },
        findings: [{ file: 'nginx.conf', line: 3, column: 16, endLine: 3, endColumn: 21 }],
      },
      'wide-range': {
        files: { 'nginx.conf': 'http {\n    server {\n        listen 127.0.0.1:8080;\n    }\n}\n', 'sysctl.conf': 'net.ipv4.ip_local_port_range = 1024 65000\n' },
        findings: [{ file: 'nginx.conf', line: 3, column: 16, endLine: 3, endColumn: 30 }],
      },
      'listen-in-included-file': {
        files: {
          'nginx.conf': 'http {\n    include conf.d/*.conf;\n}\n',
          'conf.d/app.conf': 'server {\n    listen 50000;\n}\n',
          'etc/sysctl.d/50-ports.conf': 'net.ipv4.ip_local_port_range = 32768 60999\n',
        },
        findings: [{ file: 'conf.d/app.conf', line: 2, column: 12, endLine: 2, endColumn: 17 }],
      },
    },
    negative: {
      'listen-below-range': { 'nginx.conf': 'http {\n    server {\n        listen 80;\n    }\n}\n', 'sysctl.conf': 'net.ipv4.ip_local_port_range = 32768 60999\n' },
      'range-not-set': { 'nginx.conf': 'http {\n    server {\n        listen 40000;\n    }\n}\n', 'sysctl.conf': 'net.core.somaxconn = 4096\n' },
      'listen-above-range': { 'nginx.conf': 'http {\n    server {\n        listen 8443;\n    }\n}\n', 'sysctl.conf': 'net.ipv4.ip_local_port_range = 1024 8000\n' },
    },
  },
};

function deployment(ports) {
  return (
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: web:1\n' +
    ports
  );
}

function conflist(version) {
  return `{\n  "cniVersion": "${version}",\n  "name": "net",\n  "plugins": [{ "type": "bridge", "bridge": "cni0" }]\n}\n`;
}

/** The rule layers of src/languages/registry.ts: each language's rulePrefix, then hop and core. */
export function ruleLayers(root) {
  const registry = readFileSync(join(root, 'src', 'languages', 'registry.ts'), 'utf8');
  const prefixes = [...registry.matchAll(/rulePrefix:\s*'([^']+)'/g)].map((match) => match[1]);
  const constant = (name) => new RegExp(`export const ${name} = '([^']+)'`).exec(registry)?.[1];
  return [...prefixes, constant('CROSS_LANGUAGE_LAYER'), constant('CORE_LAYER')].filter(Boolean);
}

function ruleSource(id, layer, template) {
  const docsUrl = `${DOCS_BASE}rules/${id}/README.md`;
  return `import { ${template.imports} } from '../../../src/kit/index.js';

// Scaffolded by \`npm run new:rule\`: a working example of a ${layer} rule. Rewrite the check,
// meta.summary (README.md's first paragraph repeats it), the README and the fixtures.
${template.body ? `\n${template.body}` : ''}
export default defineRule({
  meta: {
    id: '${id}',
    layer: '${layer}',
    severity: '${template.severity}',
    summary: ${literal(template.summary)},
    docsUrl: '${docsUrl}',
    tags: ${literal(template.tags)},
  },
  check(context) {
${template.check}
  },
});
`;
}

function block(fence, files) {
  return Object.entries(files)
    .map(([file, text]) => `\`\`\`${file.endsWith('.yaml') ? 'yaml' : file.endsWith('.conflist') || file.endsWith('.json') ? 'json' : file.includes('sysctl') ? 'sysctl' : fence} file=${file}\n${text}\`\`\``)
    .join('\n\n');
}

/** A paragraph broken into lines of at most `width` characters, as the READMEs are written. */
function wrap(paragraph, width = 100) {
  const lines = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  return [...lines, line].join('\n');
}

function readmeSource(id, template) {
  return `# ${id}

${wrap(template.summary)}

## Why

${wrap(template.why)}

## How to fix

${wrap(template.howToFix)}

## Bad

${block(template.fence, template.bad)}

## Good

${block(template.fence, template.good)}

## References

- ${template.reference}
`;
}

/** `value` as TypeScript source in the repository's style (single quotes, spaced braces). */
function literal(value) {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  const entries = Object.entries(value).map(([key, item]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : literal(key)}: ${literal(item)}`);
  return `{ ${entries.join(', ')} }`;
}

function testSource(template) {
  const [positiveName, positive] = Object.entries(template.positive)[0];
  const [negativeName, negative] = Object.entries(template.negative)[0];
  const { file: _file, ...position } = positive.findings[0];
  return `import rule from './index.js';
import { testRule } from '../../../src/testing/index.js';

// Cases written inline; fixtures/ runs through the same tester from test/engine-rule-fixtures.test.ts.
testRule({
  rule,
  valid: [{ name: ${literal(negativeName.replace(/-/g, ' '))}, files: ${literal(negative)} }],
  invalid: [
    {
      name: ${literal(positiveName.replace(/-/g, ' '))},
      files: ${literal(positive.files)},
      findings: [${literal({ ...position, message: template.message })}],
    },
  ],
});
`;
}

function writeTreeFiles(dir, files) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** Writes rules/<layer>/<name>/ under `root` and regenerates rules/index.ts; returns the files written. */
export function scaffoldRule(root, id) {
  const [layer, name, ...rest] = id.split('/');
  const layers = ruleLayers(root);
  if (rest.length > 0 || !layer || !name) throw new Error(`a rule id is <layer>/<name>, e.g. nginx/autoindex-on; got "${id}"`);
  if (!layers.includes(layer)) throw new Error(`"${layer}" is not a rule layer; the layers are ${layers.join(', ')} (src/languages/registry.ts)`);
  if (layer === 'core') throw new Error('the core layer is hoplint\'s own rules (src/engine/builtin-rules.ts), not a rules/ folder');
  if (!NAME.test(name)) throw new Error(`a rule name is lowercase words joined by "-", e.g. autoindex-on; got "${name}"`);
  const template = TEMPLATES[layer];
  if (!template) throw new Error(`no rule template for layer "${layer}" yet: add one to TEMPLATES in scripts/new-rule.mjs (CONTRIBUTING.md, "Add a language")`);
  const dir = join(root, 'rules', layer, name);
  if (existsSync(dir)) throw new Error(`rules/${layer}/${name} exists already`);

  const files = {
    'index.ts': ruleSource(id, layer, template),
    'README.md': readmeSource(id, template),
    'index.test.ts': testSource(template),
  };
  for (const [caseName, { files: tree, findings }] of Object.entries(template.positive)) {
    for (const [path, text] of Object.entries(tree)) files[`fixtures/positive/${caseName}/${path}`] = text;
    files[`fixtures/positive/${caseName}/expected.json`] = `${JSON.stringify(findings.map((finding) => ({ ruleId: id, ...finding })), null, 2)}\n`;
  }
  for (const [caseName, tree] of Object.entries(template.negative)) {
    for (const [path, text] of Object.entries(tree)) files[`fixtures/negative/${caseName}/${path}`] = text;
  }
  writeTreeFiles(dir, files);
  writeFileSync(join(root, 'rules', 'index.ts'), generateRuleIndex(join(root, 'rules')));
  return Object.keys(files).map((path) => `rules/${layer}/${name}/${path}`);
}

function main(argv) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const ids = argv;
  if (ids.length !== 1 || ids[0].startsWith('-')) {
    process.stderr.write('usage: npm run new:rule -- <layer>/<name>   (e.g. npm run new:rule -- nginx/autoindex-on)\n');
    process.exitCode = 2;
    return;
  }
  try {
    const written = scaffoldRule(root, ids[0]);
    process.stdout.write(`${written.map((path) => `  ${path}`).join('\n')}\n  rules/index.ts (regenerated)\n`);
    process.stdout.write(
      `\n${ids[0]} is a working example rule: \`npx vitest run rules/${ids[0]} test/rule-docs.test.ts test/engine-rule-fixtures.test.ts\` passes.\n` +
        'Rewrite its check, summary, README and fixtures; then `npm run docs:rules` adds it to the README table and CHANGELOG.md gets a line.\n',
    );
  } catch (error) {
    process.stderr.write(`new:rule: ${error.message}\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
