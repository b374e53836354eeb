export interface Palette {
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

const ANSI: Palette = { red: wrap(31, 39), yellow: wrap(33, 39), cyan: wrap(36, 39), dim: wrap(2, 22), bold: wrap(1, 22), underline: wrap(4, 24) };
const identity = (text: string) => text;
const PLAIN: Palette = { red: identity, yellow: identity, cyan: identity, dim: identity, bold: identity, underline: identity };

export function palette(color: boolean): Palette {
  return color ? ANSI : PLAIN;
}

/**
 * Colour only for a terminal, and never when the user opted out (`--no-color`, the NO_COLOR
 * convention, https://no-color.org) or asked for it explicitly (`--color`, FORCE_COLOR).
 */
export function shouldColor(options: { flag?: boolean; isTTY?: boolean; env: NodeJS.ProcessEnv; toFile: boolean }): boolean {
  if (options.flag !== undefined) return options.flag;
  if (options.env.NO_COLOR !== undefined && options.env.NO_COLOR !== '') return false;
  if (options.env.FORCE_COLOR !== undefined && options.env.FORCE_COLOR !== '0' && options.env.FORCE_COLOR !== 'false') return !options.toFile;
  return !options.toFile && options.isTTY === true && options.env.TERM !== 'dumb';
}
