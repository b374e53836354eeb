// Starts `hoplint lsp --stdio` for nginx, sysctl, CNI and Kubernetes files and stops it on deactivate.
// VS Code loads extensions with require(), so this file is CommonJS.
/* eslint-disable @typescript-eslint/no-require-imports */
/* global require, module */
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

/** The hoplint to run: the setting, the workspace's own install, or `hoplint` on PATH. */
function serverCommand() {
  const configured = vscode.workspace.getConfiguration('hoplint').get('path');
  if (configured) return configured.endsWith('.js') ? { command: process.execPath, args: [configured] } : { command: configured, args: [] };
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const local = join(folder.uri.fsPath, 'node_modules', 'hoplint', 'bin', 'hoplint.js');
    if (existsSync(local)) return { command: process.execPath, args: [local] };
  }
  return { command: 'hoplint', args: [] };
}

function activate(context) {
  const { command, args } = serverCommand();
  const executable = { command, args: [...args, 'lsp', '--stdio'], transport: TransportKind.stdio };
  const documentSelector = [
    { scheme: 'file', language: 'nginx' },
    { scheme: 'file', language: 'sysctl' },
    { scheme: 'file', pattern: '**/*.conf' },
    { scheme: 'file', pattern: '**/*.conflist' },
    { scheme: 'file', language: 'yaml' },
    { scheme: 'file', pattern: '**/net-conf.json' },
    { scheme: 'untitled', language: 'nginx' },
    { scheme: 'untitled', language: 'sysctl' },
  ];
  client = new LanguageClient(
    'hoplint',
    'hoplint',
    { run: executable, debug: executable },
    {
      documentSelector,
      initializationOptions: { debounceMs: vscode.workspace.getConfiguration('hoplint').get('debounceMs') },
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{hoplint.config.{yaml,yml,json},*.conf,*.conflist,*.yaml,*.yml}') },
    },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
