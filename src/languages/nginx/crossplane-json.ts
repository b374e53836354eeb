import type { NginxConfig } from './ast.js';
import {
  crossplaneArgs,
  crossplaneDecodedArgs,
  crossplaneStatements,
  planCrossplane,
  type CrossplaneOptions,
  type CrossplaneVisitor,
} from './crossplane.js';
import { nameFileOf, nameLineOf } from './directive-node.js';

export interface CrossplaneJsonOptions extends CrossplaneOptions {
  /** Spaces per level, as `JSON.stringify`'s `space` (at most 10); compact when absent or 0. */
  indent?: number;
}

/** Text is handed on in chunks of this many pieces (about 64 KiB of compact text). */
const CHUNK_PARTS = 3072;

/** Escapes every non-ASCII character the way Python's `json.dumps` does (crossplane prints with it). */
function asciiOnly(json: string): string {
  // As many UTF-8 bytes as characters: all ASCII already (a native count, no scan in JS).
  if (Buffer.byteLength(json, 'utf8') === json.length) return json;
  return json.replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Characters a JSON string writes escaped (non-ASCII ones are escaped per chunk). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f]/;

/** The constant text around the values of a directive, for directives at one depth. */
interface Fragments {
  /** Before a statement, after the comma if any. */
  item: string;
  /** Up to the value of the first key: `file` with `--combine`, else `directive`. */
  start: string;
  /** After the value of `file`, up to the value of `directive` (`--combine`). */
  directive: string;
  line: string;
  args: string;
  column: string;
  endLine: string;
  endColumn: string;
  argsDecoded: string;
  includes: string;
  /** Up to and with the `[` of `block`. */
  block: string;
  /** Before the `]` of a block with statements. */
  blockEnd: string;
  /** The closing brace. */
  end: string;
  /** What {@link writeCrossplaneJson}'s `headOf` gives, by directive name. */
  heads: Map<string, string>;
}

/**
 * Prints crossplane's payload for a loaded config: the same text as
 * `JSON.stringify(toCrossplanePayload(config, options), null, indent)` with non-ASCII characters
 * escaped, handed to `write` in pieces, without building the payload's objects. On a large
 * config, keeping them alive until one `JSON.stringify` cost more (allocation and garbage
 * collection) than the parse. Returns the payload's status.
 */
export function writeCrossplaneJson(config: NginxConfig, options: CrossplaneJsonOptions, write: (chunk: string) => void): 'ok' | 'failed' {
  const combine = options.combine === true;
  const positions = options.positions === true;
  const plan = planCrossplane(config, options);
  const statements = crossplaneStatements(plan, options);
  const gap = Math.min(10, Math.max(0, Math.floor(options.indent ?? 0)));
  const colon = gap === 0 ? ':' : ': ';
  const lineBreaks: string[] = [];
  /** What starts a line at `depth` (nothing in compact text). */
  const lineBreak = (depth: number): string => (gap === 0 ? '' : (lineBreaks[depth] ??= `\n${' '.repeat(gap * depth)}`));
  /** `JSON.stringify(value, null, gap)` as it prints nested at `depth`: strings hold no raw line breaks. */
  const nested = (value: unknown, depth: number): string => {
    const json = JSON.stringify(value, null, gap);
    return gap === 0 ? json : json.replaceAll('\n', lineBreak(depth));
  };

  const fragmentsByDepth: Fragments[] = [];
  const fragmentsAt = (depth: number): Fragments => {
    let fragments = fragmentsByDepth[depth];
    if (!fragments) {
      const key = (name: string): string => `,${lineBreak(depth + 1)}"${name}"${colon}`;
      fragments = {
        item: lineBreak(depth),
        start: `{${lineBreak(depth + 1)}"${combine ? 'file' : 'directive'}"${colon}`,
        directive: key('directive'),
        line: key('line'),
        args: key('args'),
        column: key('column'),
        endLine: key('endLine'),
        endColumn: key('endColumn'),
        argsDecoded: key('argsDecoded'),
        includes: key('includes'),
        block: `${key('block')}[`,
        blockEnd: `${lineBreak(depth + 1)}]`,
        end: `${lineBreak(depth)}}`,
        heads: new Map(),
      };
      fragmentsByDepth[depth] = fragments;
    }
    return fragments;
  };
  /** An array nested in a member of an object at `depth`. */
  const array = (values: unknown[], depth: number): string =>
    values.length === 0 ? '[]' : gap === 0 ? JSON.stringify(values) : JSON.stringify(values, null, gap).replaceAll('\n', lineBreak(depth + 1));

  /** An array of strings nested in a member of an object at `depth`. */
  const strings = (values: string[], depth: number): string => {
    if (values.length === 0) return '[]';
    for (const value of values) if (NEEDS_ESCAPE.test(value)) return array(values, depth);
    return gap === 0 ? `["${values.join('","')}"]` : `[${lineBreak(depth + 2)}"${values.join(`",${lineBreak(depth + 2)}"`)}"${lineBreak(depth + 1)}]`;
  };
  /** Pieces of text not yet handed on. */
  const parts: string[] = [];
  const flush = (): void => {
    if (parts.length > 0) write(asciiOnly(parts.join('')));
    parts.length = 0;
  };

  /** Depth of the statements being printed (a file's `parsed` holds depth 4), and whether their array has none yet. */
  let depth = 4;
  let fragments = fragmentsAt(depth);
  let empty = true;
  /** `empty` of each array whose block is open. */
  const enclosing: boolean[] = [];
  const startItem = (): void => {
    parts.push(empty ? fragments.item : `,${fragments.item}`);
    empty = false;
  };
  /**
   * Everything from the comma before a directive to the value of its `line`: the text that
   * repeats for every directive of one name at one depth. The first of an array goes without
   * the comma.
   */
  const headOf = (name: string): string => {
    let head = fragments.heads.get(name);
    if (head === undefined) {
      head = `,${fragments.item}${fragments.start}${JSON.stringify(name)}${fragments.line}`;
      fragments.heads.set(name, head);
    }
    return head;
  };

  const visitor: CrossplaneVisitor = {
    directive(directive, opensBlock) {
      if (combine) {
        startItem();
        parts.push(`${fragments.start}${JSON.stringify(nameFileOf(directive))}${fragments.directive}${JSON.stringify(directive.name)}${fragments.line}`);
      } else {
        const head = headOf(directive.name);
        parts.push(empty ? head.slice(1) : head);
        empty = false;
      }
      let tail = `${nameLineOf(directive)}${fragments.args}${strings(crossplaneArgs(directive), depth)}`;
      if (positions) {
        const span = directive.span;
        tail += `${fragments.column}${directive.nameToken.column}${fragments.endLine}${span.endLine}${fragments.endColumn}${span.endColumn}`;
        tail += fragments.argsDecoded + strings(crossplaneDecodedArgs(directive), depth);
      }
      if (directive.includes && !combine) tail += fragments.includes + array(plan.includeIndexes(directive), depth);
      if (opensBlock) {
        parts.push(tail + fragments.block);
        enclosing.push(empty);
        depth += 2;
        fragments = fragmentsAt(depth);
        empty = true;
      } else {
        parts.push(tail + fragments.end);
        if (parts.length >= CHUNK_PARTS) flush();
      }
    },
    comment(comment, owner) {
      startItem();
      parts.push(nested(statements.comment(comment, owner), depth));
    },
    endBlock() {
      depth -= 2;
      fragments = fragmentsAt(depth);
      parts.push(empty ? ']' : fragments.blockEnd, fragments.end);
      empty = enclosing.pop()!;
    },
  };

  parts.push(`{${lineBreak(1)}"status"${colon}"${plan.status}",${lineBreak(1)}"errors"${colon}${nested(plan.errors, 1)},${lineBreak(1)}"config"${colon}`);
  if (plan.files.length === 0) {
    parts.push('[]');
  } else {
    parts.push('[');
    plan.files.forEach((file, i) => {
      parts.push(`${i === 0 ? '' : ','}${lineBreak(2)}{${lineBreak(3)}"file"${colon}${JSON.stringify(file.file)},${lineBreak(3)}"status"${colon}"${file.status}",`);
      parts.push(`${lineBreak(3)}"errors"${colon}${nested(file.errors, 3)},${lineBreak(3)}"parsed"${colon}[`);
      empty = true;
      plan.walk(file.statements, visitor);
      parts.push(`${empty ? ']' : `${lineBreak(3)}]`}${lineBreak(2)}}`);
    });
    parts.push(`${lineBreak(1)}]`);
  }
  parts.push(`${lineBreak(0)}}`);
  flush();
  return plan.status;
}
