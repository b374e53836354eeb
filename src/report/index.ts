import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { FormatName, Formatter } from './types.js';

export { FORMAT_NAMES, type FormatContext, type FormatName, type Formatter } from './types.js';
export { summarize, type Summary } from './summary.js';

export const FORMATTERS: Record<FormatName, Formatter> = { stylish, json, sarif, github, junit };
