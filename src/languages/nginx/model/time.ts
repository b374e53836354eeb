const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, M: 2_592_000_000, y: 31_536_000_000 };

/** Parses an nginx time value (`75`, `75s`, `1m30s`, `500ms`) to milliseconds, as ngx_parse_time does; seconds when unitless. */
export function parseNginxTime(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const parts = /^(?:\d+(?:ms|[smhdwMy])\s*)+$/.exec(text);
  if (!parts) return undefined;
  let total = 0;
  for (const match of text.matchAll(/(\d+)(ms|[smhdwMy])/g)) total += Number(match[1]) * UNIT_MS[match[2]!]!;
  return total;
}
