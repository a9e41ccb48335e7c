/**
 * The built game served as a static host or CDN serves it: each text file compressed once ahead (gzip, as nginx's
 * `gzip_static` or a CDN's cache serves it), with an ETag and `Cache-Control: no-cache`, so a return visit revalidates.
 * `vite preview` compresses every response again as it is asked for, on the cores the page loads on; a reader's CPU
 * never pays for the server's work. Used by `npm start` (serve.ts) and `npm run bench -- page`. The files are served
 * by sirv (its precompressed `.gz` lookup) from a copy of the build, so the build itself stays as Vite wrote it (the
 * module builder packages exactly its files).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';

const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.svg', '.wasm', '.map', '.txt', '.xml']);

export interface StaticHost {
  readonly url: string;
  /** The served copy of the build: a file written here later is served as it is (uncompressed). */
  readonly dir: string;
  close(): Promise<void>;
}

/** Serves a copy of `dist` on `host` (loopback unless told) and `port` (0: any free one). */
export async function serveStatic(dist: string, at: { readonly host?: string; readonly port?: number } = {}): Promise<StaticHost> {
  if (!statSync(dist, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`${dist} is not a folder: build the game first (npm run build).`);
  const dir = mkdtempSync(join(tmpdir(), 'xray-host-'));
  cpSync(dist, dir, { recursive: true });
  const compress = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) compress(p);
      else if (COMPRESSIBLE.has(extname(p))) writeFileSync(`${p}.gz`, gzipSync(readFileSync(p), { level: 9 }));
    }
  };
  compress(dir);
  // dev: files are looked up as asked (the bench writes pages into the copy later); the ETag makes a visit revalidate.
  const files = sirv(dir, { etag: true, gzip: true, dev: true, setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') });
  const server: Server = createServer((req, res) => files(req, res, () => {
    res.statusCode = 404;
    res.end();
  }));
  const host = at.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(at.port ?? 0, host, resolve);
    });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(code === 'EADDRINUSE'
      ? `Port ${at.port} is in use: stop what serves it, or give another port (--port 4174).`
      : `Cannot serve on ${host}:${at.port ?? 0}: ${(e as Error).message}`);
  }
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('static host: the server has no TCP address');
  return {
    url: `http://${host}:${addr.port}/`,
    dir,
    close: () => new Promise<void>((r) => server.close(() => {
      rmSync(dir, { recursive: true, force: true });
      r();
    })),
  };
}
