import type { ContentProbe, LanguageDetection, PathParts } from '../language.js';

const NGINX_DIRS = new Set(['nginx', 'tengine', 'openresty', 'conf.d', 'sites-available', 'sites-enabled', 'http.d', 'stream.d', 'streams-available', 'streams-enabled', 'vhosts.d', 'snippets']);
/** Directories whose `.conf` files are nginx's wherever they sit below (`/etc/nginx/…`). */
const NGINX_HOME_DIRS = new Set(['nginx', 'tengine', 'openresty']);
const NGINX_INCLUDE_ONLY = new Set(['mime.types', 'fastcgi_params', 'fastcgi.conf', 'scgi_params', 'uwsgi_params', 'proxy_params', 'koi-utf', 'koi-win', 'win-utf']);

const NGINX_LINE = /(?:;\s*(?:#.*)?$|\{\s*(?:#.*)?$|^\s*\}\s*$)/;
const INI_SECTION = /^\s*\[[^\]]+\]\s*$/;

/** Files nginx reads only through `include`: parsed in the includer's context, never as a `main` root. */
export function isNginxIncludeOnlyName(path: string): boolean {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
  return NGINX_INCLUDE_ONLY.has(base);
}

/** Content of a `.conf` or an extension-less file: mostly lines that end like nginx statements. */
function nginxContent(probe: ContentProbe): boolean {
  if (probe.format !== 'conf') return false;
  const lines = probe.significantLines();
  if (lines.length === 0 || lines.some((line) => INI_SECTION.test(line))) return false;
  const nginx = lines.filter((line) => NGINX_LINE.test(line)).length;
  return nginx > 0 && nginx >= lines.length * 0.5;
}

export const nginxDetection: LanguageDetection = {
  pathPrecedence: 3,
  contentExtensions: ['.conf'],
  byPath({ dirs, base, ext }: PathParts) {
    const parent = dirs[dirs.length - 1] ?? '';
    if (base === 'nginx.conf' || base === 'tengine.conf' || ext === '.nginx' || ext === '.nginxconf') return 'strong';
    if (NGINX_INCLUDE_ONLY.has(base) && dirs.some((dir) => NGINX_DIRS.has(dir))) return 'strong';
    if (NGINX_DIRS.has(parent) && (ext === '' || ext === '.conf' || ext === '.vhost')) return 'hint';
    if (ext === '.conf' && dirs.some((dir) => NGINX_HOME_DIRS.has(dir))) return 'hint';
    return undefined;
  },
  byContent: (_parts, probe) => (nginxContent(probe) ? 1 : undefined),
};
