import type { NginxComment, NginxConfig, NginxDirective, NginxParseError, NginxStatement, NginxToken } from './ast.js';
import { argCountOf, argQuoteOf, argRawOf, isTerminated, nameLineOf } from './directive-node.js';

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
      for (const target of statement.includes ?? []) {
        if (!index.has(target)) {
          index.add(target);
          order.push(target);
        }
      }
      if (statement.block && statement.block.length > 0) stack.push({ statements: statement.block, at: 0 });
    }
  }
  return order.filter((file) => config.files.has(file));
}

interface Frame {
  statements: NginxStatement[];
  at: number;
  out: CrossplaneStatement[];
  /** The directive whose arguments a following comment may sit between. */
  previous: NginxDirective | null;
}

/** Builds crossplane's payload for a loaded config. */
export function toCrossplanePayload(config: NginxConfig, options: CrossplaneOptions = {}): CrossplanePayload {
  const strict = options.strict === true;
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
    const name = directive.nameToken;
    return dropped.get(name.file)?.has(name.start) === true;
  };

  const convertDirective = (directive: NginxDirective): CrossplaneStatement => {
    const line = nameLineOf(directive);
    const statement: CrossplaneStatement = options.combine
      ? { file: directive.nameToken.file, directive: directive.name, line, args: [] }
      : { directive: directive.name, line, args: [] };
    if (options.positions) {
      statement.column = directive.nameToken.column;
      statement.endLine = directive.span.endLine;
      statement.endColumn = directive.span.endColumn;
    }
    let args = new Array<string>(argCountOf(directive));
    for (let i = 0; i < args.length; i++) args[i] = crossplaneArgText(argRawOf(directive, i), argQuoteOf(directive, i));
    if (directive.name === 'if') args = prepareIfArgs(args);
    if (directive.lua) args.push(directive.lua.code);
    statement.args = args;
    if (options.positions) {
      let decoded = directive.args.map((token) => token.value);
      if (directive.name === 'if') decoded = prepareIfArgs(decoded);
      if (directive.lua) decoded.push(directive.lua.code);
      statement.argsDecoded = decoded;
    }
    if (directive.includes && !options.combine) statement.includes = directive.includes.map((file) => indexOf.get(file) ?? -1);
    return statement;
  };

  const convertComment = (comment: NginxComment, owner: NginxDirective | null): CrossplaneStatement | null => {
    const text = crossplaneComment(comment.text);
    if (owner) return { directive: '#', line: nameLineOf(owner), args: [], comment: text };
    if (!options.includeComments) return null;
    const statement: CrossplaneStatement = options.combine
      ? { file: comment.span.file, directive: '#', line: comment.span.line, args: [] }
      : { directive: '#', line: comment.span.line, args: [] };
    if (options.positions) {
      statement.column = comment.span.column;
      statement.endLine = comment.span.endLine;
      statement.endColumn = comment.span.endColumn;
    }
    statement.comment = text;
    return statement;
  };

  /** Converts statements with an explicit stack; in combine mode includes are spliced in place. */
  const convert = (statements: NginxStatement[]): CrossplaneStatement[] => {
    const result: CrossplaneStatement[] = [];
    const stack: Frame[] = [{ statements, at: 0, out: result, previous: null }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (frame.at >= frame.statements.length) {
        stack.pop();
        continue;
      }
      const statement = frame.statements[frame.at++]!;
      if (statement.type === 'comment') {
        const owner = frame.previous;
        const inside = owner !== null && statement.span.start > owner.nameToken.start && statement.span.start < owner.span.end;
        if (inside && isDropped(owner)) continue;
        const converted = convertComment(statement, inside ? owner : null);
        if (converted) frame.out.push(converted);
        continue;
      }
      frame.previous = statement;
      if (isDropped(statement)) continue;
      if (options.combine && statement.includes) {
        for (let i = statement.includes.length - 1; i >= 0; i--) {
          const included = config.files.get(statement.includes[i]!);
          if (included) stack.push({ statements: included.statements, at: 0, out: frame.out, previous: null });
        }
        continue;
      }
      const converted = convertDirective(statement);
      frame.out.push(converted);
      if (statement.block !== null && !statement.lua) {
        converted.block = [];
        stack.push({ statements: statement.block, at: 0, out: converted.block, previous: null });
      }
    }
    return result;
  };

  const toFileErrors = (file: string): CrossplaneFileError[] =>
    (fileErrors.get(file) ?? []).map((error) => ({ error: crossplaneMessage(error), line: error.line }));

  const payloadErrors: CrossplanePayloadError[] = [];
  for (const file of order) {
    for (const error of fileErrors.get(file) ?? []) payloadErrors.push({ file, error: crossplaneMessage(error), line: error.line });
  }
  const status = payloadErrors.length > 0 ? 'failed' : 'ok';

  if (options.combine) {
    const errors = order.flatMap(toFileErrors);
    const root = config.files.get(config.root);
    return {
      status,
      errors: payloadErrors,
      config: [{ file: config.root, status: errors.length > 0 ? 'failed' : 'ok', errors, parsed: root ? convert(root.statements) : [] }],
    };
  }
  const files: CrossplaneFile[] = order.map((file) => {
    const errors = toFileErrors(file);
    return { file, status: errors.length > 0 ? 'failed' : 'ok', errors, parsed: convert(config.files.get(file)!.statements) };
  });
  return { status, errors: payloadErrors, config: files };
}
