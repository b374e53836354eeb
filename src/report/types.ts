import type { LintResult } from '../project/lint.js';

export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export interface FormatContext {
  /** ANSI colours (stylish only). */
  color: boolean;
  /** hoplint's version, for SARIF's tool.driver. */
  version: string;
}

/** Renders a lint result as the text written to stdout or --output. */
export type Formatter = (result: LintResult, context: FormatContext) => string;
