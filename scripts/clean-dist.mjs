#!/usr/bin/env node
// Run before `npm pack` / `npm publish` (the `prepack` script): removes dist/ so the `prepare`
// build that follows starts empty, and no output of a since-deleted source file is shipped.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

rmSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'dist'), { recursive: true, force: true });
