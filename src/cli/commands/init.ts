import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { CONFIG_FILE_NAMES } from '../../core/config-files.js';
import { UsageError } from '../../core/errors.js';
import { parseFlags } from '../args.js';
import type { CliIO } from '../io.js';

export const STARTER_CONFIG = `# hoplint configuration. Every key is optional; \`hoplint rules\` lists the rules.
# yaml-language-server: $schema=./node_modules/hoplint/schemas/hoplint.config.schema.json

# recommended: every rule at its default severity. strict: warnings become errors.
extends: recommended

# Facts about your deployment that no config file states. Rules that need one stay
# silent about it until it is set here.
environment:
  # Idle timeout of the load balancer in front of nginx, in seconds (AWS ELB: 60).
  # nginx's keepalive_timeout must exceed it, or the LB reuses connections nginx closed.
  # lbIdleTimeoutSeconds: 60
  # MTU of the hosts' network; the overlay (VXLAN: 50 bytes) must fit inside it.
  # underlayMtu: 1500
  # Kernel the sysctl files are applied on (tcp_tw_recycle is gone since 4.12).
  # kernelVersion: "5.10"
  # Clients arrive through SNAT/NAT (an SLB/F5 with SNAT, a routing mesh, a NAT gateway).
  # clientsBehindSnat: true
  # kube-apiserver --service-node-port-range.
  # nodePortRange: "30000-32767"

# Per-rule settings: off | error | warning | info | [severity, { options }].
rules:
  # nginx/unknown-directive: error

# Files to read as a language whatever their name says (globs relative to this file).
# files:
#   nginx: ["deploy/proxy/*.tmpl"]
#   sysctl: ["hosts/*/tuning.txt"]

# Paths never linted (node_modules, .git and .gitignored paths are skipped anyway).
# ignores: ["vendor/**"]

# Directives of third-party nginx modules your build has.
# nginx:
#   directives:
#     - more_set_headers
#     - { name: vhost_traffic_status_zone, contexts: [http], args: any }
`;

/** `hoplint init [--force]`: writes STARTER_CONFIG as ./hoplint.config.yaml. */
export async function initCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseFlags({ args: argv, options: { force: { type: 'boolean' } } as const });
  const existing = CONFIG_FILE_NAMES.map((name) => join(io.cwd, name)).find((path) => existsSync(path));
  if (existing && !values.force) throw new UsageError(`${relative(io.cwd, existing)} already exists; pass --force to overwrite it`);
  const target = existing && existing.endsWith('.yaml') ? existing : join(io.cwd, 'hoplint.config.yaml');
  await writeFile(target, STARTER_CONFIG);
  io.stdout.write(`Wrote ${relative(io.cwd, target)}\n`);
  return 0;
}
