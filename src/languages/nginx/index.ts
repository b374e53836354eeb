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
export { writeCrossplaneJson, type CrossplaneJsonOptions } from './crossplane-json.js';
export { DirectiveTable, type ArgShape, type DirectiveSpec, type NginxContext } from './directives/index.js';
export { DECLARABLE_CONTEXTS, declaredDirectives, type DirectiveDeclaration } from './directives/declared.js';
export { argCountOf, argValueOf } from './directive-node.js';
export * from './model/index.js';
export { effectiveProxyHeader, effectiveProxyHeaders, connectionEffect, type ConnectionEffect, type ProxyHeaderList } from './model/headers.js';
export { CHECK_DEFAULTS, CHECK_PARAMETERS, CHECK_TYPES, checkInteger, healthCheckOf, precedesCheck, type CheckParameter, type HealthCheck } from './model/health-check.js';
export { proxyingLocation } from './model/locations.js';
export { parseNginxTime } from './model/time.js';
export { appendToBlock, insertBeforeDirective, insertIntoBlock, replaceToken } from './edits.js';
export { directiveText, quoteSource } from './quote.js';
export { UNKNOWN_DIRECTIVE_RULE_ID, nginxLanguage } from './language.js';
