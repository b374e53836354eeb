// Reduces hoplint's view of a config to the same shape as nginx's answer: a verdict plus the
// file, line and message of the first problem nginx would have stopped at.
import { sep } from 'node:path';
import type { NginxConfig, NginxParseError, NginxStatement } from '../../src/languages/nginx/ast.js';
import type { NginxOutcome } from './oracle.mjs';
import { pathInCase } from './oracle.mjs';

/** A stretch of one file that nginx reads without leaving it for an include. */
interface ReadingSegment {
  file: string;
  from: number;
  to: number;
}

interface ReadingOrder {
  segments: ReadingSegment[];
  /**
   * nginx checks a directive only once it has read its `;` or `{`, so a directive-level error
   * on any of its tokens is met at that offset; keyed by `file` NUL token start.
   */
  detectedAt: Map<string, number>;
  /** Keys of directive names: block/terminator mismatches are reported on the name. */
  names: Set<string>;
}

/** Tokenizer errors are met where they occur; every other kind when the directive is complete. */
function isTokenizerError(error: NginxParseError, names: Set<string>): boolean {
  return (error.code === 'syntax' || error.code === 'limit') && !names.has(tokenKey(error.file, error.start));
}

const tokenKey = (file: string, start: number): string => `${file}\0${start}`;

/**
 * The order nginx reads text in: the root from its start, and at each `include` the included
 * files (in their resolved order) before the rest of the including file.
 */
export function readingOrder(config: NginxConfig): ReadingOrder {
  const segments: ReadingSegment[] = [];
  const detectedAt = new Map<string, number>();
  const names = new Set<string>();
  const reading = new Set<string>();

  const readFile = (file: string): void => {
    const parsed = config.files.get(file);
    if (!parsed || reading.has(file)) return;
    reading.add(file);
    let cursor = 0;
    const visit = (statements: NginxStatement[]): void => {
      for (const statement of statements) {
        if (statement.type !== 'directive') continue;
        const checkedAt = statement.terminator?.start ?? statement.blockOpen?.start ?? statement.span.end;
        for (const token of [statement.nameToken, ...statement.args]) detectedAt.set(tokenKey(file, token.start), checkedAt);
        names.add(tokenKey(file, statement.nameToken.start));
        if (statement.name === 'include' && statement.includes) {
          segments.push({ file, from: cursor, to: statement.span.end });
          cursor = statement.span.end;
          for (const included of statement.includes) readFile(included);
        }
        if (statement.block) visit(statement.block);
      }
    };
    visit(parsed.statements);
    segments.push({ file, from: cursor, to: Number.POSITIVE_INFINITY });
    reading.delete(file);
  };

  readFile(config.root);
  return { segments, detectedAt, names };
}

function segmentIndex(segments: ReadingSegment[], error: NginxParseError): number {
  const index = segments.findIndex((s) => s.file === error.file && s.from <= error.start && error.start < s.to);
  return index === -1 ? Number.POSITIVE_INFINITY : index;
}

/** hoplint's errors sorted the way nginx would meet them while reading. */
export function errorsInReadingOrder(config: NginxConfig): NginxParseError[] {
  const { segments, detectedAt, names } = readingOrder(config);
  return config.errors
    .map((error, position) => ({
      error,
      position,
      segment: segmentIndex(segments, error),
      offset: isTokenizerError(error, names) ? error.start : (detectedAt.get(tokenKey(error.file, error.start)) ?? error.start),
    }))
    .sort((a, b) => a.segment - b.segment || a.offset - b.offset || a.position - b.position)
    .map(({ error }) => error);
}

/** The line nginx prints for an error: the terminator's line for a multi-line directive. */
export function nginxLine(error: NginxParseError): number {
  return error.reportedLine ?? error.line;
}

export function hoplintOutcome(config: NginxConfig, prefix: string): NginxOutcome {
  const [first] = errorsInReadingOrder(config);
  if (!first) return { verdict: 'ok', file: null, line: null, message: null };
  // nginx's messages are recorded with the scratch prefix removed; hoplint's get the same treatment.
  const message = first.message.split(`${prefix}${sep}`).join('');
  return { verdict: 'failed', file: pathInCase(prefix, first.file), line: nginxLine(first), message };
}
