import type { SourceRange } from '../core/source.js';
import type { Finding } from '../core/finding.js';

export type SuppressionKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';

export interface RuleIdToken extends SourceRange {
  id: string;
}

/** A `# hoplint-…` comment. `rules` empty means every rule. */
export interface SuppressionComment extends SourceRange {
  kind: SuppressionKind;
  rules: RuleIdToken[];
  /** The text after ` -- `, why the finding is accepted. */
  reason?: string;
}

export interface SuppressedFinding extends Finding {
  suppression: { kind: SuppressionKind; reason?: string };
}

const DIRECTIVE = /(^|\s)#\s*hoplint-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|$)(.*)$/;
const RULE_ID = /[^\s,]+/g;

const MARKER = 'hoplint-';

/**
 * Finds the suppression comments of a file with `#` comments (nginx, sysctl, YAML).
 * A `hoplint-disable` before any content line is file-wide, as `hoplint-disable-file`.
 * Lines end at LF, CRLF or a lone CR, as everywhere in hoplint (core/source's LineIndex).
 */
export function parseSuppressionComments(file: string, text: string): SuppressionComment[] {
  const comments: SuppressionComment[] = [];
  let seenContent = false;
  // Only a line holding the marker can be a comment. The other lines are read only while no
  // content line has been seen yet, so a large file is mostly skipped over by `indexOf`.
  let marker = text.indexOf(MARKER);
  let line = 1;
  let start = 0;
  while (marker >= 0) {
    let end = start;
    while (end < text.length) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    if (marker < end) {
      const comment = commentOn(text.slice(start, end), line, seenContent, file);
      if (comment.seenContent) seenContent = true;
      if (comment.comment) comments.push(comment.comment);
      marker = text.indexOf(MARKER, end);
    } else if (!seenContent && isContentLine(text.slice(start, end))) {
      seenContent = true;
    }
    if (end >= text.length) break;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
    line++;
  }
  return comments;
}

function isContentLine(lineText: string): boolean {
  const trimmed = lineText.trim();
  return trimmed !== '' && !trimmed.startsWith('#') && !trimmed.startsWith(';');
}

/** The comment on one line, if any, and whether the line is content (so later disables are not file-wide). */
function commentOn(lineText: string, line: number, seenContent: boolean, file: string): { comment?: SuppressionComment; seenContent: boolean } {
  const match = DIRECTIVE.exec(lineText);
  if (!match) return { seenContent: isContentLine(lineText) };
  const hashColumn = match.index + match[1]!.length + 1;
  const beforeHash = lineText.slice(0, hashColumn - 1).trim();
  let kind = match[2] as SuppressionKind;
  if (kind === 'disable' && !seenContent && beforeHash === '') kind = 'disable-file';
  const rest = match[3]!;
  const separator = rest.search(/(^|\s)--(\s|$)/);
  const idsText = separator < 0 ? rest : rest.slice(0, separator);
  const reason = separator < 0 ? undefined : rest.slice(separator).replace(/^\s*--\s*/, '').trim() || undefined;
  const restColumn = lineText.length - rest.length + 1;
  const rules: RuleIdToken[] = [];
  for (const id of idsText.matchAll(RULE_ID)) {
    const column = restColumn + id.index;
    rules.push({ id: id[0], file, line, column, endLine: line, endColumn: column + id[0].length });
  }
  return {
    comment: { kind, rules, reason, file, line, column: hashColumn, endLine: line, endColumn: lineText.trimEnd().length + 1 },
    seenContent: beforeHash !== '',
  };
}

interface Scope {
  comment: SuppressionComment;
  /** A rule id, or `*` for every rule. */
  rule: string;
  fromLine: number;
  toLine: number;
}

function scopesOf(comments: readonly SuppressionComment[]): { scopes: Scope[]; strayEnables: Array<{ comment: SuppressionComment; token?: RuleIdToken }> } {
  const scopes: Scope[] = [];
  const strayEnables: Array<{ comment: SuppressionComment; token?: RuleIdToken }> = [];
  const open = new Map<string, { comment: SuppressionComment; fromLine: number }>();
  const ids = (comment: SuppressionComment): string[] => (comment.rules.length === 0 ? ['*'] : comment.rules.map((token) => token.id));
  for (const comment of comments) {
    switch (comment.kind) {
      case 'disable-file':
        for (const rule of ids(comment)) scopes.push({ comment, rule, fromLine: 0, toLine: Infinity });
        break;
      case 'disable-line':
        for (const rule of ids(comment)) scopes.push({ comment, rule, fromLine: comment.line, toLine: comment.line });
        break;
      case 'disable-next-line':
        for (const rule of ids(comment)) scopes.push({ comment, rule, fromLine: comment.line + 1, toLine: comment.line + 1 });
        break;
      case 'disable':
        for (const rule of ids(comment)) if (!open.has(rule)) open.set(rule, { comment, fromLine: comment.line });
        break;
      case 'enable': {
        const closing = comment.rules.length === 0 ? [...open.keys()] : comment.rules.map((token) => token.id);
        if (comment.rules.length === 0 && closing.length === 0) strayEnables.push({ comment });
        for (const rule of closing) {
          const started = open.get(rule);
          if (!started) {
            strayEnables.push({ comment, token: comment.rules.find((token) => token.id === rule) });
            continue;
          }
          scopes.push({ comment: started.comment, rule, fromLine: started.fromLine, toLine: comment.line });
          open.delete(rule);
        }
        break;
      }
    }
  }
  for (const [rule, started] of open) scopes.push({ comment: started.comment, rule, fromLine: started.fromLine, toLine: Infinity });
  return { scopes, strayEnables };
}

export interface UnusedSuppression extends SourceRange {
  message: string;
}

export interface SuppressionResult {
  kept: Finding[];
  suppressed: SuppressedFinding[];
  /** Comments (or rule ids in them) that suppressed nothing or name no known rule. */
  unused: UnusedSuppression[];
}

const LABEL: Record<SuppressionKind, string> = {
  disable: 'hoplint-disable',
  enable: 'hoplint-enable',
  'disable-line': 'hoplint-disable-line',
  'disable-next-line': 'hoplint-disable-next-line',
  'disable-file': 'hoplint-disable-file',
};

/**
 * Drops the findings that a comment in their file covers (by the finding's first line) and
 * works out which comments were of no use.
 */
export function applySuppressions(
  findings: readonly Finding[],
  commentsByFile: ReadonlyMap<string, SuppressionComment[]>,
  isKnownRule: (id: string) => boolean,
  suggestRule: (id: string) => string,
): SuppressionResult {
  const scopesByFile = new Map<string, Scope[]>();
  const unused: UnusedSuppression[] = [];
  for (const [file, comments] of commentsByFile) {
    const { scopes, strayEnables } = scopesOf(comments);
    scopesByFile.set(file, scopes);
    for (const { comment, token } of strayEnables) {
      const what = token ? ` for "${token.id}"` : '';
      unused.push({ ...(token ?? comment), message: `unused ${LABEL.enable}${what}: no hoplint-disable is open here` });
    }
  }

  const used = new Set<Scope>();
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    const scope = scopesByFile
      .get(finding.file)
      ?.find((candidate) => (candidate.rule === '*' || candidate.rule === finding.ruleId) && finding.line >= candidate.fromLine && finding.line <= candidate.toLine);
    if (!scope) {
      kept.push(finding);
      continue;
    }
    used.add(scope);
    suppressed.push({ ...finding, suppression: { kind: scope.comment.kind, reason: scope.comment.reason } });
  }

  for (const comments of commentsByFile.values()) {
    for (const comment of comments) {
      if (comment.kind === 'enable') continue;
      const scopes = scopesByFile.get(comment.file)!.filter((scope) => scope.comment === comment);
      const label = LABEL[comment.kind];
      if (comment.rules.length === 0) {
        if (!scopes.some((scope) => used.has(scope))) unused.push({ ...comment, message: `unused ${label}: no finding to suppress` });
        continue;
      }
      for (const token of comment.rules) {
        if (!isKnownRule(token.id)) {
          unused.push({ ...token, message: `${label} names unknown rule "${token.id}"${suggestRule(token.id)}` });
        } else if (!scopes.some((scope) => scope.rule === token.id && used.has(scope))) {
          unused.push({ ...token, message: `unused ${label} for "${token.id}": no finding to suppress` });
        }
      }
    }
  }
  return { kept, suppressed, unused };
}
