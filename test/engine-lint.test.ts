import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { diskHost, type FileHost } from '../src/core/host.js';
import { ConfigError } from '../src/core/errors.js';
import { lint } from '../src/project/lint.js';
import { defineRule } from '../src/engine/rule.js';
import { main } from '../src/cli/main.js';
import unknownDirective from '../rules/nginx/unknown-directive/index.js';
import { writeTree } from './support/temp-tree.js';
import { Writable, Readable } from 'node:stream';

const trees: string[] = [];
afterEach(async () => {
  for (const tree of trees.splice(0)) await rm(tree, { recursive: true, force: true });
});

async function tree(files: Record<string, string>): Promise<string> {
  const dir = await writeTree(files);
  trees.push(dir);
  return dir;
}

/** Only the built-in rules and the one shipped rule these tests are about, whatever else is in rules/. */
const ISOLATED = { shippedRules: false, extraRules: [unknownDirective] };

const counting = defineRule<{ max: number }>({
  meta: {
    id: 'hop/test-counting',
    layer: 'hop',
    severity: 'info',
    summary: 'test rule',
    docsUrl: 'https://example.test',
    optionsSchema: { type: 'object', additionalProperties: false, properties: { max: { type: 'integer', minimum: 0 } } },
    defaultOptions: { max: 1 },
  },
  check({ workspace, options, report }) {
    const files = workspace.files.filter((file) => file.language === 'nginx');
    if (files.length > options.max) {
      const [first, ...rest] = files;
      report({
        file: first!.absolutePath,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 2,
        message: `${files.length} nginx files; at most ${options.max}`,
        related: rest.map((file) => ({ file: file.absolutePath, line: 1, column: 1, endLine: 1, endColumn: 2, message: 'also here' })),
      });
    }
  },
});

describe('lint()', () => {
  it('classifies by path and by content, walks directories and skips node_modules and non-config files', async () => {
    const cwd = await tree({
      'etc/nginx/nginx.conf': 'events {}\nhttp { include conf.d/*.conf; }\n',
      'etc/nginx/conf.d/site.conf': 'server { listen 80; }\n',
      'etc/sysctl.d/10-net.conf': 'net.core.somaxconn = 4096\n',
      'misc/tuning.conf': 'net.ipv4.tcp_fin_timeout = 30\nvm.swappiness = 10\n',
      'misc/proxy.conf': 'server {\n    listen 8080;\n}\n',
      'misc/redis.conf': 'bind 127.0.0.1\nport 6379\n',
      'k8s/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n',
      'ci/workflow.yml': 'on: push\njobs: {}\n',
      'rke/cluster.yml': 'nodes: []\n',
      'cni/10-flannel.conf': '{ "cniVersion": "0.3.1", "type": "flannel" }\n',
      'cni/net-conf.json': '{ "Network": "10.42.0.0/16", "Backend": { "Type": "vxlan" } }\n',
      'node_modules/pkg/nginx.conf': 'garbage',
      'README.md': '# hi\n',
    });
    const result = await lint({ cwd, noConfig: true, ...ISOLATED });
    expect(result.files.map((file) => [file.path, file.language])).toEqual([
      ['cni/10-flannel.conf', 'network'],
      ['cni/net-conf.json', 'network'],
      ['etc/nginx/conf.d/site.conf', 'nginx'],
      ['etc/nginx/nginx.conf', 'nginx'],
      ['etc/sysctl.d/10-net.conf', 'sysctl'],
      ['k8s/svc.yaml', 'kubernetes'],
      ['misc/proxy.conf', 'nginx'],
      ['misc/tuning.conf', 'sysctl'],
      ['rke/cluster.yml', 'network'],
    ]);
    expect(result.findings).toEqual([]);
  });

  it('lints an included file in its includer\'s context, not again as a root', async () => {
    const cwd = await tree({
      'nginx.conf': 'events {}\nhttp {\n    include conf.d/*.conf;\n}\n',
      'conf.d/a.conf': 'server {\n    location / {\n        gzipp on;\n    }\n}\n',
    });
    const result = await lint({ cwd, noConfig: true, ...ISOLATED });
    expect(result.findings.map((finding) => [finding.file, finding.line, finding.ruleId])).toEqual([['conf.d/a.conf', 3, 'nginx/unknown-directive']]);
  });

  it('globs match paths relative to the cwd', async () => {
    const cwd = await tree({ 'a/nginx.conf': 'events {}\nhttp { gzipp on; }\n', 'b/nginx.conf': 'events {}\nhttp { gzipp on; }\n', 'b/sysctl.conf': 'x\n' });
    const result = await lint({ cwd, noConfig: true, paths: ['b/*.conf'], ...ISOLATED });
    expect(result.findings.map((finding) => [finding.file, finding.ruleId])).toEqual([
      ['b/nginx.conf', 'nginx/unknown-directive'],
      ['b/sysctl.conf', 'syntax'],
    ]);
  });

  it('skips .gitignored paths unless told not to', async () => {
    const cwd = await tree({ '.gitignore': 'build/\n!build/keep.conf\n', 'build/nginx.conf': 'x', 'nginx.conf': 'events {}\nhttp {}\n' });
    expect((await lint({ cwd, noConfig: true, ...ISOLATED })).files.map((file) => file.path)).toEqual(['nginx.conf']);
    expect((await lint({ cwd, noConfig: true, gitignore: false, ...ISOLATED })).files.map((file) => file.path)).toEqual(['build/nginx.conf', 'nginx.conf']);
  });

  it('an unreadable file is a syntax finding at 1:1 and the other files are still linted', async () => {
    const cwd = await tree({ 'a/nginx.conf': 'events {}\nhttp {}\n', 'b/nginx.conf': 'events {}\nhttp { gzipp on; }\n' });
    const denied = join(cwd, 'a', 'nginx.conf');
    const host: FileHost = {
      ...diskHost,
      readFile: async (path) => {
        if (path === denied) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        return diskHost.readFile(path);
      },
    };
    const result = await lint({ cwd, noConfig: true, host, ...ISOLATED });
    expect(result.findings.map(({ ruleId, file, line, column, message }) => ({ ruleId, file, line, column, message }))).toEqual([
      { ruleId: 'syntax', file: 'a/nginx.conf', line: 1, column: 1, message: 'cannot read file: permission denied' },
      { ruleId: 'nginx/unknown-directive', file: 'b/nginx.conf', line: 2, column: 8, message: 'unknown directive "gzipp"; did you mean "gzip"?' },
    ]);
  });

  it('validates rule options against the optionsSchema, with positions from the config file', async () => {
    const cwd = await tree({
      'hoplint.config.yaml': 'rules:\n  hop/test-counting: [warning, { max: -1 }]\n',
      'a/nginx.conf': 'events {}\nhttp {}\n',
    });
    await expect(lint({ cwd, extraRules: [counting, unknownDirective], shippedRules: false })).rejects.toThrow(new ConfigError('hoplint.config.yaml', 2, 39, 'rules.hop/test-counting options: max: must be >= 0; found -1'));
    await expect(lint({ cwd, extraRules: [counting, unknownDirective], shippedRules: false, config: { rules: { 'hop/test-counting': ['warning', { maxx: 1 }] } } })).rejects.toThrow(
      'rules.hop/test-counting options: unknown key "maxx"; did you mean "max"?',
    );
  });

  it('passes options (defaults merged under the config) and severity to the rule; related locations are relative too', async () => {
    const cwd = await tree({ 'a/nginx.conf': 'events {}\nhttp {}\n', 'b/nginx.conf': 'events {}\nhttp {}\n' });
    const defaults = await lint({ cwd, noConfig: true, extraRules: [counting, unknownDirective], shippedRules: false });
    expect(defaults.findings).toEqual([
      {
        ruleId: 'hop/test-counting',
        severity: 'info',
        message: '2 nginx files; at most 1',
        file: 'a/nginx.conf',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 2,
        related: [{ file: 'b/nginx.conf', line: 1, column: 1, endLine: 1, endColumn: 2, message: 'also here' }],
      },
    ]);
    const configured = await lint({ cwd, extraRules: [counting, unknownDirective], shippedRules: false, config: { rules: { 'hop/test-counting': ['error', { max: 2 }] } } });
    expect(configured.findings).toEqual([]);
    const severity = await lint({ cwd, extraRules: [counting, unknownDirective], shippedRules: false, config: { rules: { 'hop/test-counting': 'error' } } });
    expect(severity.findings.map((finding) => finding.severity)).toEqual(['error']);
  });

  it('a rule that throws is exit 2 with one line naming the rule, no stack trace', async () => {
    const cwd = await tree({ 'nginx.conf': 'events {}\nhttp {}\n' });
    const crashing = defineRule({ ...counting, meta: { ...counting.meta, id: 'hop/test-crash' }, check: () => { throw new TypeError('boom'); } });
    await expect(lint({ cwd, noConfig: true, extraRules: [crashing], shippedRules: false })).rejects.toThrow('rule "hop/test-crash" failed: boom');

    let stderr = '';
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => { stderr += chunk.toString(); done(); } });
    const code = await main(['--config', join(cwd, 'missing.yml')], { stdout: sink, stderr: sink, stdin: Readable.from([]), cwd, env: {} });
    expect(code).toBe(2);
    expect(stderr).toBe('hoplint: cannot read config file "missing.yml": no such file\n');
  });
});
