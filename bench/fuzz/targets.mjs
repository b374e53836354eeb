// Every parser as a fuzz target: run it on one text, check each position it produced, and count
// the positions as a deterministic measure of the work done. The parser functions are passed in,
// so the tests use the TypeScript sources and the fuzz script the build in dist/.
import { memoryHost } from './memory-host.mjs';
import { checkPositions } from './positions.mjs';

const NGINX_ROOT = '/fuzz/nginx.conf';

/** @param {import('./targets.d.mts').FuzzApi} api */
export function createFuzzTargets(api) {
  const check = (output, texts) => {
    const { problems, spanCount } = checkPositions(output, (file) => texts.get(file), api.LineIndex);
    return { problems, work: spanCount };
  };
  const merge = (...outcomes) => ({
    problems: outcomes.flatMap((outcome) => outcome.problems),
    work: outcomes.reduce((sum, outcome) => sum + outcome.work, 0),
  });

  const nginx = async (text) => {
    const parsed = api.parseNginxText(NGINX_ROOT, text);
    const single = check(parsed, new Map([[NGINX_ROOT, text]]));
    if (parsed.text !== text) single.problems.push('$.text: the parsed file does not keep the text it was given');
    const host = memoryHost({ [NGINX_ROOT]: text, '/fuzz/conf.d/extra.conf': text, '/fuzz/mime.types': 'types { text/html html; }\n' });
    const config = await api.loadNginxConfig(NGINX_ROOT, { host });
    const texts = new Map([...config.files].map(([file, parsedFile]) => [file, parsedFile.text]));
    const loaded = check(config, texts);
    const dumped = { problems: [], work: 0 };
    const lineCount = new api.LineIndex(text).lineCount;
    for (const [index, entry] of api.splitNginxDashT(text).entries()) {
      dumped.work++;
      if (!text.includes(entry.text)) dumped.problems.push(`$.dump[${index}].text is not part of the dump`);
      if (entry.lineOffset < 1 || entry.lineOffset > lineCount) dumped.problems.push(`$.dump[${index}].lineOffset ${entry.lineOffset} outside 1..${lineCount}`);
    }
    return merge(single, loaded, dumped);
  };

  const sysctl = async (text) => {
    const files = ['/etc/sysctl.d/50-fuzz.conf', '/usr/lib/sysctl.d/50-fuzz.conf', '/etc/sysctl.conf'].map((file) => api.parseSysctl(file, text));
    const texts = new Map(files.map((file) => [file.file, text]));
    const parsed = check(files, texts);
    for (const [index, assignment] of files[0].assignments.entries()) {
      const { keySpan, valueSpan } = assignment;
      if (text.slice(keySpan.start, keySpan.end) !== assignment.rawKey) parsed.problems.push(`$.assignments[${index}].keySpan does not cover rawKey`);
      if (assignment.value !== undefined && text.slice(valueSpan.start, valueSpan.end) !== assignment.value) {
        parsed.problems.push(`$.assignments[${index}].valueSpan does not cover value`);
      }
    }
    const effective = api.computeEffectiveSysctls(files);
    const values = effective.keys().map((key) => effective.get(key));
    const perInterface = ['eth0', 'eth0.100', 'all', 'default'].map((iface) => effective.effectiveForInterface('net.ipv4.conf.<iface>.rp_filter', iface));
    return merge(parsed, check([values, effective.files, effective.globs, effective.masked, perInterface], texts));
  };

  const yamlLoad = (file, text) => {
    const load = api.loadYaml(file, text);
    return { load, result: check(load, new Map([[file, text]])) };
  };

  const yaml = async (text) => yamlLoad('/fuzz/manifest.yaml', text).result;

  const kubernetes = async (text) => {
    const file = '/fuzz/manifest.yaml';
    const { load, result } = yamlLoad(file, text);
    const model = api.buildKubernetesModel([load]);
    const queries = [
      model.services.map((service) => [model.workloadsSelectedBy(service), service.ports.map((port) => model.resolveTargetPort(service, port))]),
      model.workloads.map((workload) => [model.servicesSelecting(workload), model.containerPorts(workload)]),
      model.workloadsInNamespace('default'),
      model.nodePortUses(30080),
    ];
    return merge(result, check([model.objects, model.kubeProxy, model.nodePorts, model.issues, queries], new Map([[file, text]])));
  };

  const networkYaml = async (text) => {
    const file = '/fuzz/cluster.yml';
    const { load, result } = yamlLoad(file, text);
    return merge(result, check(api.extractNetworksFromYaml(load), new Map([[file, text]])));
  };

  const cni = async (text) => {
    const file = '/fuzz/10-net.conflist';
    return check(api.parseCniFile(file, text), new Map([[file, text]]));
  };

  const flannel = async (text) => {
    const file = '/fuzz/net-conf.json';
    return check(api.parseFlannelNetConfFile(file, text), new Map([[file, text]]));
  };

  return [
    { name: 'nginx', fileName: 'nginx.conf', run: nginx },
    { name: 'sysctl', fileName: 'sysctl.conf', run: sysctl },
    { name: 'yaml', fileName: 'manifest.yaml', run: yaml },
    { name: 'kubernetes', fileName: 'manifest.yaml', run: kubernetes },
    { name: 'network-yaml', fileName: 'cluster.yml', run: networkYaml },
    { name: 'cni', fileName: '10-net.conflist', run: cni },
    { name: 'flannel', fileName: 'net-conf.json', run: flannel },
  ];
}
