import {
  at,
  defineRule,
  type ConnectionEffect,
  type Fix,
  type NginxDirective,
  type NginxKit,
  type NginxModel,
  type NginxScope,
  type NginxToken,
  type ProxyPass,
  type RelatedLocation,
  type Upstream,
} from '../../../src/kit/index.js';

const CLEAR = 'proxy_set_header Connection "";';

function keepaliveNote(upstream: Upstream): RelatedLocation[] {
  return upstream.keepalive ? [{ ...at(upstream.keepalive.nameToken), message: `upstream "${upstream.name}" keeps idle connections here` }] : [];
}

/** The fix for a location whose proxy_set_header list has no Connection entry at all. */
function insertClear(nginx: NginxKit, use: ProxyPass): Fix | undefined {
  const location = nginx.proxyingLocation(use.scope);
  const listScope = nginx.nearestLevelWith(use.scope, 'proxy_set_header');
  if (listScope === undefined || listScope === location?.scope) {
    // Adding to the location's own list (or starting one) cuts nothing off — unless the
    // blocks around a snippet, which hoplint cannot see, define a list it would stop inheriting.
    // At the top of the location, so that every proxy_pass there shares one edit.
    const edit = location && nginx.insertIntoBlock(location.block, CLEAR);
    const safety = listScope === undefined && nginx.hasUnseenAncestor(use.scope) ? 'unsafe' : 'safe';
    return edit && { title: `Insert '${CLEAR}'`, safety, edits: [edit] };
  }
  // The location inherits its list: a header of its own would drop the inherited ones, so the
  // clear goes where the list is defined, for every location that inherits it.
  const first = nginx.directivesIn(listScope, 'proxy_set_header')[0];
  const edit = first && nginx.insertBeforeDirective(nginx.statementInBlock(listScope, first), CLEAR);
  return edit && { title: `Insert '${CLEAR}' into the ${listScope.kind} block`, safety: 'unsafe', edits: [edit] };
}

interface BadValue {
  token: NginxToken;
  directive: NginxDirective;
  effect: Exclude<ConnectionEffect, { effect: 'keeps' } | { effect: 'unknown' }>;
  uses: ProxyPass[];
  /** The `proxy_pass` directives of `uses`, each listed once however many times it is read. */
  usedBy: Set<NginxDirective>;
}

function explain(nginx: NginxKit, value: BadValue, upstream: Upstream): string {
  const quoted = nginx.quoteSource(`proxy_set_header Connection ${value.token.raw}`);
  const pool = `keepalive upstream "${upstream.name}"`;
  switch (value.effect.reason) {
    case 'literal':
      return `${quoted} tells the backend to close the connection after one response, so ${pool} never reuses a connection and every request leaves a TIME_WAIT socket; write '${CLEAR}'`;
    case 'client-header':
      return `${quoted} forwards the client's Connection header, so every client that sends "Connection: close" makes the backend close a connection of ${pool}; write '${CLEAR}'`;
    case 'map': {
      const entry = value.effect.entry;
      const source = entry && entry.source !== '' ? entry.source : "''";
      return (
        `${quoted} is "${entry?.value.value ?? 'close'}" for requests without Upgrade (map ${value.effect.map.variable}, entry ${source}), ` +
        `so the backend closes the connection after one response and ${pool} stays empty; map ${source} to '' instead`
      );
    }
  }
}

/** Finds the first scope (in the model's order) that holds a directive, grouping them all on the first call. */
function firstScopeOf(model: NginxModel): (directive: NginxDirective) => NginxScope | undefined {
  let holders: Map<NginxDirective, NginxScope> | undefined;
  return (directive) => {
    if (!holders) {
      holders = new Map();
      for (const scope of model.scopes) for (const held of scope.directives) if (!holders.has(held)) holders.set(held, scope);
    }
    return holders.get(directive);
  };
}

function fixFor(nginx: NginxKit, value: BadValue, scopeOf: (directive: NginxDirective) => NginxScope | undefined): Fix | undefined {
  if (value.effect.reason === 'map') {
    const entry = value.effect.entry;
    if (!entry) return undefined;
    // The map serves every location that uses the variable, so changing it is unsafe. When the
    // plain-request value comes from `default` (which Upgrade requests share), add an '' entry.
    const edit = entry.source === '' ? nginx.replaceToken(entry.value, "''") : nginx.insertBeforeDirective(entry.directive, "'' '';");
    return edit && { title: "Map '' to ''", safety: 'unsafe', edits: [edit] };
  }
  const scope = scopeOf(value.directive);
  const locationOnly = scope?.kind === 'location';
  return { title: 'Change to ""', safety: locationOnly ? 'safe' : 'unsafe', edits: [nginx.replaceToken(value.token, '""')] };
}

export default defineRule({
  meta: {
    id: 'nginx/upstream-keepalive-connection-header',
    layer: 'nginx',
    severity: 'warning',
    summary: 'Proxying to a keepalive upstream without clearing the Connection header defeats the keepalive pool.',
    docsUrl: 'https://github.com/hoplint/hoplint/blob/main/rules/nginx/upstream-keepalive-connection-header/README.md',
    fixable: 'safe',
    tags: ['performance', 'time-wait'],
  },
  check(context) {
    const { nginx } = context;
    const { argCount, argValue, directiveText, quoteSource } = nginx;
    for (const model of nginx.models) {
      const missing = new Map<NginxDirective, ProxyPass>();
      const badValues = new Map<NginxToken, BadValue>();
      const scopeOf = firstScopeOf(model);
      for (const use of model.proxyPasses) {
        if (!use.upstream?.keepalive) continue;
        const connection = nginx.effectiveProxyHeader(use.scope, 'connection');
        if (!connection || argCount(connection) < 2) {
          if (!missing.has(use.directive)) missing.set(use.directive, use);
          continue;
        }
        const effect = nginx.connectionEffect(model, argValue(connection, 1));
        if (effect.effect !== 'closes') continue;
        const token = connection.args[1]!;
        const value = badValues.get(token) ?? { token, directive: connection, effect, uses: [], usedBy: new Set() };
        if (!value.usedBy.has(use.directive)) {
          value.usedBy.add(use.directive);
          value.uses.push(use);
        }
        badValues.set(token, value);
      }
      for (const use of missing.values()) {
        const upstream = use.upstream!;
        const fix = insertClear(nginx, use);
        context.report({
          ...at(use.directive.nameToken),
          message:
            `${quoteSource(directiveText(use.directive))} sends nginx's default "Connection: close" to keepalive upstream "${upstream.name}", ` +
            `so the backend closes every connection after one response and the keepalive pool stays empty; add '${CLEAR}'`,
          related: keepaliveNote(upstream),
          ...(fix ? { fix } : {}),
        });
      }
      for (const value of badValues.values()) {
        const upstream = value.uses[0]!.upstream!;
        const entry = value.effect.reason === 'map' ? value.effect.entry : undefined;
        const fix = fixFor(nginx, value, scopeOf);
        context.report({
          ...at(value.token),
          message: explain(nginx, value, upstream),
          related: [
            ...(entry ? [{ ...at(entry.value), message: `map ${value.effect.reason === 'map' ? value.effect.map.variable : ''} yields this for requests without Upgrade` }] : []),
            ...keepaliveNote(upstream),
            ...value.uses.map((use) => ({ ...at(use.directive.nameToken), message: `${quoteSource(directiveText(use.directive))} sends it` })),
          ],
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
});
