/**
 * Entry point of `npm run pack` (tsx src/cli/pack.ts ...). All logic is in run-pack.ts so tests call it in-process.
 */
import { runPack } from './run-pack.js';

process.exitCode = await runPack(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTty: process.stderr.isTTY === true,
  onInterrupt: (handler) => {
    const stop = (): void => {
      handler();
      process.exit(130);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    };
  },
});
