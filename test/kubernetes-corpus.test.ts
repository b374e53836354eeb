import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Span } from '../src/core/source.js';
import { buildKubernetesModel } from '../src/link/kubernetes.js';
import type { Service, Workload } from '../src/languages/kubernetes/types.js';
import { scalarValueLocator } from '../src/languages/yaml/index.js';
import { loadYaml } from '../src/languages/yaml/loader.js';
import type { YamlLoadResult } from '../src/languages/yaml/loader.js';

const CORPUS = '/work/shared/corpus/real';
const GUESTBOOK = join(CORPUS, 'kubernetes/guestbook');
const FLANNEL = join(CORPUS, 'network/kube-flannel.yml');

function load(path: string): YamlLoadResult {
  return loadYaml(path, readFileSync(path, 'utf8'));
}

/** The source text a span covers, read back from the file. */
function textAt(result: YamlLoadResult, span: Span | undefined): string {
  if (!span) throw new Error('expected a span');
  return result.text.slice(span.start, span.end);
}

function byName<T extends { name?: string }>(items: T[], name: string): T {
  const found = items.find((item) => item.name === name);
  if (!found) throw new Error(`no object named ${name}`);
  return found;
}

describe('guestbook example', () => {
  const files = readdirSync(GUESTBOOK).filter((file) => file.endsWith('.yaml'));
  const loads = files.map((file) => load(join(GUESTBOOK, file)));
  const model = buildKubernetesModel(loads);
  const loadOf = (file: string): YamlLoadResult => loads.find((l) => l.file.endsWith(`/${file}`))!;

  it('loads every file without issues', () => {
    expect(files).toHaveLength(6);
    for (const result of loads) expect(result.issues, result.file).toEqual([]);
    expect(model.issues).toEqual([]);
  });

  it('types three Services and three Deployments in the default namespace', () => {
    expect(model.services.map((s) => s.name).sort()).toEqual(['frontend', 'redis-master', 'redis-replica']);
    expect(model.workloads.map((w) => `${w.kind}/${w.name}`).sort()).toEqual([
      'Deployment/frontend',
      'Deployment/redis-master',
      'Deployment/redis-replica',
    ]);
    expect(new Set(model.objects.map((o) => o.namespace))).toEqual(new Set(['default']));
    expect(model.objects.every((o) => !o.namespaceExplicit)).toBe(true);
    expect(byName(model.services, 'frontend').type).toBe('NodePort');
    expect(byName(model.services, 'redis-master').type).toBe('ClusterIP');
  });

  it('selects the Deployment whose pod template carries every selector label', () => {
    const selected = (service: Service): string[] => model.workloadsSelectedBy(service).map((w) => w.name ?? '');
    expect(selected(byName(model.services, 'frontend'))).toEqual(['frontend']);
    // redis-master and redis-replica share app/tier; only `role` tells them apart.
    expect(selected(byName(model.services, 'redis-master'))).toEqual(['redis-master']);
    expect(selected(byName(model.services, 'redis-replica'))).toEqual(['redis-replica']);
    const replica = byName(model.workloads, 'redis-replica');
    expect(model.servicesSelecting(replica).map((s) => s.name)).toEqual(['redis-replica']);
  });

  it('resolves an omitted targetPort to port and finds the container port on its line', () => {
    const frontend = byName(model.services, 'frontend');
    const port = frontend.ports[0]!;
    expect(port.targetPort).toMatchObject({ kind: 'omitted', value: 80, span: { line: 15, column: 11, endColumn: 13 } });
    const resolution = model.resolveTargetPort(frontend, port);
    expect(resolution.target).toBe(80);
    expect(resolution.unmatchedWorkloads).toEqual([]);
    const [match] = resolution.matches;
    expect(match!.workload.name).toBe('frontend');
    expect(match!.port.container).toBe('php-redis');
    expect(match!.port.containerPort).toMatchObject({ value: 80, span: { line: 33, column: 26, endLine: 33, endColumn: 28 } });
    expect(textAt(loadOf('frontend-deployment.yaml'), match!.port.containerPort?.span)).toBe('80');
  });

  it('resolves a numeric targetPort and keeps its span', () => {
    const master = byName(model.services, 'redis-master');
    const port = master.ports[0]!;
    expect(port.targetPort).toMatchObject({ kind: 'number', value: 6379, span: { line: 12, column: 17, endColumn: 21 } });
    expect(port.port).toMatchObject({ value: 6379, span: { line: 11, column: 11 } });
    expect(port.protocol).toBe('TCP');
    expect(model.resolveTargetPort(master, port).matches.map((m) => m.workload.name)).toEqual(['redis-master']);
  });

  it('spans selectors, labels and names on the real lines', () => {
    const master = byName(model.services, 'redis-master');
    const load = loadOf('redis-master-service.yaml');
    expect(master.selector?.entries.map((e) => [e.key, e.value, e.span.line])).toEqual([
      ['app', 'redis', 14],
      ['role', 'master', 15],
      ['tier', 'backend', 16],
    ]);
    expect(textAt(load, master.selector?.entries[1]?.span)).toBe('role: master');
    expect(master.nameSpan).toMatchObject({ line: 4, column: 9 });
    expect(master.kindSpan).toMatchObject({ line: 2, column: 7, endColumn: 14 });
    const deployment = byName(model.workloads, 'frontend');
    expect(deployment.template?.labels?.entries.map((e) => e.valueSpan.line)).toEqual([14, 15]);
    expect(deployment.selector?.matchLabels?.entries.map((e) => e.key)).toEqual(['app', 'tier']);
  });

  it('declares no NodePorts (the frontend leaves allocation to the cluster)', () => {
    expect(model.nodePorts).toEqual([]);
  });
});

describe('kube-flannel.yml', () => {
  const result = load(FLANNEL);
  const model = buildKubernetesModel([result]);

  it('loads as Kubernetes objects without issues', () => {
    expect(result.issues).toEqual([]);
    expect(model.issues).toEqual([]);
    expect(model.objects.map((o) => `${o.kind}/${o.name}@${o.namespace}`)).toEqual([
      'Namespace/kube-flannel@',
      'ClusterRole/flannel@',
      'ClusterRoleBinding/flannel@',
      'ServiceAccount/flannel@kube-flannel',
      'ConfigMap/kube-flannel-cfg@kube-flannel',
      'DaemonSet/kube-flannel-ds@kube-flannel',
    ]);
  });

  it('keeps the ConfigMap data keys with their block-scalar values', () => {
    const configMap = byName(model.configMaps, 'kube-flannel-cfg');
    expect(configMap.data.map((d) => [d.key, d.style, d.indent, d.keySpan.line, d.valueSpan.line, d.valueSpan.endLine])).toEqual([
      ['cni-conf.json', 'BLOCK_LITERAL', 4, 71, 71, 90],
      ['net-conf.json', 'BLOCK_LITERAL', 4, 91, 91, 98],
    ]);
    expect(JSON.parse(configMap.data[1]!.value)).toEqual({
      Network: '10.244.0.0/16',
      EnableNFTables: false,
      Backend: { Type: 'vxlan' },
    });
    expect(configMap.labels).toEqual({ tier: 'node', 'k8s-app': 'flannel', app: 'flannel' });
  });

  it('maps the embedded net-conf.json onto the lines of the YAML file', () => {
    const configMap = byName(model.configMaps, 'kube-flannel-cfg');
    const scalar = configMap.data[1]!.scalar;
    const locator = scalarValueLocator(result.locator, result.text, scalar)!;
    const text = String(scalar.value);
    expect(JSON.parse(text)).toEqual(JSON.parse(configMap.data[1]!.value));
    const offset = text.indexOf('"vxlan"');
    expect(locator.span(offset, offset + 7)).toMatchObject({ line: 96, column: 17, endLine: 96, endColumn: 24 });
    expect(result.lineIndex.lineText(96).trim()).toBe('"Type": "vxlan"');
  });

  it('reads the DaemonSet pod template: host network, init containers, named port', () => {
    const daemonSet = byName(model.workloads, 'kube-flannel-ds');
    expect(daemonSet.kind).toBe('DaemonSet');
    const template = daemonSet.template!;
    expect(template.hostNetwork).toMatchObject({ value: true, span: { line: 128, column: 20 } });
    expect(template.initContainers.map((c) => c.name?.value)).toEqual(['install-cni-plugin', 'install-cni']);
    expect(template.initContainers.every((c) => c.init)).toBe(true);
    expect(template.containers.map((c) => c.name?.value)).toEqual(['kube-flannel']);
    expect(model.containerPorts(daemonSet)).toMatchObject([
      {
        container: 'kube-flannel',
        name: { value: 'healthz', span: { line: 168, column: 17 } },
        containerPort: { value: 8081, span: { line: 169, column: 26, endColumn: 30 } },
        protocol: 'TCP',
        protocolSpan: { line: 170 },
      },
    ]);
    expect(daemonSet.selector?.matchLabels?.entries.map((e) => `${e.key}=${e.value}`)).toEqual(['app=flannel']);
    expect(model.workloadsInNamespace('kube-flannel')).toEqual([daemonSet]);
  });
});

describe('objects of one workload kind each', () => {
  it('finds the pod template of every workload kind', () => {
    const kinds: Record<string, string> = {
      Deployment: 'spec:\n  template:\n    metadata: {labels: {app: x}}\n    spec: {containers: [{name: c, ports: [{containerPort: 1}]}]}',
      StatefulSet: 'spec:\n  template:\n    metadata: {labels: {app: x}}\n    spec: {containers: [{name: c, ports: [{containerPort: 2}]}]}',
      DaemonSet: 'spec:\n  template:\n    metadata: {labels: {app: x}}\n    spec: {containers: [{name: c, ports: [{containerPort: 3}]}]}',
      ReplicaSet: 'spec:\n  template:\n    metadata: {labels: {app: x}}\n    spec: {containers: [{name: c, ports: [{containerPort: 4}]}]}',
      Job: 'spec:\n  template:\n    metadata: {labels: {app: x}}\n    spec: {containers: [{name: c, ports: [{containerPort: 5}]}]}',
      CronJob: 'spec:\n  jobTemplate:\n    spec:\n      template:\n        metadata: {labels: {app: x}}\n        spec: {containers: [{name: c, ports: [{containerPort: 6}]}]}',
      Pod: 'metadata: {name: p, labels: {app: x}}\nspec: {containers: [{name: c, ports: [{containerPort: 7}]}]}',
    };
    const text = Object.entries(kinds)
      .map(([kind, body]) => `apiVersion: v1\nkind: ${kind}\n${body.startsWith('metadata') ? '' : `metadata: {name: ${kind.toLowerCase()}}\n`}${body}\n`)
      .join('---\n');
    const result = loadYaml('kinds.yaml', text);
    expect(result.issues).toEqual([]);
    const model = buildKubernetesModel([result]);
    expect(model.issues).toEqual([]);
    expect(model.workloads.map((w) => [w.kind, model.containerPorts(w).map((p) => p.containerPort?.value)])).toEqual([
      ['Deployment', [1]],
      ['StatefulSet', [2]],
      ['DaemonSet', [3]],
      ['ReplicaSet', [4]],
      ['Job', [5]],
      ['CronJob', [6]],
      ['Pod', [7]],
    ]);
    expect(model.workloads.every((w: Workload) => w.template?.labels?.entries[0]?.value === 'x')).toBe(true);
  });
});
