/**
 * A problem with how hoplint was invoked or configured (bad flag, invalid config file, unknown
 * rule id). The CLI prints its message on one line and exits 2; no stack trace.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A usage error at a position in a config file: rendered `file:line:column: message`. */
export class ConfigError extends UsageError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}:${column}: ${detail}`);
  }
}
