import type { ContentProbe, LanguageDetection, PathParts } from '../language.js';

const SYSCTL_LINE = /^\s*-?\s*(?:net|kernel|vm|fs|dev|abi|user|debug|crypto|sunrpc)[./][\w.\-/*]+\s*=/;
const KEY_VALUE_LINE = /^\s*-?\s*[\w][\w.\-/*]*\s*=\s*\S?/;
/** A line that ends like an nginx statement or block is not a `key = value` line, whatever `=` it holds. */
const NGINX_LINE = /(?:;\s*(?:#.*)?$|\{\s*(?:#.*)?$|^\s*\}\s*$)/;
const INI_SECTION = /^\s*\[[^\]]+\]\s*$/;

/** Content of a `.conf` or an extension-less file: kernel keys in `key = value` lines. */
function sysctlContent(probe: ContentProbe): boolean {
  if (probe.format !== 'conf') return false;
  const lines = probe.significantLines();
  if (lines.length === 0 || lines.some((line) => INI_SECTION.test(line))) return false;
  const sysctl = lines.filter((line) => SYSCTL_LINE.test(line)).length;
  const keyValue = lines.filter((line) => KEY_VALUE_LINE.test(line) && !NGINX_LINE.test(line)).length;
  return sysctl > 0 && keyValue >= lines.length * 0.6;
}

export const sysctlDetection: LanguageDetection = {
  pathPrecedence: 1,
  contentExtensions: ['.conf'],
  byPath({ dirs, base, ext }: PathParts) {
    const parent = dirs[dirs.length - 1] ?? '';
    if (base === 'sysctl.conf' || ext === '.sysctl') return 'strong';
    if (parent === 'sysctl.d' && ext === '.conf') return 'strong';
    return undefined;
  },
  byContent: (_parts, probe) => (sysctlContent(probe) ? 1 : undefined),
};
