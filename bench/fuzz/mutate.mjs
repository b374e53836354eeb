// Mutation operators over text. A mutation is plain data (positions are taken modulo the text's
// length), so the fuzz script draws them from a seeded PRNG and the property tests from
// fast-check, and both apply them the same way.

/** Fragments that matter to at least one of the parsers: quoting, nesting, comments, escapes, line breaks. */
export const PAYLOADS = Object.freeze([
  '"', "'", '`', '\\', '\\"', "\\'", '{', '}', ';', '${', '$', '$1', '#', '# ', ';#', '\0', '\r', '\r\n', '\n', '\t', ' ', '\f', '\v',
  '\u2028', '\u2029', '\uFEFF', '\uFFFD', '\u00A0', '\u{1F600}', 'é', '中', ':', ': ', '- ', '-', '=', ' = ', '*', '?', '[', ']', '(', ')', ',',
  '&a ', '*a', '<<: *a\n', '---\n', '...\n', '|\n', '|-\n', '>\n', '!!binary ', '!tag ', '%YAML 1.2\n', '? ', '@', '~', 'null', '0x', '-0',
  '1e999', '99999999999999999999', 'NaN', 'true', '\\u00', '\\uD800', '"\\',
  'include ', 'include conf.d/*.conf;\n', 'include /fuzz/nginx.conf;\n', 'server {', 'http {', 'events {', 'location ~ ^/(a|b)+$ {', 'if ($a) {',
  'upstream u {', 'content_by_lua_block {', 'map $a $b {', 'types {', 'listen 80;', 'proxy_pass http://u;', 'check interval=3000 rise=2 fall=5;',
  '# configuration file /fuzz/x.conf:\n', 'net.ipv4.tcp_tw_reuse = 1\n', '-net.ipv4.conf.*.rp_filter\n', 'net.ipv4.conf.eth0/100.rp_filter = 2\n', 'kernel.*',
  'kind: Service\n', 'kind: ConfigMap\n', 'kind: Deployment\n', 'apiVersion: v1\n', 'metadata:\n  name: x\n', 'selector:\n  app: a\n',
  'ports:\n- port: 80\n  targetPort: http\n', 'network:\n  plugin: canal\n  mtu: 1450\n', 'net-conf.json: |\n  {"Backend": {"Type": "vxlan"}}\n',
  '"mtu": ', '"type": "flannel"', '"plugins": [', '"Backend": {', '{"a":', ']}', '__CNI_MTU__',
]);

/**
 * Fragments that make a parser hang today (a sysctl glob with many `*` against a long key backtracks
 * exponentially). Only the fuzz script draws them: it runs parsers in a child process it can
 * kill, where an in-process property test would block its worker for good.
 */
export const HANGING_PAYLOADS = Object.freeze(['a*a*a*a*a*a*a*a*a*a*a*a*b = 1\n', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa = 1\n']);

export const MUTATION_OPS = Object.freeze([
  'insert', 'delete', 'duplicate', 'swap', 'repeat', 'replace', 'truncate', 'nest',
  'line-duplicate', 'line-delete', 'line-swap', 'indent', 'line-ending',
]);

const CLOSERS = { '{': '}', '[': ']', '(': ')', '"': '"', "'": "'", 'server {': '}', 'http {': '}', 'if ($a) {': '}', '{"a":': '}', '"plugins": [': ']' };

/** Openers for `nest`: deep nesting of blocks, flow collections, block sequences and mappings. */
export const NEST_OPENERS = Object.freeze(['{', '[', '(', 'server {', 'http {', 'if ($a) {', '{"a":', '"plugins": [', '- ', 'a:\n ', '? ', '&a [', '!t ']);

function lines(text) {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function swapChunks(text, first, second, size) {
  const lo = Math.min(first, second);
  const hi = Math.max(first, second);
  const loEnd = Math.min(lo + size, hi);
  const hiEnd = Math.min(hi + size, text.length);
  return text.slice(0, lo) + text.slice(hi, hiEnd) + text.slice(loEnd, hi) + text.slice(lo, loEnd) + text.slice(hiEnd);
}

function mutateLines(text, mutation) {
  const all = lines(text);
  if (all.length === 0) return text;
  const i = mutation.at % all.length;
  const j = mutation.at2 % all.length;
  switch (mutation.op) {
    case 'line-duplicate':
      all.splice(i, 0, ...Array.from({ length: Math.min(mutation.count, 64) }, () => all[i]));
      break;
    case 'line-delete':
      all.splice(i, Math.max(1, mutation.size % 8));
      break;
    case 'line-swap':
      [all[i], all[j]] = [all[j], all[i]];
      break;
    case 'indent':
      all[i] = (mutation.count % 2 === 0 ? ' ' : '\t').repeat(mutation.size % 9) + all[i];
      break;
    default:
      return text;
  }
  return all.join('');
}

/**
 * @param {string} text
 * @param {{ op: string, at: number, at2: number, size: number, count: number, payload: string }} mutation
 */
export function applyMutation(text, mutation) {
  const length = text.length;
  const a = mutation.at % (length + 1);
  const b = mutation.at2 % (length + 1);
  const size = Math.max(1, mutation.size);
  const count = Math.max(1, mutation.count);
  switch (mutation.op) {
    case 'insert':
      return text.slice(0, a) + mutation.payload + text.slice(a);
    case 'delete':
      return text.slice(0, a) + text.slice(a + size);
    case 'duplicate':
      return text.slice(0, b) + text.slice(a, a + size) + text.slice(b);
    case 'swap':
      return swapChunks(text, a, b, size);
    case 'repeat':
      return text.slice(0, a) + mutation.payload.repeat(count) + text.slice(a);
    case 'replace':
      return text.slice(0, a) + mutation.payload + text.slice(a + size);
    case 'truncate':
      return text.slice(0, a);
    case 'nest': {
      const opener = mutation.payload;
      const closer = CLOSERS[opener] ?? '';
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      return text.slice(0, lo) + opener.repeat(count) + text.slice(lo, hi) + closer.repeat(count) + text.slice(hi);
    }
    case 'line-ending': {
      const ending = ['\r\n', '\r', '\n'][count % 3];
      return text.replace(/\r\n|\r|\n/g, ending);
    }
    default:
      return mutateLines(text, mutation);
  }
}

export function applyMutations(text, mutations) {
  return mutations.reduce(applyMutation, text);
}

/** @param {import('./prng.mjs').Random} random */
export function randomMutation(random) {
  const op = random.pick(MUTATION_OPS);
  const longRun = random.chance(0.15);
  return {
    op,
    at: random.int(1 << 30),
    at2: random.int(1 << 30),
    size: random.chance(0.8) ? 1 + random.int(16) : 1 + random.int(4096),
    count: longRun ? 1 + random.int(20_000) : 1 + random.int(8),
    payload: op === 'nest' ? random.pick(NEST_OPENERS) : random.chance(0.02) ? random.pick(HANGING_PAYLOADS) : random.chance(0.9) ? random.pick(PAYLOADS) : randomString(random),
  };
}

function randomString(random) {
  let out = '';
  const length = 1 + random.int(12);
  for (let i = 0; i < length; i++) out += String.fromCodePoint(random.chance(0.7) ? 32 + random.int(95) : random.int(0x3000));
  return out;
}

/** Units that, repeated, would make a backtracking regex or a rescanning loop blow up. */
export const PATHOLOGICAL_UNITS = Object.freeze([
  ' ', '\t', '#', '\\', '"', "'", '{', '}', '[', ']', ':', '-', '- ', ': ', '=', ';', '$', '${', '*', '.', '/', '\r', '\r\n', '\n', 'a', 'a.',
  '\\"', '# a', '-a', 'a ', 'a=', ' =', ':a', '&a ', '*a ', '? ', '|', '>', ',', '"a":', '{"a":', '[1,', 'net.', 'x ', '1', '\uFFFD', 'é',
]);
