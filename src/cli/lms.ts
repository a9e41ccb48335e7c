/** Entry point of `npm run lms` (tsx src/cli/lms.ts ...). All logic is in run-lms.ts so tests call it in-process. */
import { runLms } from './run-lms.js';

process.exitCode = await runLms(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
});
