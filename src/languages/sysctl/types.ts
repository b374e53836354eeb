import type { Span } from '../../core/source.js';
import type { SyntaxIssue } from '../../core/syntax.js';

/**
 * One `key = value` line (or a `-key` exclusion) of a sysctl.conf / sysctl.d file, as procps
 * `sysctl -p`/`--system` and systemd-sysctl read it.
 */
export interface SysctlAssignment {
  /** Dotted kernel form: `net.ipv4.conf.eth0/100.rp_filter` (a VLAN's dot becomes `/`). */
  key: string;
  /** The key exactly as written, without a leading `-`. */
  rawKey: string;
  /** Value with surrounding whitespace trimmed; `undefined` for a `-key` exclusion line. */
  value: string | undefined;
  /** `-key = value`: a failure to set the key is ignored. */
  ignoreFailure: boolean;
  /** `-key` alone: keys matching it are excluded from glob assignments. */
  exclude: boolean;
  /** The key contains `*`, `?` or `[` (procps' glob characters). */
  isGlob: boolean;
  keySpan: Span;
  /** For an exclusion line, an empty span just after the key. */
  valueSpan: Span;
  /** The whole line without its terminator. */
  lineSpan: Span;
  /** A ` # …` or ` ; …` after the value: not a comment, the kernel receives it. */
  inlineComment?: { text: string; span: Span };
}

export interface SysctlComment {
  /** The comment's text including its `#` or `;`. */
  text: string;
  span: Span;
}

export interface SysctlFile {
  file: string;
  text: string;
  assignments: SysctlAssignment[];
  comments: SysctlComment[];
  issues: SyntaxIssue[];
}
