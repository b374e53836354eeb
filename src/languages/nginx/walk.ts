import type { NginxConfig, NginxDirective, NginxStatement } from './ast.js';
import { MAX_INCLUSIONS } from './analyze.js';

export interface NginxWalkContext {
  /** The file the directive is written in. */
  file: string;
  /** Names of the enclosing blocks from `main`, e.g. `['http', 'server', 'location']`. */
  path: string[];
  /** The enclosing block directives, outermost first (across include boundaries). */
  parents: NginxDirective[];
}

interface Frame {
  statements: NginxStatement[];
  index: number;
  file: string;
  path: string[];
  parents: NginxDirective[];
}

/**
 * Visits every directive of a config in the order nginx reads them: each `include` is visited
 * and then the files it resolved to, in place. Uses an explicit stack; include lists never hold
 * a cycle (the loader leaves cyclic targets out) and fan-out is capped like the analyzer's.
 */
export function walkNginx(config: NginxConfig, visit: (directive: NginxDirective, context: NginxWalkContext) => void): void {
  const root = config.files.get(config.root);
  if (!root) return;
  const rootPath = config.context ?? [];
  const stack: Frame[] = [{ statements: root.statements, index: 0, file: root.file, path: rootPath, parents: [] }];
  let inclusions = 0;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.index >= frame.statements.length) {
      stack.pop();
      continue;
    }
    const statement = frame.statements[frame.index++]!;
    if (statement.type !== 'directive') continue;
    visit(statement, { file: frame.file, path: frame.path, parents: frame.parents });
    if (statement.includes && statement.includes.length > 0) {
      inclusions += statement.includes.length;
      if (inclusions > MAX_INCLUSIONS) continue;
      for (let i = statement.includes.length - 1; i >= 0; i--) {
        const included = config.files.get(statement.includes[i]!);
        if (included) stack.push({ statements: included.statements, index: 0, file: included.file, path: frame.path, parents: frame.parents });
      }
    } else if (statement.block && statement.block.length > 0) {
      stack.push({
        statements: statement.block,
        index: 0,
        file: frame.file,
        path: [...frame.path, statement.name],
        parents: [...frame.parents, statement],
      });
    }
  }
}
