import type { NginxComment, NginxConfig, NginxDirective, NginxParseError, NginxStatement, NginxToken } from './ast.js';
import { argCountOf, argQuoteOf, argRawOf, argValueOf, isTerminated, nameFileOf, nameLineOf, nameStartOf, spanEndOf } from './directive-node.js';

/**
 * The JSON payload of `crossplane parse` (nginxinc/crossplane 0.5.x), key for key, built from
 * hoplint's nginx-faithful parse. Where crossplane's own lexer differs from nginx (see the
 * corpus README) the payload follows nginx; the rest, including crossplane's quirks in how it
 * prints arguments and comments, is reproduced so existing consumers keep working.
 */
export interface CrossplaneOptions {
  /** One config entry with every include spliced in place (`--combine`). */
  combine?: boolean;
  /** Comments as `#` statements (`--include-comments`). */
  includeComments?: boolean;
  /** Unknown directives are errors (`--strict`). */
  strict?: boolean;
  /** hoplint's extension: `column`, `endLine`, `endColumn` and nginx-decoded `argsDecoded`. */
  positions?: boolean;
}

export interface CrossplaneStatement {
  file?: string;
  directive: string;
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  args: string[];
  argsDecoded?: string[];
  includes?: number[];
  block?: CrossplaneStatement[];
  comment?: string;
}

export interface CrossplaneFileError {
  error: string;
  line: number;
}

export interface CrossplanePayloadError extends CrossplaneFileError {
  file: string;
}

export interface CrossplaneFile {
  file: string;
  status: 'ok' | 'failed';
  errors: CrossplaneFileError[];
  parsed: CrossplaneStatement[];
}

export interface CrossplanePayload {
  status: 'ok' | 'failed';
  errors: CrossplanePayloadError[];
  config: CrossplaneFile[];
}

const BACKSLASH = 92;

/** crossplane prints a quoted argument without its quotes, unescaping only the quote itself. */
export function crossplaneArg(token: NginxToken): string {
  return crossplaneArgText(token.raw, token.quote);
}

function crossplaneArgText(raw: string, quote: '"' | "'" | null): string {
  if (quote === null) return raw;
  const closed = raw.length >= 2 && raw.endsWith(quote);
  const inner = raw.slice(1, closed ? -1 : undefined);
  if (!inner.includes('\\')) return inner;
  let out = '';
  for (let i = 0; i < inner.length; i++) {
    if (inner.charCodeAt(i) === BACKSLASH && i + 1 < inner.length) {
      out += inner[i + 1] === quote ? quote : inner.slice(i, i + 2);
      i++;
    } else {
      out += inner[i];
    }
  }
  return out;
}

/**
 * crossplane reads `\` plus the next character as one unit, even inside comments, so a comment
 * ending in an unpaired backslash loses it (the pair swallows the newline).
 */
export function crossplaneComment(text: string): string {
  let trailingBackslash = false;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === BACKSLASH) {
      if (i + 1 < text.length) i++;
      else trailingBackslash = true;
    }
  }
  return trailingBackslash ? text.slice(0, -1) : text;
}

/** crossplane's `_prepare_if_args`: strips the parentheses around an `if` condition. */
function prepareIfArgs(args: string[]): string[] {
  if (args.length === 0 || !args[0]!.startsWith('(') || !args[args.length - 1]!.endsWith(')')) return args;
  const out = [...args];
  out[0] = out[0]!.slice(1).trimStart();
  out[out.length - 1] = out[out.length - 1]!.slice(0, -1).trimEnd();
  const start = out[0] === '' ? 1 : 0;
  const end = out.length - (out[out.length - 1] === '' ? 1 : 0);
  return out.slice(start, end);
}

const ERRNO_MESSAGE = /^open\(\) "(.*)" failed \((\d+): (.*)\)$/s;

/** crossplane reports a failed include with Python's exception text. */
function crossplaneMessage(error: NginxParseError): string {
  const open = error.code === 'include' ? ERRNO_MESSAGE.exec(error.message) : null;
  if (open) return `[Errno ${open[2]}] ${open[3]}: '${open[1]}'`;
  return `${error.message} in ${error.file}:${error.line}`;
}

/** Errors after which crossplane leaves the directive out of `parsed`. */
function dropsDirective(error: NginxParseError, strict: boolean): boolean {
  if (error.code === 'unknown-directive') return strict;
  if (error.code === 'context' || error.code === 'arguments' || error.code === 'value') return true;
  return error.code === 'syntax' && (error.message.endsWith('is not terminated by ";"') || error.message.endsWith('has no opening "{"'));
}

/** Files in crossplane's order: the root, then breadth-first as `include`s are met. */
function crossplaneFileOrder(config: NginxConfig): string[] {
  // Every other file of the order is an include target distinct from the root, and only files
  // that were read are kept: with one file read there is nothing to look for.
  if (config.files.size <= 1) return config.files.has(config.root) ? [config.root] : [];
  const order = [config.root];
  const index = new Set(order);
  for (let i = 0; i < order.length; i++) {
    const file = config.files.get(order[i]!);
    if (!file) continue;
    const stack: { statements: NginxStatement[]; at: number }[] = [{ statements: file.statements, at: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.at >= top.statements.length) {
        stack.pop();
        continue;
      }
      const statement = top.statements[top.at++]!;
      if (statement.type !== 'directive') continue;
      if (statement.includes) {
        for (const target of statement.includes) {
          if (!index.has(target)) {
            index.add(target);
            order.push(target);
          }
        }
      }
      if (statement.block && statement.block.length > 0) stack.push({ statements: statement.block, at: 0 });
    }
  }
  return order.filter((file) => config.files.has(file));
}

/**
 * Receives the statements crossplane prints, in order. Between a directive announced with
 * `opensBlock` and its matching {@link endBlock} come the statements of its block.
 */
export interface CrossplaneVisitor {
  directive(directive: NginxDirective, opensBlock: boolean): void;
  /**
   * A comment crossplane prints: `owner` is the directive whose arguments it sits between
   * (crossplane then prints it at that directive's line, even without `--include-comments`).
   */
  comment(comment: NginxComment, owner: NginxDirective | null): void;
  endBlock(): void;
}

/** One entry of the payload's `config` before its statements are printed. */
export interface CrossplanePlannedFile {
  file: string;
  status: 'ok' | 'failed';
  errors: CrossplaneFileError[];
  statements: NginxStatement[];
}

/**
 * What the payload builder and the JSON printer share: the payload's status and errors, its
 * `config` entries, and the walk that decides which statements each entry prints.
 */
export interface CrossplanePlan {
  status: 'ok' | 'failed';
  errors: CrossplanePayloadError[];
  files: CrossplanePlannedFile[];
  /** The payload's `includes` of a directive: positions of its files in `config` (-1 when not read). */
  includeIndexes(directive: NginxDirective): number[];
  walk(statements: NginxStatement[], visitor: CrossplaneVisitor): void;
}

interface Frame {
  statements: NginxStatement[];
  at: number;
  /** The directive whose arguments a following comment may sit between. */
  previous: NginxDirective | null;
  /** False for an included file spliced in place (`--combine`): it ends no block. */
  closesBlock: boolean;
}

/** Decides what crossplane's payload for a loaded config holds. */
export function planCrossplane(config: NginxConfig, options: CrossplaneOptions = {}): CrossplanePlan {
  const strict = options.strict === true;
  const combine = options.combine === true;
  const includeComments = options.includeComments === true;
  const order = crossplaneFileOrder(config);
  const indexOf = new Map(order.map((file, i) => [file, i]));

  const fileErrors = new Map<string, NginxParseError[]>();
  /** Per file, the offsets of the directive names whose directive crossplane leaves out. */
  const dropped = new Map<string, Set<number>>();
  for (const error of config.errors) {
    if (error.code === 'unknown-directive' && !strict) continue;
    if (dropsDirective(error, strict)) {
      let offsets = dropped.get(error.file);
      if (!offsets) dropped.set(error.file, (offsets = new Set()));
      offsets.add(error.start);
    }
    let list = fileErrors.get(error.file);
    if (!list) fileErrors.set(error.file, (list = []));
    list.push(error);
  }
  for (const list of fileErrors.values()) list.sort((a, b) => a.start - b.start);

  const isDropped = (directive: NginxDirective): boolean => {
    if (directive.block === null && !isTerminated(directive)) return true;
    if (dropped.size === 0) return false;
    return dropped.get(nameFileOf(directive))?.has(nameStartOf(directive)) === true;
  };

  /** Walks statements with an explicit stack; in combine mode includes are spliced in place. */
  const walk = (statements: NginxStatement[], visitor: CrossplaneVisitor): void => {
    const stack: Frame[] = [{ statements, at: 0, previous: null, closesBlock: false }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (frame.at >= frame.statements.length) {
        stack.pop();
        if (frame.closesBlock) visitor.endBlock();
        continue;
      }
      const statement = frame.statements[frame.at++]!;
      if (statement.type === 'comment') {
        const owner = frame.previous;
        const inside = owner !== null && statement.span.start > nameStartOf(owner) && statement.span.start < spanEndOf(owner);
        if (inside) {
          if (!isDropped(owner)) visitor.comment(statement, owner);
        } else if (includeComments) {
          visitor.comment(statement, null);
        }
        continue;
      }
      frame.previous = statement;
      if (isDropped(statement)) continue;
      if (combine && statement.includes) {
        for (let i = statement.includes.length - 1; i >= 0; i--) {
          const included = config.files.get(statement.includes[i]!);
          if (included) stack.push({ statements: included.statements, at: 0, previous: null, closesBlock: false });
        }
        continue;
      }
      const opensBlock = statement.block !== null && !statement.lua;
      visitor.directive(statement, opensBlock);
      if (opensBlock) stack.push({ statements: statement.block!, at: 0, previous: null, closesBlock: true });
    }
  };

  const toFileErrors = (file: string): CrossplaneFileError[] =>
    (fileErrors.get(file) ?? []).map((error) => ({ error: crossplaneMessage(error), line: error.line }));
  const plannedFile = (file: string, errors: CrossplaneFileError[], statements: NginxStatement[]): CrossplanePlannedFile => ({
    file,
    status: errors.length > 0 ? 'failed' : 'ok',
    errors,
    statements,
  });

  const errors: CrossplanePayloadError[] = [];
  for (const file of order) {
    for (const error of fileErrors.get(file) ?? []) errors.push({ file, error: crossplaneMessage(error), line: error.line });
  }
  const files = combine
    ? [plannedFile(config.root, order.flatMap(toFileErrors), config.files.get(config.root)?.statements ?? [])]
    : order.map((file) => plannedFile(file, toFileErrors(file), config.files.get(file)!.statements));
  return {
    status: errors.length > 0 ? 'failed' : 'ok',
    errors,
    files,
    includeIndexes: (directive) => (directive.includes ?? []).map((file) => indexOf.get(file) ?? -1),
    walk,
  };
}

/** The payload's `args` of a directive. */
export function crossplaneArgs(directive: NginxDirective): string[] {
  let args = new Array<string>(argCountOf(directive));
  for (let i = 0; i < args.length; i++) args[i] = crossplaneArgText(argRawOf(directive, i), argQuoteOf(directive, i));
  if (directive.name === 'if') args = prepareIfArgs(args);
  if (directive.lua) args.push(directive.lua.code);
  return args;
}

/** The payload's `argsDecoded` of a directive (`--positions`). */
export function crossplaneDecodedArgs(directive: NginxDirective): string[] {
  let decoded = new Array<string>(argCountOf(directive));
  for (let i = 0; i < decoded.length; i++) decoded[i] = argValueOf(directive, i);
  if (directive.name === 'if') decoded = prepareIfArgs(decoded);
  if (directive.lua) decoded.push(directive.lua.code);
  return decoded;
}

/** Converts the statements a {@link CrossplanePlan} walks into the payload's statement objects, blocks left out. */
export function crossplaneStatements(
  plan: CrossplanePlan,
  options: CrossplaneOptions = {},
): {
  directive(directive: NginxDirective): CrossplaneStatement;
  comment(comment: NginxComment, owner: NginxDirective | null): CrossplaneStatement;
} {
  const combine = options.combine === true;
  const positions = options.positions === true;
  return {
    directive(directive) {
      const line = nameLineOf(directive);
      const statement: CrossplaneStatement = combine
        ? { file: nameFileOf(directive), directive: directive.name, line, args: [] }
        : { directive: directive.name, line, args: [] };
      if (positions) {
        statement.column = directive.nameToken.column;
        statement.endLine = directive.span.endLine;
        statement.endColumn = directive.span.endColumn;
      }
      statement.args = crossplaneArgs(directive);
      if (positions) statement.argsDecoded = crossplaneDecodedArgs(directive);
      if (directive.includes && !combine) statement.includes = plan.includeIndexes(directive);
      return statement;
    },
    comment(comment, owner) {
      const text = crossplaneComment(comment.text);
      if (owner) return { directive: '#', line: nameLineOf(owner), args: [], comment: text };
      const statement: CrossplaneStatement = combine
        ? { file: comment.span.file, directive: '#', line: comment.span.line, args: [] }
        : { directive: '#', line: comment.span.line, args: [] };
      if (positions) {
        statement.column = comment.span.column;
        statement.endLine = comment.span.endLine;
        statement.endColumn = comment.span.endColumn;
      }
      statement.comment = text;
      return statement;
    },
  };
}

/** Builds crossplane's payload for a loaded config. */
export function toCrossplanePayload(config: NginxConfig, options: CrossplaneOptions = {}): CrossplanePayload {
  const plan = planCrossplane(config, options);
  const statements = crossplaneStatements(plan, options);

  const convert = (list: NginxStatement[]): CrossplaneStatement[] => {
    const result: CrossplaneStatement[] = [];
    const open: CrossplaneStatement[][] = [result];
    plan.walk(list, {
      directive(directive, opensBlock) {
        const converted = statements.directive(directive);
        open[open.length - 1]!.push(converted);
        if (opensBlock) open.push((converted.block = []));
      },
      comment(comment, owner) {
        open[open.length - 1]!.push(statements.comment(comment, owner));
      },
      endBlock() {
        open.pop();
      },
    });
    return result;
  };

  return {
    status: plan.status,
    errors: plan.errors,
    config: plan.files.map(({ file, status, errors, statements: list }) => ({ file, status, errors, parsed: convert(list) })),
  };
}
