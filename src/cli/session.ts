/** Entry point of `npm run session` (tsx src/cli/session.ts ...). All logic is in run-session.ts so tests call it in-process. */
import { runSession } from './run-session.js';

process.exitCode = await runSession(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
});
