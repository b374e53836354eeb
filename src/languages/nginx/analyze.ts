import type { NginxDirective, NginxFile, NginxParseError, NginxStatement, NginxToken } from './ast.js';
import type { ArgShape, DirectiveSpec } from './directives/types.js';
import { DirectiveTable } from './directives/index.js';
import { blockContext, type AnalysisContext } from './contexts.js';
import { argCountOf, argValueOf, isTerminated } from './directive-node.js';
import { setReportedLine } from './nginx-lines.js';

/**
 * The checks `ngx_conf_handler` makes for every directive, against the directive table: known
 * name, allowed in this context, block or simple, number of arguments, and on/off for flags.
 * Included files are checked in the context of each `include` that reaches them.
 */

/** Upper bound on file inclusions walked, against include graphs that fan out exponentially. */
export const MAX_INCLUSIONS = 20_000;

/** An error spanning one token, in the one object shape every nginx error has. */
export function errorAtToken(token: NginxToken, code: NginxParseError['code'], message: string): NginxParseError {
  return {
    file: token.file,
    line: token.line,
    column: token.column,
    endLine: token.endLine,
    endColumn: token.endColumn,
    start: token.start,
    end: token.end,
    code,
    message,
  };
}

function directiveError(directive: NginxDirective, code: NginxParseError['code'], message: string): NginxParseError {
  const error = errorAtToken(directive.nameToken, code, message);
  // nginx prints the line where it read the directive's `;` or `{`.
  const end = directive.terminator ?? directive.blockOpen;
  if (end && end.line !== error.line) error.reportedLine = end.line;
  return error;
}

function argCountFits(shape: ArgShape, count: number): boolean {
  switch (shape.kind) {
    case 'none':
      return count === 0;
    case 'take':
      return shape.counts.includes(count);
    case 'flag':
      return count === 1;
    case 'atLeast':
      return count >= shape.min;
    case 'any':
      return true;
  }
}

function isOnOff(value: string): boolean {
  const lower = value.toLowerCase();
  return lower === 'on' || lower === 'off';
}

/** The first problem nginx would find with `directive` under `spec`, or null. */
function shapeProblem(directive: NginxDirective, spec: DirectiveSpec): NginxParseError | null {
  const isBlock = directive.block !== null;
  if (!spec.block && isBlock) return directiveError(directive, 'syntax', `directive "${directive.name}" is not terminated by ";"`);
  if (spec.block && !isBlock) return directiveError(directive, 'syntax', `directive "${directive.name}" has no opening "{"`);
  if (!argCountFits(spec.args, argCountOf(directive))) {
    return directiveError(directive, 'arguments', `invalid number of arguments in "${directive.name}" directive`);
  }
  if (spec.args.kind === 'flag' && !isOnOff(argValueOf(directive, 0))) {
    return directiveError(
      directive,
      'value',
      `invalid value "${argValueOf(directive, 0)}" in "${directive.name}" directive, it must be "on" or "off"`,
    );
  }
  return null;
}

const INCLUDE_SPEC: DirectiveSpec = {
  name: 'include',
  contexts: [],
  args: { kind: 'take', counts: [1] },
  block: false,
  module: 'ngx_conf_module',
  source: 'nginx src/core/ngx_conf_file.c (NGX_ANY_CONF|NGX_CONF_TAKE1)',
};

/** Checks one directive in `context` against `table`; returns the problem nginx would report, if any. */
export function checkDirective(directive: NginxDirective, context: AnalysisContext, table: DirectiveTable = DirectiveTable.builtin): NginxParseError | null {
  if (context === 'free' || context === 'unknown') return null;
  // A directive cut short by a syntax error was already reported; nginx never got to its shape.
  const complete = directive.block !== null || isTerminated(directive);
  if (directive.name === 'include') return complete ? shapeProblem(directive, INCLUDE_SPEC) : null;
  const specs = table.lookup(directive.name);
  if (specs.length === 0) return directiveError(directive, 'unknown-directive', `unknown directive "${directive.name}"`);
  // Like nginx, any definition allowed here that the directive fits will do; otherwise the
  // first one's complaint is reported.
  let allowedHere = false;
  let first: NginxParseError | null = null;
  for (const spec of specs) {
    if (!spec.contexts.includes(context)) continue;
    allowedHere = true;
    if (!complete) return null;
    const problem = shapeProblem(directive, spec);
    if (problem === null) return null;
    first ??= problem;
  }
  return allowedHere ? first : directiveError(directive, 'context', `"${directive.name}" directive is not allowed here`);
}

interface WorkItem {
  statements: NginxStatement[];
  index: number;
  context: AnalysisContext;
}

/**
 * Checks every directive reachable from `root` (descending into blocks and resolved includes)
 * with an explicit stack, so neither deep nesting nor long include chains can overflow.
 */
export function analyzeNginx(root: NginxFile, files: ReadonlyMap<string, NginxFile>, rootContext: AnalysisContext, table: DirectiveTable): NginxParseError[] {
  const errors: NginxParseError[] = [];
  const seen = new Set<string>();
  const record = (error: NginxParseError): void => {
    const key = `${error.file}\0${error.start}\0${error.code}\0${error.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    errors.push(error);
  };
  let inclusions = 0;
  let limitReported = false;
  const stack: WorkItem[] = [{ statements: root.statements, index: 0, context: rootContext }];
  while (stack.length > 0) {
    const item = stack[stack.length - 1]!;
    if (item.index >= item.statements.length) {
      stack.pop();
      continue;
    }
    const statement = item.statements[item.index++]!;
    if (statement.type !== 'directive') continue;
    const problem = checkDirective(statement, item.context, table);
    if (problem) {
      const end = statement.terminator ?? statement.blockOpen;
      if (end) setReportedLine(problem, files.get(end.file), end.start, end.line);
      record(problem);
    }
    if (statement.includes && statement.includes.length > 0) {
      inclusions += statement.includes.length;
      if (inclusions > MAX_INCLUSIONS) {
        if (!limitReported) {
          record(directiveError(statement, 'limit', `too many file inclusions to check (more than ${MAX_INCLUSIONS})`));
          limitReported = true;
        }
        continue;
      }
      for (let i = statement.includes.length - 1; i >= 0; i--) {
        const included = files.get(statement.includes[i]!);
        if (included) stack.push({ statements: included.statements, index: 0, context: item.context });
      }
      continue;
    }
    if (statement.block && statement.block.length > 0) {
      stack.push({ statements: statement.block, index: 0, context: blockContext(item.context, statement.name, table) });
    }
  }
  return errors;
}
