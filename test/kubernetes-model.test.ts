import { describe, expect, it } from 'vitest';
import { buildKubernetesModel, type KubernetesModel } from '../src/link/index.js';
import { labelSelectorMatches, serviceSelectorMatches } from '../src/languages/kubernetes/selector.js';
import type { LabelSelector, Service } from '../src/languages/kubernetes/types.js';
import { loadYaml } from '../src/languages/yaml/loader.js';

function modelOf(...files: [string, string][]): ReturnType<typeof buildKubernetesModel> {
  const loads = files.map(([file, text]) => loadYaml(file, text));
  for (const load of loads) expect(load.issues, load.file).toEqual([]);
  return buildKubernetesModel(loads);
}

function service(model: KubernetesModel, name: string): Service {
  const found = model.services.find((s) => s.name === name);
  if (!found) throw new Error(`no Service ${name}`);
  return found;
}

const HELM_RENDERED = `---
# Source: shop/templates/service.yaml
apiVersion: v1
kind: Service
metadata:
  name: shop-web
  namespace: shop
spec:
  type: NodePort
  selector:
    app.kubernetes.io/name: shop
    app.kubernetes.io/component: web
  ports:
    - name: http
      port: 80
      targetPort: http
      nodePort: 30080
    - name: metrics
      port: 9090
      targetPort: 9091
      protocol: UDP
---
# Source: shop/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop-web
  namespace: shop
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: shop
  template:
    metadata:
      labels:
        app.kubernetes.io/name: shop
        app.kubernetes.io/component: web
        pod-template-hash: abc
    spec:
      containers:
        - name: web
          ports:
            - name: http
              containerPort: 8080
        - name: exporter
          ports:
            - containerPort: 9091
---
# Source: shop/templates/worker.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop-worker
  namespace: shop
spec:
  template:
    metadata:
      labels:
        app.kubernetes.io/name: shop
        app.kubernetes.io/component: worker
    spec:
      containers:
        - name: worker
`;

describe('a Helm-rendered stream', () => {
  const model = modelOf(['rendered.yaml', HELM_RENDERED]);
  const web = service(model, 'shop-web');

  it('keeps each object with its namespace and Helm template', () => {
    expect(model.objects.map((o) => [o.kind, o.name, o.namespace, o.namespaceExplicit, o.helmSource, o.documentIndex])).toEqual([
      ['Service', 'shop-web', 'shop', true, 'shop/templates/service.yaml', 0],
      ['Deployment', 'shop-web', 'shop', true, 'shop/templates/deployment.yaml', 1],
      ['Deployment', 'shop-worker', 'shop', true, 'shop/templates/worker.yaml', 2],
    ]);
  });

  it('selects only the workload whose template labels carry every selector pair', () => {
    expect(model.workloadsSelectedBy(web).map((w) => w.name)).toEqual(['shop-web']);
    const worker = model.workloads.find((w) => w.name === 'shop-worker')!;
    expect(model.servicesSelecting(worker)).toEqual([]);
  });

  it('resolves a named targetPort to the container port of that name', () => {
    const http = web.ports[0]!;
    expect(http.targetPort).toMatchObject({ kind: 'name', value: 'http', span: { line: 16, column: 19, endColumn: 23 } });
    const resolution = model.resolveTargetPort(web, http);
    expect(resolution.matches.map((m) => [m.port.container, m.port.containerPort?.value, m.port.name?.span.line])).toEqual([
      ['web', 8080, 43],
    ]);
  });

  it('does not match a container port of another protocol', () => {
    const metrics = web.ports[1]!;
    expect(metrics.protocol).toBe('UDP');
    const resolution = model.resolveTargetPort(web, metrics);
    expect(resolution.target).toBe(9091);
    expect(resolution.matches).toEqual([]);
    expect(resolution.unmatchedWorkloads.map((w) => w.name)).toEqual(['shop-web']);
  });

  it('indexes nodePorts with their Service and span', () => {
    expect(model.nodePorts.map((n) => [n.port, n.service.name, n.servicePort.name?.value, n.span.line, n.span.column])).toEqual([
      [30080, 'shop-web', 'http', 17, 17],
    ]);
    expect(model.nodePortUses(30080)).toHaveLength(1);
    expect(model.nodePortUses(30081)).toEqual([]);
  });
});

describe('selection rules', () => {
  const workloads = `apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, ports: [{containerPort: 8080}]}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: staging}
spec:
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api}]}
`;
  const services = `apiVersion: v1
kind: Service
metadata: {name: api}
spec: {selector: {app: api}, ports: [{port: 80, targetPort: 8080}]}
---
apiVersion: v1
kind: Service
metadata: {name: manual}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: empty}
spec: {selector: {}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: wrong-value}
spec: {selector: {app: web}, ports: [{port: 80}]}
`;
  const model = modelOf(['workloads.yaml', workloads], ['services.yaml', services]);

  it('selects only within the Service namespace', () => {
    expect(model.workloadsSelectedBy(service(model, 'api')).map((w) => `${w.namespace}/${w.name}`)).toEqual(['default/api']);
    expect(model.workloadsInNamespace('staging').map((w) => w.name)).toEqual(['api']);
  });

  it('lets an absent or empty selector select nothing', () => {
    expect(service(model, 'manual').selector).toBeUndefined();
    expect(model.workloadsSelectedBy(service(model, 'manual'))).toEqual([]);
    expect(service(model, 'empty').selector?.entries).toEqual([]);
    expect(model.workloadsSelectedBy(service(model, 'empty'))).toEqual([]);
    expect(model.workloadsSelectedBy(service(model, 'wrong-value'))).toEqual([]);
  });

  it('reports a Service that selects nothing as having no workloads to resolve against', () => {
    const resolution = model.resolveTargetPort(service(model, 'wrong-value'), service(model, 'wrong-value').ports[0]!);
    expect(resolution).toMatchObject({ target: 80, workloads: [], matches: [], unmatchedWorkloads: [] });
  });

  it('evaluates matchExpressions with Kubernetes operators', () => {
    const span = { file: 'x', line: 1, column: 1, endLine: 1, endColumn: 1, start: 0, end: 0 };
    const selector = (operator: string, values: string[] = []): LabelSelector => ({
      matchExpressions: [{ key: 'tier', operator, values, span }],
      span,
    });
    const labels = { app: 'web', tier: 'front' };
    expect(labelSelectorMatches(selector('In', ['front', 'back']), labels)).toBe(true);
    expect(labelSelectorMatches(selector('In', ['back']), labels)).toBe(false);
    expect(labelSelectorMatches(selector('NotIn', ['back']), labels)).toBe(true);
    expect(labelSelectorMatches(selector('NotIn', ['front']), labels)).toBe(false);
    expect(labelSelectorMatches(selector('NotIn', ['front']), { app: 'web' })).toBe(true);
    expect(labelSelectorMatches(selector('Exists'), labels)).toBe(true);
    expect(labelSelectorMatches(selector('DoesNotExist'), labels)).toBe(false);
    expect(labelSelectorMatches(selector('Bogus'), labels)).toBe(false);
    expect(labelSelectorMatches({ matchExpressions: [], span }, labels)).toBe(true);
    expect(serviceSelectorMatches(undefined, labels)).toBe(false);
    expect(serviceSelectorMatches({ entries: [], span }, labels)).toBe(false);
  });

  it('reads a workload selector with matchExpressions', () => {
    const text = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  selector:
    matchLabels: {app: db}
    matchExpressions:
      - {key: role, operator: In, values: [primary, replica]}
  template:
    metadata: {labels: {app: db, role: primary}}
    spec: {containers: [{name: db}]}
`;
    const [db] = modelOf(['db.yaml', text]).workloads;
    expect(db!.selector?.matchExpressions).toMatchObject([{ key: 'role', operator: 'In', values: ['primary', 'replica'], span: { line: 8 } }]);
    expect(labelSelectorMatches(db!.selector!, { app: 'db', role: 'primary' })).toBe(true);
    expect(labelSelectorMatches(db!.selector!, { app: 'db', role: 'backup' })).toBe(false);
  });
});

describe('List kinds', () => {
  it('expands the items of a List, each with its own namespace default', () => {
    const text = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata: {name: a, namespace: team}
    spec: {selector: {app: a}, ports: [{port: 80, nodePort: 31000}]}
  - apiVersion: apps/v1
    kind: Deployment
    metadata: {name: a, namespace: team}
    spec:
      template:
        metadata: {labels: {app: a}}
        spec: {containers: [{name: a, ports: [{containerPort: 80}]}]}
  - apiVersion: v1
    kind: ConfigMap
    metadata: {name: settings}
    data: {key: value}
`;
    const model = modelOf(['list.yaml', text]);
    expect(model.objects.map((o) => [o.kind, o.namespace, o.listItemIndex, o.span.line])).toEqual([
      ['Service', 'team', 0, 4],
      ['Deployment', 'team', 1, 8],
      ['ConfigMap', 'default', 2, 15],
    ]);
    expect(model.workloadsSelectedBy(model.services[0]!).map((w) => w.name)).toEqual(['a']);
    expect(model.nodePorts.map((n) => [n.port, n.span.line])).toEqual([[31000, 7]]);
    expect(model.configMaps[0]!.data.map((d) => [d.key, d.value])).toEqual([['key', 'value']]);
  });

  it('expands a typed list such as ServiceList', () => {
    const text = 'apiVersion: v1\nkind: ServiceList\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: s}\n';
    expect(modelOf(['sl.yaml', text]).services.map((s) => s.name)).toEqual(['s']);
  });

  it('reports List items that are not objects', () => {
    const model = buildKubernetesModel([loadYaml('bad-list.yaml', 'apiVersion: v1\nkind: List\nitems:\n- just a string\n- {name: x}\n')]);
    expect(model.objects).toEqual([]);
    expect(model.issues.map((i) => [i.line, i.message])).toEqual([
      [4, 'List.items[0] should be a Kubernetes object mapping'],
      [5, 'List.items[1] has no apiVersion and kind'],
    ]);
  });
});

describe('Ingress backends', () => {
  it('reads networking.k8s.io/v1 and extensions/v1beta1 backends', () => {
    const text = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  defaultBackend:
    service: {name: fallback, port: {number: 8080}}
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: shop-web
                port:
                  name: http
---
apiVersion: extensions/v1beta1
kind: Ingress
metadata: {name: legacy}
spec:
  rules:
    - http:
        paths:
          - path: /old
            backend: {serviceName: old-web, servicePort: 80}
`;
    const model = modelOf(['ingress.yaml', text]);
    expect(model.ingresses.flatMap((i) => i.backends.map((b) => [i.name, b.serviceName.value, b.port?.value, b.host, b.path, b.serviceName.span.line]))).toEqual([
      ['web', 'fallback', 8080, undefined, undefined, 6],
      ['web', 'shop-web', 'http', 'shop.example.com', '/', 15],
      ['legacy', 'old-web', 80, undefined, '/old', 27],
    ]);
  });
});

describe('reading fields', () => {
  it('follows aliases and << merge keys as the Kubernetes decoder does', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: merged
  labels: &labels {app: merged, tier: web}
spec:
  template:
    metadata:
      labels:
        <<: *labels
        tier: api
    spec:
      containers:
        - &main {name: main, ports: [{containerPort: 80}]}
`;
    const [workload] = modelOf(['merge.yaml', text]).workloads;
    expect(workload!.labels).toEqual({ app: 'merged', tier: 'web' });
    expect(workload!.template?.labels?.entries.map((e) => `${e.key}=${e.value}@${e.span.line}`)).toEqual([
      'tier=api@11',
      'app=merged@5',
    ]);
    expect(workload!.template?.containers[0]?.ports[0]?.containerPort?.value).toBe(80);
  });

  it('keeps a quoted numeric targetPort a name, as Kubernetes IntOrString does', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {selector: {a: b}, ports: [{port: 80, targetPort: "8080"}]}\n';
    expect(modelOf(['q.yaml', text]).services[0]!.ports[0]!.targetPort).toMatchObject({ kind: 'name', value: '8080' });
  });

  it('reports fields of the wrong shape at their position and keeps reading', () => {
    const text = `apiVersion: v1
kind: Service
metadata: {name: odd}
spec:
  selector: [app]
  ports:
    - port: eighty
      nodePort: 30001
    - just-a-string
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: odd}
spec:
  template:
    spec:
      containers: {name: x}
`;
    const model = modelOf(['shape.yaml', text]);
    expect(model.issues.map((i) => [i.line, i.column, i.message])).toEqual([
      [5, 13, 'spec.selector should be a mapping, not a list'],
      [7, 13, 'spec.ports[0].port should be an integer, not the string "eighty"'],
      [9, 7, 'spec.ports[1] should be a mapping, not the string "just-a-string"'],
      [17, 19, 'spec.template.spec.containers should be a list, not a mapping'],
    ]);
    const odd = service(model, 'odd');
    expect(odd.ports).toHaveLength(1);
    expect(odd.ports[0]!.nodePort?.value).toBe(30001);
    expect(odd.ports[0]!.targetPort).toMatchObject({ kind: 'omitted', value: undefined, span: { line: 7, column: 7 } });
  });

  it('reads a document with syntax errors best effort, without echoing shape problems', () => {
    const load = loadYaml('dup.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nmetadata: {name: t}\nspec: {ports: oops}\n');
    expect(load.issues.map((i) => [i.line, i.message])).toEqual([[4, 'Map keys must be unique']]);
    const model = buildKubernetesModel([load]);
    expect(model.services.map((s) => s.name)).toEqual(['s']);
    expect(model.issues).toEqual([]);
  });

  it('ignores YAML that is not a Kubernetes object', () => {
    const model = modelOf(
      ['values.yaml', 'replicaCount: 2\nservice:\n  type: NodePort\n'],
      ['compose.yaml', 'services:\n  web:\n    image: nginx\n'],
      ['list.yaml', '- a\n- b\n'],
    );
    expect(model.objects).toEqual([]);
    expect(model.issues).toEqual([]);
  });

  it('keeps unknown kinds as generic objects that policies can select', () => {
    const text = 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: tls\n  namespace: web\nspec: {secretName: tls}\n';
    const [object] = modelOf(['cert.yaml', text]).objects;
    expect(object).toMatchObject({
      apiVersion: 'cert-manager.io/v1',
      kind: 'Certificate',
      name: 'tls',
      namespace: 'web',
      span: { line: 1, column: 1, endLine: 6 },
      nameSpan: { line: 4, column: 9 },
    });
  });
});
