import { randomUUID } from 'node:crypto';
import { appendFile } from 'node:fs/promises';

/**
 * Appends step outputs to the runner's `$GITHUB_OUTPUT` file in its multi-line form
 * (`name<<DELIMITER`, value, `DELIMITER`), which is safe for any value.
 */
export async function appendOutputs(file: string, outputs: Record<string, string | number>): Promise<void> {
  let text = '';
  for (const [name, raw] of Object.entries(outputs)) {
    const value = String(raw);
    let delimiter = `ghadelimiter_${randomUUID()}`;
    while (value.includes(delimiter)) delimiter = `ghadelimiter_${randomUUID()}`;
    text += `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  }
  await appendFile(file, text);
}

/** Appends Markdown to the runner's `$GITHUB_STEP_SUMMARY` file (shown on the run's page). */
export async function appendStepSummary(file: string, markdown: string): Promise<void> {
  await appendFile(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
}
