import type { TextEdit } from '../core/finding.js';
import {
  CHECK_DEFAULTS,
  CHECK_PARAMETERS,
  CHECK_TYPES,
  allScopes,
  appendToBlock,
  argCountOf,
  argValueOf,
  checkInteger,
  connectionEffect,
  directiveText,
  directivesIn,
  effectiveDirective,
  effectiveDirectiveList,
  effectiveProxyHeader,
  effectiveProxyHeaders,
  effectiveValue,
  enclosing,
  hasUnseenAncestor,
  healthCheckOf,
  insertBeforeDirective,
  insertIntoBlock,
  isUnseen,
  nearestLevelWith,
  parseNginxTime,
  precedesCheck,
  proxyingLocation,
  quoteSource,
  replaceToken,
  splitHostPort,
  statementInBlock,
  type NginxDirective,
  type NginxModel,
} from '../languages/nginx/index.js';

/** The queries over nginx's semantic model that rules share, independent of any unit. */
const QUERIES = {
  allScopes,
  directivesIn,
  nearestLevelWith,
  effectiveDirective,
  effectiveDirectiveList,
  effectiveValue,
  enclosing,
  isUnseen,
  hasUnseenAncestor,
  statementInBlock,
  proxyingLocation,
  effectiveProxyHeaders,
  effectiveProxyHeader,
  connectionEffect,
  healthCheckOf,
  precedesCheck,
  checkInteger,
  CHECK_DEFAULTS,
  CHECK_PARAMETERS,
  CHECK_TYPES,
  /** An nginx time (`75`, `75s`, `1m30s`, `500ms`) in milliseconds, as ngx_parse_time reads it. */
  parseTime: parseNginxTime,
  splitHostPort,
  /** The number of arguments of a directive, without building their tokens. */
  argCount: argCountOf,
  /** The decoded value of argument `index` (which must exist), without building its token. */
  argValue: argValueOf,
  directiveText,
  quoteSource,
  replaceToken,
} as const;

export type NginxQueries = typeof QUERIES;

export interface NginxKit extends NginxQueries {
  /**
   * The semantic model of each root config of the unit, built once: scopes with includes
   * expanded, upstreams, proxy_passes, listeners and maps. A file included from two roots is
   * read in both.
   */
  readonly models: readonly NginxModel[];
  /** Inserts `statement` on its own line before `anchor`, with its indentation and the file's line endings. */
  insertBeforeDirective(anchor: NginxDirective, statement: string | string[]): TextEdit | undefined;
  /** Inserts `statement` as the first line inside `block`'s braces. */
  insertIntoBlock(block: NginxDirective, statement: string): TextEdit | undefined;
  /** Appends `statement` after the last statement of `block` (where order matters, e.g. `keepalive`). */
  appendToBlock(block: NginxDirective, statement: string): TextEdit | undefined;
}

export function createNginxKit(models: readonly NginxModel[]): NginxKit {
  let texts: Map<string, string> | undefined;
  // The texts as the nginx configs hold them (a byte order mark kept), which is what edits count in.
  const textOf = (file: string): string | undefined => {
    if (!texts) {
      texts = new Map();
      for (const model of models) for (const [path, parsed] of model.config.files) if (!texts.has(path)) texts.set(path, parsed.text);
    }
    return texts.get(file);
  };
  return {
    ...QUERIES,
    models,
    insertBeforeDirective: (anchor, statement) => insertBeforeDirective(textOf(anchor.span.file), anchor, statement),
    insertIntoBlock: (block, statement) => insertIntoBlock(textOf(block.span.file), block, statement),
    appendToBlock: (block, statement) => appendToBlock(textOf(block.span.file), block, statement),
  };
}
