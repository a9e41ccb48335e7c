/** Entry point of `npm run cohort` (tsx src/cli/cohort.ts ...). All logic is in run-cohort.ts so tests call it in-process. */
import { runCohort } from './run-cohort.js';

process.exitCode = await runCohort(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
});
