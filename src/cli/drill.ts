/** Entry point of `npm run drill` (tsx src/cli/drill.ts ...). All logic is in run-drill.ts so tests call it in-process. */
import { runDrill } from './run-drill.js';

process.exitCode = await runDrill(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
});
