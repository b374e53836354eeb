import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../src/core/finding.js';
import { CONFIG_FILE_NAMES } from '../../src/core/config-files.js';
import { lint } from '../../src/project/lint.js';
import type { Rule } from '../../src/engine/rule.js';

/**
 * The full findings (message, severity, related locations, fix) of `rule` on one fixture case,
 * linted as the fixture runner lints it: its own hoplint.config.yaml or none, paths relative to it.
 */
export async function ruleFindingsIn(rule: Rule<object>, caseDir: string): Promise<Finding[]> {
  const configFile = CONFIG_FILE_NAMES.map((name) => join(caseDir, name)).find((path) => existsSync(path));
  const result = await lint({ cwd: caseDir, paths: ['.'], ...(configFile ? { configFile } : { noConfig: true }), extraRules: [rule], shippedRules: false, gitignore: false });
  return result.findings.filter((finding) => finding.ruleId === rule.meta.id);
}
