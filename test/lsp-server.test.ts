import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyLspEdits, LspClient, type LspCodeAction, type LspDiagnostic, type PublishedDiagnostics } from './support/lsp-client.js';
import { writeTree } from './support/temp-tree.js';

// End to end over stdio: `node bin/hoplint.js lsp --stdio` driven by a vscode-jsonrpc client.

const NGINX = [
  'events {}', //                                        line 0
  'http {',
  '    upstream backend {',
  '        server 10.0.0.1:8080;',
  '        keepalive 16;', //                             line 4
  '    }',
  '    server {',
  '        listen 80 backlog=4096;', //                   line 7
  '        location / {',
  '            proxy_pass http://backend;', //           line 9
  '        }',
  '    }',
  '}',
  '',
].join('\n');

const FLANNEL = '{\n  "name": "cbr0",\n  "cniVersion": "0.3.1",\n  "plugins": [ { "type": "flannel", "delegate": { "mtu": 1500 } } ]\n}\n';

const SYSCTL = '# tuned\nnet.core.somaxconn = 1024\n';

interface Hover {
  contents: { kind: string; value: string };
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
}

const summary = (p: PublishedDiagnostics): Array<[string | number | undefined, number, number, number, number]> =>
  p.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]);

const byCode = (p: PublishedDiagnostics, code: string): LspDiagnostic => {
  const found = p.diagnostics.find((d) => d.code === code);
  if (!found) throw new Error(`no ${code} in ${JSON.stringify(summary(p))}`);
  return found;
};

describe('hoplint lsp --stdio', () => {
  let dir: string;
  let client: LspClient;
  let capabilities: Record<string, unknown>;
  let serverName: string | undefined;
  const uri = (path: string): string => pathToFileURL(join(dir, path)).href;

  beforeAll(async () => {
    dir = await writeTree({ 'hoplint.config.yaml': 'environment: {}\n', 'nginx.conf': NGINX, 'sysctl.conf': SYSCTL, 'etc/cni/net.d/10-flannel.conflist': FLANNEL, 'etc/kube-flannel/net-conf.json': '{ "Network": "10.244.0.0/16", "Backend": { "Type": "vxlan" } }\n' });
    const started = await LspClient.start(dir, { capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
    client = started.client;
    capabilities = started.capabilities;
    serverName = started.serverInfo?.name;
  });

  afterAll(async () => {
    client.kill();
    await rm(dir, { recursive: true, force: true });
  });

  it('initializes with diagnostics, code actions and hover', () => {
    expect(serverName).toBe('hoplint');
    expect(capabilities).toMatchObject({ hoverProvider: true, codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.hoplint'] }, textDocumentSync: { openClose: true, change: 2 } });
  });

  it('publishes diagnostics on open, with exact ranges, rule ids, docs links and related locations', async () => {
    const published = await client.open(uri('nginx.conf'), NGINX, 'nginx');
    expect(published.version).toBe(1);
    expect(summary(published)).toEqual([
      ['hop/listen-backlog-somaxconn', 7, 18, 7, 30],
      ['nginx/proxy-http-version', 9, 12, 9, 22],
      ['nginx/upstream-keepalive-connection-header', 9, 12, 9, 22],
    ]);
    const version = byCode(published, 'nginx/proxy-http-version');
    expect(version).toMatchObject({ severity: 2, source: 'hoplint', codeDescription: { href: 'https://github.com/hoplint/hoplint/blob/main/rules/nginx/proxy-http-version/README.md' } });
    const backlog = byCode(published, 'hop/listen-backlog-somaxconn');
    expect(backlog.relatedInformation).toEqual([
      { location: { uri: uri('sysctl.conf'), range: { start: { line: 1, character: 21 }, end: { line: 1, character: 25 } } }, message: 'net.core.somaxconn = 1024 caps every listen backlog' },
    ]);
    expect(client.logs.filter((line) => line.includes('failed'))).toEqual([]);
  });

  it('updates diagnostics on change', async () => {
    const text = NGINX.replace('            proxy_pass', '            proxy_http_version 1.1;\n            proxy_pass');
    const published = await client.change(uri('nginx.conf'), 2, text);
    expect(summary(published)).toEqual([
      ['hop/listen-backlog-somaxconn', 7, 18, 7, 30],
      ['nginx/upstream-keepalive-connection-header', 10, 12, 10, 22],
    ]);
    await client.change(uri('nginx.conf'), 3, NGINX);
  });

  it('editing sysctl.conf refreshes the nginx diagnostics a hop/ rule links to it', async () => {
    const nginxAgain = client.nextDiagnostics(uri('nginx.conf'), (p) => !p.diagnostics.some((d) => d.code === 'hop/listen-backlog-somaxconn'));
    await client.open(uri('sysctl.conf'), SYSCTL, 'sysctl');
    await client.change(uri('sysctl.conf'), 2, SYSCTL.replace('1024', '8192'));
    const nginx = await nginxAgain;
    expect(summary(nginx).map(([code]) => code)).toEqual(['nginx/proxy-http-version', 'nginx/upstream-keepalive-connection-header']);

    const back = client.nextDiagnostics(uri('nginx.conf'), (p) => p.diagnostics.some((d) => d.code === 'hop/listen-backlog-somaxconn'));
    await client.change(uri('sysctl.conf'), 3, SYSCTL);
    expect(summary(await back)[0]).toEqual(['hop/listen-backlog-somaxconn', 7, 18, 7, 30]);
  });

  async function actionsAt(path: string, diagnostic: LspDiagnostic): Promise<LspCodeAction[]> {
    return client.request<LspCodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri(path) }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
  }

  it('offers each fix as a quick fix whose edit removes the finding', async () => {
    const current = await client.change(uri('nginx.conf'), 10, NGINX);
    const actions = await actionsAt('nginx.conf', byCode(current, 'nginx/proxy-http-version'));
    expect(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false])).toEqual([
      ['Insert "proxy_http_version 1.1;"', 'quickfix', true],
      ['Insert \'proxy_set_header Connection "";\'', 'quickfix', true],
      ['Disable nginx/proxy-http-version for this line', 'quickfix', false],
      ['Disable nginx/proxy-http-version in this file', 'quickfix', false],
      ['Disable nginx/upstream-keepalive-connection-header for this line', 'quickfix', false],
      ['Disable nginx/upstream-keepalive-connection-header in this file', 'quickfix', false],
    ]);
    const fixed = applyLspEdits(NGINX, actions[0]!.edit!.changes![uri('nginx.conf')]!);
    expect(fixed).toBe(NGINX.replace('            proxy_pass', '            proxy_http_version 1.1;\n            proxy_pass'));
    const after = await client.change(uri('nginx.conf'), 11, fixed);
    expect(after.diagnostics.map((d) => d.code)).not.toContain('nginx/proxy-http-version');
  });

  it('disables a rule for one line with a comment at that line\'s indentation, or for the file', async () => {
    const current = await client.change(uri('nginx.conf'), 20, NGINX);
    const actions = await actionsAt('nginx.conf', byCode(current, 'nginx/upstream-keepalive-connection-header'));
    const line = actions.find((a) => a.title === 'Disable nginx/upstream-keepalive-connection-header for this line')!;
    const lineFixed = applyLspEdits(NGINX, line.edit!.changes![uri('nginx.conf')]!);
    expect(lineFixed.split('\n').slice(8, 11)).toEqual(['        location / {', '            # hoplint-disable-next-line nginx/upstream-keepalive-connection-header', '            proxy_pass http://backend;']);
    const afterLine = await client.change(uri('nginx.conf'), 21, lineFixed);
    expect(afterLine.diagnostics.map((d) => d.code)).toEqual(['hop/listen-backlog-somaxconn', 'nginx/proxy-http-version']);

    // A second rule on the same line joins the existing comment.
    const second = await actionsAt('nginx.conf', byCode(afterLine, 'nginx/proxy-http-version'));
    const joined = applyLspEdits(lineFixed, second.find((a) => a.title === 'Disable nginx/proxy-http-version for this line')!.edit!.changes![uri('nginx.conf')]!);
    expect(joined.split('\n')[9]).toBe('            # hoplint-disable-next-line nginx/upstream-keepalive-connection-header, nginx/proxy-http-version');
    const afterJoined = await client.change(uri('nginx.conf'), 22, joined);
    expect(afterJoined.diagnostics.map((d) => d.code)).toEqual(['hop/listen-backlog-somaxconn']);

    const file = actions.find((a) => a.title === 'Disable nginx/upstream-keepalive-connection-header in this file')!;
    const fileFixed = applyLspEdits(NGINX, file.edit!.changes![uri('nginx.conf')]!);
    expect(fileFixed.startsWith('# hoplint-disable-file nginx/upstream-keepalive-connection-header\nevents {}\n')).toBe(true);
    const afterFile = await client.change(uri('nginx.conf'), 23, fileFixed);
    expect(afterFile.diagnostics.map((d) => d.code)).toEqual(['hop/listen-backlog-somaxconn', 'nginx/proxy-http-version']);
  });

  it('fixes all safe problems of a file as source.fixAll.hoplint', async () => {
    await client.change(uri('nginx.conf'), 30, NGINX);
    const actions = await client.request<LspCodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uri('nginx.conf') },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    expect(actions.map((a) => [a.title, a.kind])).toEqual([['Fix all safe hoplint problems in this file', 'source.fixAll.hoplint']]);
    const fixed = applyLspEdits(NGINX, actions[0]!.edit!.changes![uri('nginx.conf')]!);
    const after = await client.change(uri('nginx.conf'), 31, fixed);
    expect(after.diagnostics.map((d) => d.code)).toEqual(['hop/listen-backlog-somaxconn']);
    await client.change(uri('nginx.conf'), 32, NGINX);
  });

  it('offers no comment suppressions in a JSON file', async () => {
    const published = await client.open(uri('etc/cni/net.d/10-flannel.conflist'), FLANNEL, 'json');
    const diagnostic = published.diagnostics[0];
    expect(diagnostic, JSON.stringify(published)).toBeDefined();
    const actions = await actionsAt('etc/cni/net.d/10-flannel.conflist', diagnostic!);
    expect(actions.filter((a) => a.title.startsWith('Disable'))).toEqual([]);
  });

  it('explains a finding, an nginx directive and a sysctl key on hover', async () => {
    await client.change(uri('nginx.conf'), 40, NGINX);
    const onProxyPass = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri('nginx.conf') }, position: { line: 9, character: 14 } });
    expect(onProxyPass.contents.kind).toBe('markdown');
    expect(onProxyPass.contents.value).toContain('**nginx/proxy-http-version** (warning)');
    expect(onProxyPass.contents.value).toContain('**Why.** nginx speaks HTTP/1.0 to upstreams');
    expect(onProxyPass.contents.value).toContain('**nginx directive `proxy_pass`**');
    expect(onProxyPass.contents.value).toContain('Syntax: `proxy_pass URL;`');

    const onKeepalive = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri('nginx.conf') }, position: { line: 4, character: 10 } });
    expect(onKeepalive.range).toEqual({ start: { line: 4, character: 8 }, end: { line: 4, character: 17 } });
    expect(onKeepalive.contents.value).toContain('Syntax: `keepalive connections;`');
    expect(onKeepalive.contents.value).toContain('Context: `upstream`');

    const onKey = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri('sysctl.conf') }, position: { line: 1, character: 5 } });
    expect(onKey.contents.value).toContain('**sysctl `net.core.somaxconn`**');
    expect(onKey.contents.value).toMatch(/Default: `4096`/);
    expect(onKey.contents.value).toContain('Values: integer');

    const onNothing = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uri('nginx.conf') }, position: { line: 12, character: 0 } });
    expect(onNothing).toBeNull();
  });

  it('keeps working through half-typed text and reports where it breaks', async () => {
    const halfTyped = 'events {}\nhttp {\n    server {\n        listen 80\n        location / { proxy_pa';
    const published = await client.change(uri('nginx.conf'), 50, halfTyped);
    const syntax = published.diagnostics.filter((d) => d.code === 'syntax');
    expect(syntax.length).toBeGreaterThan(0);
    expect(syntax[0]!.range.start.line).toBeGreaterThanOrEqual(3);
    for (const garbage of ['{{{{', '}', '"unterminated', 'http { location', '\u0000\u0001', '']) {
      await client.change(uri('nginx.conf'), 51 + garbage.length, garbage);
      await client.request('textDocument/hover', { textDocument: { uri: uri('nginx.conf') }, position: { line: 0, character: 2 } });
    }
    const healthy = await client.change(uri('nginx.conf'), 90, NGINX);
    expect(healthy.diagnostics.map((d) => d.code)).toContain('nginx/proxy-http-version');
    expect(client.logs.filter((line) => line.includes('failed'))).toEqual([]);
  });

  it('reloads the config when hoplint.config.yaml changes', async () => {
    const without = client.nextDiagnostics(uri('nginx.conf'), (p) => !p.diagnostics.some((d) => d.code === 'nginx/proxy-http-version'));
    await writeFile(join(dir, 'hoplint.config.yaml'), 'environment: {}\nrules:\n  nginx/proxy-http-version: off\n');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('hoplint.config.yaml'), type: 2 }] });
    expect((await without).diagnostics.map((d) => d.code)).not.toContain('nginx/proxy-http-version');

    // Edited in the editor and saved: the server reloads it on didSave (clients without file watching).
    const brokenConfig = 'rules:\n  nginx/proxy-http-version: loud\n';
    await client.notify('textDocument/didOpen', { textDocument: { uri: uri('hoplint.config.yaml'), languageId: 'yaml', version: 1, text: brokenConfig } });
    const broken = client.nextDiagnostics(uri('hoplint.config.yaml'), (p) => p.diagnostics.length > 0);
    await writeFile(join(dir, 'hoplint.config.yaml'), brokenConfig);
    await client.notify('textDocument/didSave', { textDocument: { uri: uri('hoplint.config.yaml') } });
    const configDiagnostics = await broken;
    expect(configDiagnostics.diagnostics).toHaveLength(1);
    expect(configDiagnostics.diagnostics[0]!.range.start.line).toBe(1);

    const restored = client.nextDiagnostics(uri('nginx.conf'), (p) => p.diagnostics.some((d) => d.code === 'nginx/proxy-http-version'));
    const cleared = client.nextDiagnostics(uri('hoplint.config.yaml'), (p) => p.diagnostics.length === 0);
    await writeFile(join(dir, 'hoplint.config.yaml'), 'environment: {}\n');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('hoplint.config.yaml'), type: 2 }] });
    await restored;
    await cleared;
  });

  it('lints a buffer that has no file yet, and clears diagnostics on close', async () => {
    const untitled = 'untitled:Untitled-1';
    const published = await client.open(untitled, 'net.ipv4.tcp_tw_recycle = 1\n', 'sysctl');
    expect(published.diagnostics.map((d) => d.code)).toContain('sysctl/tcp-tw-recycle');
    const cleared = client.nextDiagnostics(untitled, (p) => p.diagnostics.length === 0);
    await client.notify('textDocument/didClose', { textDocument: { uri: untitled } });
    await cleared;
  });

  it('shuts down and exits with 0', async () => {
    expect(await client.stop()).toBe(0);
  });
});

describe('hoplint lsp --stdio with two units', () => {
  it("keeps one unit's declared nginx directives out of another unit's lint", async () => {
    const site = 'events {}\nhttp {\n    server {\n        more_set_headers "X-Served-By: edge";\n    }\n}\n';
    const dir = await writeTree({
      'a/hoplint.config.yaml': 'nginx:\n  directives: [more_set_headers]\n',
      'a/nginx.conf': site,
      'b/hoplint.config.yaml': 'extends: recommended\n',
      'b/nginx.conf': site,
    });
    const { client } = await LspClient.start(dir);
    try {
      const uri = (path: string): string => pathToFileURL(join(dir, path)).href;
      expect(summary(await client.open(uri('a/nginx.conf'), site, 'nginx'))).toEqual([]);
      // a's declaration was read first; b's lint must not see it.
      expect(summary(await client.open(uri('b/nginx.conf'), site, 'nginx'))).toEqual([['nginx/unknown-directive', 3, 8, 3, 24]]);
      expect(await client.stop()).toBe(0);
    } finally {
      client.kill();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
