/**
 * Entry point of `npm run simulate` (tsx src/cli/simulate.ts ...). All logic is in run-simulate.ts so tests can call
 * it in-process; this file only connects it to the real process.
 */
import { nodeIo } from './io.js';
import { runSimulate } from './run-simulate.js';

process.exitCode = runSimulate(process.argv.slice(2), nodeIo());
