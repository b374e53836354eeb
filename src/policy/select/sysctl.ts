import type { SourceRange } from '../../core/source.js';
import { at } from '../../engine/rule.js';
import { normaliseKey, parseKernelInteger, type SysctlAssignment } from '../../languages/sysctl/index.js';
import type { Workspace } from '../../link/workspace.js';
import type { Match } from '../types.js';

/** What a policy sees of a sysctl value. */
export interface SysctlView {
  /** Dotted kernel form of the key, e.g. `net.core.somaxconn`. */
  key: string;
  /** A number when the value is one integer (`4096`, `0x10`), otherwise the text (`4096 87380 6291456`). */
  value: number | string;
  /** The value exactly as written. */
  raw: string;
  /** The whitespace-separated fields, numbers where they are integers. */
  values: Array<number | string>;
  /** As displayed in reports. */
  file: string;
  /** Set by a glob assignment (`net.ipv4.conf.*.rp_filter = 1`) rather than by name. */
  viaGlob: boolean;
}

/**
 * A glob over dotted keys: `*` and `?` stay inside one component (like sysctl's own globs),
 * `**` crosses components, `[…]` is a character class. Slash-form keys are accepted.
 */
export function sysctlKeyMatcher(patterns: readonly string[]): (key: string) => boolean {
  const regexps = patterns.map((pattern) => {
    const dotted = normaliseKey(pattern);
    let source = '';
    for (let i = 0; i < dotted.length; i++) {
      const c = dotted[i]!;
      if (c === '*' && dotted[i + 1] === '*') {
        source += '.*';
        i++;
      } else if (c === '*') source += '[^.]*';
      else if (c === '?') source += '[^.]';
      else if (c === '[' && dotted.indexOf(']', i + 2) > 0) {
        const close = dotted.indexOf(']', i + 2);
        const body = dotted.slice(i + 1, close);
        const negated = body.startsWith('!') || body.startsWith('^');
        source += `[${negated ? '^' : ''}${(negated ? body.slice(1) : body).replace(/[\\\]^]/g, '\\$&')}]`;
        i = close;
      } else source += c.replace(/[.+^${}()|\\[\]]/g, '\\$&');
    }
    return new RegExp(`^${source}$`);
  });
  return (key) => regexps.some((regexp) => regexp.test(key));
}

function typed(token: string): number | string {
  return parseKernelInteger(token) ?? token;
}

function matchOf(key: string, assignment: SysctlAssignment, value: string, displayPath: (file: string) => string): Match {
  const fields = value.split(/[ \t]+/).filter(Boolean);
  const view: SysctlView = {
    key,
    value: fields.length === 1 ? typed(fields[0]!) : value,
    raw: value,
    values: fields.map(typed),
    file: displayPath(assignment.valueSpan.file),
    viaGlob: assignment.isGlob,
  };
  const anchor: SourceRange = at(assignment.valueSpan.end > assignment.valueSpan.start ? assignment.valueSpan : assignment.keySpan);
  return {
    view,
    file: assignment.keySpan.file,
    anchor,
    locate: (path) => (path[0] === 'key' ? at(assignment.keySpan) : anchor),
    findChildren: () => [],
    context: {},
    path: key,
  };
}

/**
 * Effective values (what the kernel ends up with after `sysctl --system`, at the assignment that
 * wins) or, with `effective: false`, every assignment as written.
 */
export function selectSysctl(workspace: Workspace, patterns: readonly string[], effective: boolean, displayPath: (file: string) => string): Match[] {
  const matches = sysctlKeyMatcher(patterns);
  if (effective) {
    return workspace.sysctl.effective
      .keys()
      .filter(matches)
      .flatMap((key) => {
        const value = workspace.sysctl.effective.get(key);
        return value ? [matchOf(key, value.assignment, value.value, displayPath)] : [];
      });
  }
  return workspace.sysctl.files.flatMap((file) =>
    file.assignments.filter((assignment) => !assignment.exclude && assignment.value !== undefined && matches(assignment.key)).map((assignment) => matchOf(assignment.key, assignment, assignment.value!, displayPath)),
  );
}
