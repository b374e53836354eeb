// Delta debugging (Zeller's ddmin, complement-removal form): drop chunks of lines, then of
// characters, while the input still fails the same way. Bounded by a number of checks.

function lineUnits(text) {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function charUnits(text) {
  return Array.from(text);
}

/**
 * @param {string} text an input that fails
 * @param {(candidate: string) => Promise<boolean>} stillFails
 * @param {{ maxChecks?: number }} [options]
 * @returns {Promise<{ text: string, checks: number }>}
 */
export async function minimize(text, stillFails, { maxChecks = 1500 } = {}) {
  let checks = 0;
  let current = text;
  for (const split of [lineUnits, charUnits]) {
    let units = split(current);
    let granularity = 2;
    while (units.length >= 2 && checks < maxChecks) {
      const chunk = Math.ceil(units.length / granularity);
      let reduced = false;
      for (let start = 0; start < units.length && checks < maxChecks; start += chunk) {
        const candidate = units.slice(0, start).concat(units.slice(start + chunk));
        checks++;
        if (await stillFails(candidate.join(''))) {
          units = candidate;
          granularity = Math.max(granularity - 1, 2);
          reduced = true;
          break;
        }
      }
      if (!reduced) {
        if (granularity >= units.length) break;
        granularity = Math.min(granularity * 2, units.length);
      }
    }
    current = units.join('');
  }
  if (current !== '' && checks < maxChecks) {
    checks++;
    if (await stillFails('')) current = '';
  }
  return { text: current, checks };
}
