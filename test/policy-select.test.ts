import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../src/core/finding.js';
import { lint } from '../src/project/lint.js';
import { writeTree } from './support/temp-tree.js';

const trees: string[] = [];
afterEach(async () => {
  for (const tree of trees.splice(0)) await rm(tree, { recursive: true, force: true });
});

type Found = Pick<Finding, 'file' | 'line' | 'column' | 'endLine' | 'endColumn' | 'message'>;

/** Lints `files` with only the built-in rules and the one policy (YAML text of one list item) on. */
async function check(policy: string, files: Record<string, string>): Promise<Found[]> {
  const dir = await writeTree({ 'policy.yaml': `policies:\n${policy}`, ...files }, 'hoplint-policy-select-');
  trees.push(dir);
  const result = await lint({ cwd: dir, paths: Object.keys(files), noConfig: true, policyFiles: ['policy.yaml'], shippedRules: false, gitignore: false });
  const syntax = result.findings.filter((finding) => finding.ruleId === 'syntax');
  expect(syntax).toEqual([]);
  return result.findings.filter((finding) => finding.ruleId.startsWith('acme/')).map(({ file, line, column, endLine, endColumn, message }) => ({ file, line, column, endLine, endColumn, message }));
}

const NGINX = `events {}
http {
    upstream api { server 10.0.0.1:8080; }
    upstream web {
        server 10.0.0.2:80;
        include checks.conf;
    }
    server {
        listen 80;
        location /api/ { proxy_pass http://api; }
        location /static/ { root /srv; autoindex on; }
        location / {
            if ($host = x) { return 404; }
            location /nested/ { return 200; }
        }
    }
}
`;
const CHECKS = 'check interval=3000 type=tcp;\n';

describe('select: nginx', () => {
  it('require: a child directive must exist (includes expanded); {{args.0}}, {{error}}, {{path}}', async () => {
    const policy = `  - id: acme/check
    message: '{{path}} {{args.0}}: {{error}}'
    select: { nginx: http > upstream }
    require: [check]
`;
    expect(await check(policy, { 'nginx.conf': NGINX, 'checks.conf': CHECKS })).toEqual([
      { file: 'nginx.conf', line: 3, column: 5, endLine: 3, endColumn: 13, message: 'http > upstream api: no "check" directive' },
    ]);
  });

  it('forbid: each forbidden child is reported at its name, {{child}} names it', async () => {
    const policy = `  - id: acme/no-if
    message: '{{child}} inside location {{args.0}}'
    select: { nginx: location }
    forbid: [if, autoindex]
`;
    expect(await check(policy, { 'nginx.conf': NGINX, 'checks.conf': CHECKS })).toEqual([
      { file: 'nginx.conf', line: 11, column: 40, endLine: 11, endColumn: 49, message: 'autoindex inside location /static/' },
      { file: 'nginx.conf', line: 13, column: 13, endLine: 13, endColumn: 15, message: 'if inside location /' },
    ]);
  });

  it('child vs descendant combinators, and where', async () => {
    const direct = `  - id: acme/x
    message: '{{args.0}}'
    select: { nginx: server > location }
    assert: false
`;
    expect((await check(direct, { 'nginx.conf': NGINX, 'checks.conf': CHECKS })).map((f) => f.message)).toEqual(['/api/', '/static/', '/']);
    const anywhere = direct.replace('server > location', 'server location');
    expect((await check(anywhere, { 'nginx.conf': NGINX, 'checks.conf': CHECKS })).map((f) => f.message)).toEqual(['/api/', '/static/', '/', '/nested/']);
    const filtered = `${direct}    ${''}`.replace("    select: { nginx: server > location }", "    select:\n      nginx: server > location\n      where: { properties: { args: { contains: { const: /api/ } } } }");
    expect((await check(filtered, { 'nginx.conf': NGINX, 'checks.conf': CHECKS })).map((f) => f.message)).toEqual(['/api/']);
  });

  it('assert on the view points at the failing argument; the view lists context and children', async () => {
    const policy = `  - id: acme/listen
    message: '{{error}} in {{context}}'
    select: { nginx: server > listen }
    assert:
      properties:
        args: { items: [{ pattern: '^(443|\\[::\\]:443)' }] }
`;
    expect(await check(policy, { 'nginx.conf': NGINX, 'checks.conf': CHECKS })).toEqual([
      { file: 'nginx.conf', line: 9, column: 16, endLine: 9, endColumn: 18, message: 'args[0]: must match pattern "^(443|\\[::\\]:443)"; found "80" in ["http","server"]' },
    ]);
    const children = `  - id: acme/children
    message: '{{error}}'
    select: { nginx: http > upstream }
    assert:
      properties:
        children: { contains: { properties: { name: { const: keepalive } } } }
`;
    expect((await check(children, { 'nginx.conf': NGINX, 'checks.conf': CHECKS })).map((f) => [f.line, f.message])).toEqual([
      [3, 'children: must contain at least 1 valid item(s)'],
      [4, 'children: must contain at least 1 valid item(s)'],
    ]);
  });
});

describe('select: sysctl', () => {
  const files = {
    'etc/sysctl.d/10-base.conf': 'net.core.somaxconn = 128\nnet.ipv4.conf.all.rp_filter = 1\n',
    'etc/sysctl.d/90-gateway.conf': 'net.core.somaxconn = 4096\nnet.ipv4.tcp_rmem = 4096 87380 6291456\n',
  };

  it('effective values by default: the winning assignment, numbers typed; {{value}} and {{key}}', async () => {
    const policy = `  - id: acme/somaxconn
    message: '{{key}}={{value}} ({{file}}): {{error}}'
    select: { sysctl: net.core.somaxconn }
    assert: { properties: { value: { minimum: 8192 } } }
`;
    expect(await check(policy, files)).toEqual([
      { file: 'etc/sysctl.d/90-gateway.conf', line: 1, column: 22, endLine: 1, endColumn: 26, message: 'net.core.somaxconn=4096 (etc/sysctl.d/90-gateway.conf): value: must be >= 8192; found 4096' },
    ]);
  });

  it('effective: false checks every assignment; globs stay within a key component', async () => {
    const policy = `  - id: acme/somaxconn
    message: '{{value}}'
    select: { sysctl: 'net.core.*', effective: false }
    assert: { properties: { value: { minimum: 8192 } } }
`;
    expect((await check(policy, files)).map((f) => [f.file, f.line, f.message])).toEqual([
      ['etc/sysctl.d/10-base.conf', 1, '128'],
      ['etc/sysctl.d/90-gateway.conf', 1, '4096'],
    ]);
    const tooDeep = policy.replace("'net.core.*'", "'net.*'");
    expect(await check(tooDeep, files)).toEqual([]);
    const crossing = policy.replace("'net.core.*'", "'net.**'").replace('minimum: 8192', 'type: integer');
    expect((await check(crossing, files)).map((f) => f.message)).toEqual(['4096 87380 6291456']);
  });

  it('values of a vector are listed; files narrows to some hosts', async () => {
    const policy = `  - id: acme/rmem
    message: '{{values.2}}'
    select: { sysctl: net.ipv4.tcp_rmem, files: '**/*-gateway.conf' }
    assert: { properties: { values: { items: [{}, {}, { minimum: 16777216 }] } } }
`;
    expect((await check(policy, files)).map((f) => f.message)).toEqual(['6291456']);
    expect(await check(policy.replace('**/*-gateway.conf', '**/*-worker.conf'), files)).toEqual([]);
  });
});

const MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
  annotations:
    acme.io/owner: team-a
spec:
  template:
    spec:
      containers:
        - name: api
          image: api:1
          resources:
            limits: { cpu: "1" }
        - name: sidecar
          image: envoy:1
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: batch
spec:
  template:
    spec:
      containers:
        - name: batch
          image: batch:1
`;

describe('select: kubernetes', () => {
  it('kind, namespace and a path with [*]; findings point at the failing YAML node', async () => {
    const policy = `  - id: acme/limits
    message: '{{kind}} {{namespace}}/{{object.name}} container {{name}} at {{path}}: {{error}}'
    select:
      kubernetes: { kind: Deployment, namespace: shop, path: 'spec.template.spec.containers[*]' }
    assert:
      required: [resources]
      properties: { resources: { properties: { limits: { required: [cpu, memory] } } } }
`;
    expect(await check(policy, { 'apps.yaml': MANIFESTS })).toEqual([
      { file: 'apps.yaml', line: 15, column: 13, endLine: 15, endColumn: 19, message: 'Deployment shop/api container api at spec.template.spec.containers[0]: resources.limits: missing "memory"' },
      { file: 'apps.yaml', line: 16, column: 11, endLine: 16, endColumn: 24, message: 'Deployment shop/api container sidecar at spec.template.spec.containers[1]: missing "resources"' },
    ]);
    const everywhere = policy.replace(', namespace: shop', '');
    expect((await check(everywhere, { 'apps.yaml': MANIFESTS })).map((f) => f.line)).toEqual([15, 16, 27]);
  });

  it('quoted keys, require/forbid on key paths, and the object itself without a path', async () => {
    const owner = `  - id: acme/owner
    message: '{{name}}: {{error}}'
    select: { kubernetes: { kind: '*', path: 'metadata' } }
    require: ['annotations["acme.io/owner"]']
`;
    expect((await check(owner, { 'apps.yaml': MANIFESTS })).map((f) => [f.line, f.column, f.message])).toEqual([[21, 1, 'batch: missing "annotations["acme.io/owner"]"']]);
    const noImage = `  - id: acme/no-latest
    message: '{{error}}'
    select: { kubernetes: { kind: Deployment, name: api, path: 'spec.template.spec.containers[*]' } }
    forbid: [resources.limits.cpu]
`;
    expect((await check(noImage, { 'apps.yaml': MANIFESTS })).map((f) => [f.line, f.column, f.endColumn, f.message])).toEqual([[15, 28, 31, '"resources.limits.cpu" is not allowed']]);
    const whole = `  - id: acme/ns
    message: '{{kind}} {{metadata.name}} has no namespace'
    select: { kubernetes: { kind: Deployment } }
    assert: { properties: { metadata: { required: [namespace] } } }
`;
    expect(await check(whole, { 'apps.yaml': MANIFESTS })).toEqual([{ file: 'apps.yaml', line: 21, column: 1, endLine: 21, endColumn: 9, message: 'Deployment batch has no namespace' }]);
  });
});

describe('select: network', () => {
  it('overlay networks with their MTU; findings point at the MTU value', async () => {
    const policy = `  - id: acme/mtu
    message: '{{source}} {{encapsulation}} mtu {{mtu}}: {{error}}'
    select: { network: { encapsulation: vxlan } }
    assert: { properties: { mtu: { type: integer, maximum: 1450 } } }
`;
    const files = {
      'cluster.yml': 'nodes:\n  - address: 10.0.0.1\n    role: [worker]\nnetwork:\n  plugin: canal\n  mtu: 1500\n  options:\n    canal_flannel_backend_type: vxlan\n',
      'net-conf.json': '{\n  "Network": "10.244.0.0/16",\n  "Backend": { "Type": "vxlan" }\n}\n',
    };
    expect(await check(policy, files)).toEqual([
      { file: 'cluster.yml', line: 6, column: 8, endLine: 6, endColumn: 12, message: 'rke1 vxlan mtu 1500: mtu: must be <= 1450; found 1500' },
      { file: 'net-conf.json', line: 1, column: 1, endLine: 4, endColumn: 2, message: 'flannel vxlan mtu null: mtu: must be integer; found null' },
    ]);
    expect(await check(policy.replace('{ encapsulation: vxlan }', '{ source: calico }'), files)).toEqual([]);
  });
});

describe('placeholders', () => {
  it('a value that is missing stays as written, view.x reaches a field a special name shadows', async () => {
    const policy = `  - id: acme/hostpath
    message: '{{view.path}} at {{path}}; {{nothing.here}}'
    select: { kubernetes: { kind: Pod, path: 'spec.volumes[*].hostPath' } }
    assert: false
`;
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  volumes:\n    - name: v\n      hostPath:\n        path: /var/run/docker.sock\n';
    expect((await check(policy, { 'pod.yaml': pod })).map((f) => f.message)).toEqual(['/var/run/docker.sock at spec.volumes[0].hostPath; {{nothing.here}}']);
  });
});
