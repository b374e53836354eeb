import type { SourceRange } from '../../core/source.js';
import { walkNginx, type NginxConfig, type NginxDirective, type NginxStatement } from '../../languages/nginx/index.js';
import { at } from '../../engine/rule.js';
import type { Workspace } from '../../link/workspace.js';
import { matchesNginxSelector, type NginxSelector } from '../nginx-selector.js';
import type { Match, ViewPath } from '../types.js';

/** Bounds the children a view lists, so a policy on `http` does not copy a whole config. */
const MAX_CHILDREN = 2_000;
const MAX_INCLUDE_DEPTH = 32;

export interface NginxChildView {
  name: string;
  args: string[];
  block: boolean;
}

/** What a policy sees of an nginx directive. */
export interface NginxDirectiveView {
  name: string;
  args: string[];
  /** Enclosing blocks, outermost first: `['http', 'server', 'location']`. */
  context: string[];
  /** Directives directly inside the block, includes expanded; empty for a simple directive. */
  children: NginxChildView[];
  block: boolean;
  /** As displayed in reports. */
  file: string;
}

/** A block's directives in reading order, each `include` replaced by the files it resolved to. */
function expandedChildren(config: NginxConfig, statements: NginxStatement[] | null): NginxDirective[] {
  const out: NginxDirective[] = [];
  const visit = (list: NginxStatement[], chain: Set<string>, depth: number): void => {
    for (const statement of list) {
      if (out.length >= MAX_CHILDREN) return;
      if (statement.type !== 'directive') continue;
      if (statement.name === 'include' && statement.includes) {
        if (depth >= MAX_INCLUDE_DEPTH) continue;
        for (const path of statement.includes) {
          const file = config.files.get(path);
          if (file && !chain.has(path)) visit(file.statements, new Set(chain).add(path), depth + 1);
        }
        continue;
      }
      out.push(statement);
    }
  };
  visit(statements ?? [], new Set(), 0);
  return out;
}

function locator(directive: NginxDirective, children: NginxDirective[]): (path: ViewPath) => SourceRange {
  const inDirective = (target: NginxDirective, rest: ViewPath): SourceRange => {
    const [field, index] = rest;
    if (field === 'args' && typeof index === 'number' && target.args[index]) return at(target.args[index]);
    if (field === 'args' && target.args.length > 0) return at(target.args[0]!);
    return at(target.nameToken);
  };
  return (path) => {
    const [field, index, ...rest] = path;
    if (field === 'children' && typeof index === 'number' && children[index]) return inDirective(children[index], rest);
    return inDirective(directive, path);
  };
}

/** Every directive the selector matches, in nginx's reading order, with its view. */
export function selectNginx(workspace: Workspace, selector: NginxSelector, displayPath: (file: string) => string): Match[] {
  const matches: Match[] = [];
  for (const config of workspace.nginx) {
    walkNginx(config, (directive, context) => {
      if (!matchesNginxSelector(selector, directive.name, context.path)) return;
      const children = expandedChildren(config, directive.block);
      const view: NginxDirectiveView = {
        name: directive.name,
        args: directive.args.map((arg) => arg.value),
        context: [...context.path],
        children: children.map((child) => ({ name: child.name, args: child.args.map((arg) => arg.value), block: child.block !== null })),
        block: directive.block !== null,
        file: displayPath(context.file),
      };
      matches.push({
        view,
        file: context.file,
        anchor: at(directive.nameToken),
        locate: locator(directive, children),
        findChildren: (name) => children.filter((child) => child.name === name).map((child) => at(child.nameToken)),
        context: {},
        path: [...context.path, directive.name].join(' > '),
      });
    });
  }
  return matches;
}
