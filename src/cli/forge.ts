/**
 * Entry point of `npm run forge` (tsx src/cli/forge.ts ...). All logic is in run-forge.ts so tests can call it
 * in-process; this file only connects it to the real process.
 */
import { nodeIo } from './io.js';
import { runForge } from './run-forge.js';

process.exitCode = await runForge(process.argv.slice(2), nodeIo());
