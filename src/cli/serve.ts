/**
 * Entry point of `npm start` after the build: serves dist/ on loopback as a static host would (static-host.ts).
 *   node --import tsx src/cli/serve.ts [--port 4173] [--host 127.0.0.1] [--dir dist]
 */
import { serveStatic } from './static-host.js';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? (args[i + 1] as string) : fallback;
};
const port = Number(opt('port', '4173'));
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  process.stderr.write(`--port must be a whole number from 1 to 65535, got "${opt('port', '')}".\n`);
  process.exit(1);
}
serveStatic(opt('dir', 'dist'), { host: opt('host', '127.0.0.1'), port })
  .then((host) => {
    process.stdout.write(`The game is served at ${host.url} (Ctrl-C stops it).\n`);
    const stop = (): void => void host.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  })
  .catch((e: unknown) => {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(2);
  });
