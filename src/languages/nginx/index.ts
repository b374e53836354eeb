export type {
  NginxComment,
  NginxConfig,
  NginxDirective,
  NginxErrorCode,
  NginxFile,
  NginxParseError,
  NginxStatement,
  NginxToken,
} from './ast.js';
export { lexNginx, NginxLexer, type NginxLexKind, type NginxLexeme } from './lexer.js';
export { parseNginxText, type ParseNginxOptions } from './parser.js';
export { loadNginxConfig, type LoadNginxOptions } from './load.js';
export { splitNginxDashT, looksLikeNginxDashT, type DumpedFile } from './dash-t.js';
export { walkNginx, type NginxWalkContext } from './walk.js';
export { checkDirective } from './analyze.js';
export { blockContext, contextFromPath, type AnalysisContext } from './contexts.js';
export { toCrossplanePayload, type CrossplaneOptions, type CrossplanePayload } from './crossplane.js';
