import type { Connection } from 'vscode-languageserver';

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export type Guard = <P, R>(name: string, fallback: R, handler: (params: P) => R | Promise<R>) => (params: P) => Promise<R>;

/** Wraps handlers so that an exception is logged to the client and the fallback answered: never fatal. */
export function guardWith(connection: Connection): Guard {
  return (name, fallback, handler) => async (params) => {
    try {
      return await handler(params);
    } catch (error) {
      connection.console.error(`hoplint: ${name} failed: ${describeError(error)}`);
      return fallback;
    }
  };
}
