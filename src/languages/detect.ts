import type { LanguageId } from '../model/workspace.js';

/**
 * Which language a file is, from its path and, when the path is ambiguous, its content.
 * A `strong` path match (`nginx.conf`, `sysctl.d/*.conf`, `*.conflist`, `cluster.yml`) decides
 * alone; a `hint` (`conf.d/`, `sites-enabled/`, a bare `.conf`) yields to clear content.
 */
export interface PathMatch {
  language: LanguageId;
  strength: 'strong' | 'hint';
}

const NGINX_DIRS = new Set(['nginx', 'tengine', 'openresty', 'conf.d', 'sites-available', 'sites-enabled', 'http.d', 'stream.d', 'streams-available', 'streams-enabled', 'vhosts.d', 'snippets']);
/** Directories whose `.conf` files are nginx's wherever they sit below (`/etc/nginx/…`). */
const NGINX_HOME_DIRS = new Set(['nginx', 'tengine', 'openresty']);
const NGINX_INCLUDE_ONLY = new Set(['mime.types', 'fastcgi_params', 'fastcgi.conf', 'scgi_params', 'uwsgi_params', 'proxy_params', 'koi-utf', 'koi-win', 'win-utf']);
const SYSCTL_DIRS = new Set(['sysctl.d']);
const CONTENT_EXTENSIONS = new Set(['.conf', '.yaml', '.yml', '.json', '.conflist']);

interface PathParts {
  dirs: string[];
  base: string;
  ext: string;
}

/** The last path split: discovery asks about each file's path several times in a row. */
let lastSplit: { path: string; parts: PathParts } | undefined;

function splitPath(path: string): PathParts {
  if (lastSplit?.path === path) return lastSplit.parts;
  const dirs: string[] = [];
  for (const segment of (path.includes('\\') ? path.replace(/\\/g, '/') : path).toLowerCase().split('/')) {
    if (segment !== '' && segment !== '.') dirs.push(segment);
  }
  const base = dirs.pop() ?? '';
  const dot = base.lastIndexOf('.');
  const parts: PathParts = { dirs, base, ext: dot > 0 ? base.slice(dot) : '' };
  lastSplit = { path, parts };
  return parts;
}

export function classifyByPath(path: string): PathMatch | undefined {
  const { dirs, base, ext } = splitPath(path);
  const parent = dirs[dirs.length - 1] ?? '';

  if (base === 'sysctl.conf' || ext === '.sysctl') return { language: 'sysctl', strength: 'strong' };
  if (SYSCTL_DIRS.has(parent) && ext === '.conf') return { language: 'sysctl', strength: 'strong' };

  if (ext === '.conflist' || base === 'net-conf.json') return { language: 'network', strength: 'strong' };
  if ((base === 'cluster.yml' || base === 'cluster.yaml') && !dirs.includes('templates')) return { language: 'network', strength: 'strong' };
  if ((parent === 'rke2' || parent === 'k3s') && (base === 'config.yaml' || base === 'config.yml')) return { language: 'network', strength: 'strong' };
  if (parent === 'net.d' && (ext === '.conf' || ext === '.json')) return { language: 'network', strength: 'strong' };

  if (base === 'nginx.conf' || base === 'tengine.conf' || ext === '.nginx' || ext === '.nginxconf') return { language: 'nginx', strength: 'strong' };
  if (NGINX_INCLUDE_ONLY.has(base) && dirs.some((dir) => NGINX_DIRS.has(dir))) return { language: 'nginx', strength: 'strong' };
  if (NGINX_DIRS.has(parent) && (ext === '' || ext === '.conf' || ext === '.vhost')) return { language: 'nginx', strength: 'hint' };
  if (ext === '.conf' && dirs.some((dir) => NGINX_HOME_DIRS.has(dir))) return { language: 'nginx', strength: 'hint' };
  return undefined;
}

/** Whether a file that the path does not settle is worth reading to look at its content. */
export function isContentCandidate(path: string): boolean {
  const { ext, base } = splitPath(path);
  if (base === 'hoplint.config.yaml' || base === 'hoplint.config.yml' || base === 'hoplint.config.json') return false;
  return CONTENT_EXTENSIONS.has(ext);
}

const SYSCTL_LINE = /^\s*-?\s*(?:net|kernel|vm|fs|dev|abi|user|debug|crypto|sunrpc)[./][\w.\-/*]+\s*=/;
const KEY_VALUE_LINE = /^\s*-?\s*[\w][\w.\-/*]*\s*=\s*\S?/;
const NGINX_LINE = /(?:;\s*(?:#.*)?$|\{\s*(?:#.*)?$|^\s*\}\s*$)/;
const INI_SECTION = /^\s*\[[^\]]+\]\s*$/;

function significantLines(text: string, commentPrefixes: RegExp): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '' && !commentPrefixes.test(line)).slice(0, 200);
}

/** Content of a `.conf` or an extension-less file: sysctl `key = value` lines or nginx directives. */
function sniffConf(text: string): LanguageId | undefined {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) return sniffJson(text);
  const lines = significantLines(text, /^\s*[#;]/);
  if (lines.length === 0) return undefined;
  if (lines.some((line) => INI_SECTION.test(line))) return undefined;
  const sysctl = lines.filter((line) => SYSCTL_LINE.test(line)).length;
  const keyValue = lines.filter((line) => KEY_VALUE_LINE.test(line) && !NGINX_LINE.test(line)).length;
  const nginx = lines.filter((line) => NGINX_LINE.test(line)).length;
  if (sysctl > 0 && keyValue >= lines.length * 0.6) return 'sysctl';
  if (nginx > 0 && nginx >= lines.length * 0.5) return 'nginx';
  return undefined;
}

function sniffJson(text: string): LanguageId | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Broken JSON still tells its kind by its keys; the parse step reports the syntax error.
    if (/"cniVersion"\s*:|"plugins"\s*:\s*\[/.test(text)) return 'network';
    if (/"apiVersion"\s*:/.test(text) && /"kind"\s*:/.test(text)) return 'kubernetes';
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const keys = new Set(Object.keys(value));
  if (keys.has('cniVersion') || (keys.has('type') && keys.has('plugins')) || keys.has('Backend')) return 'network';
  if (keys.has('apiVersion') && keys.has('kind')) return 'kubernetes';
  return undefined;
}

const YAML_API_VERSION = /^\s*(?:-\s+)?apiVersion\s*:/m;
const YAML_KIND = /^\s*(?:-\s+)?kind\s*:/m;
const RKE_CLUSTER = /^network\s*:\s*$[\s\S]*^\s+plugin\s*:/m;
const RKE2_CONFIG = /^(?:cni|flannel-backend|cluster-cidr|service-cidr|flannel-iface)\s*:/m;

function sniffYaml(text: string, dirs: string[]): LanguageId | undefined {
  // Helm and other templates are not YAML until rendered.
  if (dirs.includes('templates') && text.includes('{{')) return undefined;
  if (YAML_API_VERSION.test(text) && YAML_KIND.test(text)) return 'kubernetes';
  if (RKE_CLUSTER.test(text) || (/^nodes\s*:/m.test(text) && /^\s+role\s*:/m.test(text))) return 'network';
  if (RKE2_CONFIG.test(text)) return 'network';
  // A Docker stack file (`docker stack deploy`): read with the manifests, as NAT evidence.
  if (/^services\s*:/m.test(text) && /^\s+deploy\s*:/m.test(text)) return 'kubernetes';
  return undefined;
}

export function classifyByContent(path: string, text: string): LanguageId | undefined {
  const { dirs, ext } = splitPath(path);
  if (ext === '.yaml' || ext === '.yml') return sniffYaml(text, dirs);
  if (ext === '.json') return sniffJson(text);
  return sniffConf(text);
}

/** Path first; content when the path only hints or says nothing; the hint when content is silent. */
export function classify(path: string, text: string | undefined): LanguageId | undefined {
  const byPath = classifyByPath(path);
  if (byPath?.strength === 'strong') return byPath.language;
  const byContent = text === undefined ? undefined : classifyByContent(path, text);
  return byContent ?? byPath?.language;
}

/** Files nginx reads only through `include`: parsed in the includer's context, never as a `main` root. */
export function isNginxIncludeOnlyName(path: string): boolean {
  return NGINX_INCLUDE_ONLY.has(splitPath(path).base);
}
