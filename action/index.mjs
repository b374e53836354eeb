// Entry point of the GitHub Action (action.yml runs it after building dist/ from this checkout).
// The action's logic lives in src/action/ and is compiled with the rest of hoplint.
import { runAction } from '../dist/src/action/run.js';

process.exitCode = await runAction({ stdout: process.stdout, env: process.env, cwd: process.cwd() });
