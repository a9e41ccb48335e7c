import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { build } from 'vite';
import { runLms } from '../../src/cli/index.js';
import { Cmi5Lrs } from './cmi5-lrs.js';

/**
 * A small LMS on loopback for the browser tests, reusable by the module's final test:
 * - `/pkg/...` serves an unpacked module zip (and the test launch page, built into `pkg/lms-test/`);
 * - `/harness/scorm.html?standard=scorm12|scorm2004&launch=<url>` is the LMS player page: it creates window.API or
 *   window.API_1484_11 with scorm-again (a maintained LMS-side runtime), loads the launch URL in an iframe, and
 *   commits to `/lms/commit` (sync XHR, as scorm-again does by default). `&resume=1` starts a new session from the
 *   last committed data, as an LMS does when the learner comes back (entry=resume after exit=suspend);
 * - `/cmi5/...` and `/xapi/...` are the cmi5 LMS and LRS fixture (cmi5-lrs.ts).
 * What the LMS recorded is read from the server (commits) and from the player page's event log (every SetValue).
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.xml': 'application/xml',
  '.xsd': 'application/xml', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff': 'font/woff', '.woff2': 'font/woff2',
};

export interface ScormCommit {
  readonly cmi: Record<string, unknown>;
}

export class LmsHarness {
  readonly commits: ScormCommit[] = [];
  readonly lrs: Cmi5Lrs;
  private constructor(private readonly server: Server, readonly origin: string, readonly packageDir: string) {
    this.lrs = new Cmi5Lrs(origin);
  }

  static async start(packageDir: string): Promise<LmsHarness> {
    let harness: LmsHarness | null = null;
    const server = createServer((req, res) => {
      harness?.handle(req, res).catch((e: unknown) => {
        res.writeHead(500).end(String(e));
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('LmsHarness: no TCP address');
    harness = new LmsHarness(server, `http://127.0.0.1:${address.port}`, packageDir);
    return harness;
  }

  /** The player page URL for a SCORM launch of `launch` (a path under /pkg/). */
  scormPlayerUrl(standard: 'scorm12' | 'scorm2004', launch: string, opts: { resume?: boolean; learnerId?: string; learnerName?: string; mastery?: string } = {}): string {
    const q = new URLSearchParams({ standard, launch, learnerId: opts.learnerId ?? 'r-0042', learnerName: opts.learnerName ?? 'Kowalski, Łukasz' });
    if (opts.resume) q.set('resume', '1');
    if (opts.mastery !== undefined) q.set('mastery', opts.mastery);
    return `${this.origin}/harness/scorm.html?${q}`;
  }

  get lastCommit(): Record<string, unknown> {
    const c = this.commits.at(-1);
    if (!c) throw new Error('LmsHarness: nothing was committed');
    return c.cmi;
  }

  async close(): Promise<void> {
    await new Promise<void>((ok) => this.server.close(() => ok()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const body = req.method === 'GET' || req.method === 'HEAD' ? '' : await readBody(req);
    if (url.pathname === '/lms/commit' && req.method === 'POST') {
      this.commits.push(JSON.parse(body) as ScormCommit);
      return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ result: true, errorCode: 0 }));
    }
    if (url.pathname === '/lms/saved') {
      return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(this.commits.at(-1)?.cmi ?? null));
    }
    if (url.pathname === '/harness/scorm.html') return void res.writeHead(200, { 'Content-Type': TYPES['.html'] }).end(readFileSync(resolve('tests/helpers/lms-player.html')));
    if (url.pathname.startsWith('/vendor/scorm-again/')) return this.file(res, resolve('node_modules/scorm-again/dist'), url.pathname.slice('/vendor/scorm-again/'.length));
    if (url.pathname.startsWith('/pkg/')) return this.file(res, this.packageDir, decodeURIComponent(url.pathname.slice(5)));
    if (this.lrs.handles(url)) return this.lrs.handle(req, res, url, body);
    res.writeHead(404).end('not found');
  }

  private file(res: ServerResponse, root: string, rel: string): void {
    const path = normalize(join(root, rel));
    if (!path.startsWith(root) || !existsSync(path) || !statSync(path).isFile()) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    createReadStream(path).pipe(res);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

/**
 * Packages a module with the real CLI (`npm run lms -- package`, on the game built in dist/ by the browser tests'
 * global setup), unpacks it and builds the test launch page into `lms-test/` beside the game (unless
 * `withTestLaunchPage: false`, for a test of the real module screens through the package's own launch).
 */
export async function preparePackage(standard: 'scorm12' | 'scorm2004' | 'cmi5', args: readonly string[], opts: { withTestLaunchPage?: boolean } = {}): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), `lms-${standard}-`));
  const zip = join(work, 'module.zip');
  let err = '';
  const code = await runLms(['package', '--standard', standard, '--game', resolve('dist'), '--out', zip, ...args], { stdout: () => undefined, stderr: (t) => void (err += t) });
  if (code !== 0) throw new Error(`preparePackage: npm run lms -- package failed (${code}): ${err}`);
  const dir = join(work, 'pkg');
  for (const [p, bytes] of Object.entries(unzipSync(readFileSync(zip)))) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), bytes);
  }
  if (opts.withTestLaunchPage === false) return dir; // the real module screens: launch '/pkg/index.html?module=module.json'
  await build({ configFile: false, root: resolve('tests/e2e/lms-fixture'), base: './', logLevel: 'warn', build: { outDir: join(dir, 'lms-test'), emptyOutDir: true, target: 'es2022' }, worker: { format: 'es' } });
  return dir;
}

/** The launch of the test page inside the package (module.json one folder up). */
export const TEST_LAUNCH = '/pkg/lms-test/index.html?module=../module.json';
