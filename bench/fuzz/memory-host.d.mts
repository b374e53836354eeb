import type { FileHost } from '../../src/core/host.js';

/** An in-memory FileHost over absolute path → text; directories are implied by the paths. */
export declare function memoryHost(files: Record<string, string>): FileHost;
