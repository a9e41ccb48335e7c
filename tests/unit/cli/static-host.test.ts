import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../../src/cli/static-host.js';

/** One GET with the headers given; the body as sent (not decoded). */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

describe('the static host of npm start and the page bench', () => {
  const dist = mkdtempSync(join(tmpdir(), 'host-test-'));
  mkdirSync(join(dist, 'assets'));
  const js = `export const x = ${JSON.stringify('a'.repeat(5000))};\n`;
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(dist, 'assets', 'main.js'), js);
  writeFileSync(join(dist, 'assets', 'film.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('serves files compressed ahead with an ETag, revalidates, leaves the build untouched and removes its copy', async () => {
    const host = await serveStatic(dist);
    try {
      const r = await get(`${host.url}assets/main.js`, { 'accept-encoding': 'gzip, br' });
      expect(r.status).toBe(200);
      expect(r.headers['content-encoding']).toBe('gzip');
      expect(r.headers['cache-control']).toBe('no-cache');
      expect(Number(r.headers['content-length'])).toBe(r.body.length);
      expect(gunzipSync(r.body).toString()).toBe(js);
      const again = await get(`${host.url}assets/main.js`, { 'accept-encoding': 'gzip', 'if-none-match': String(r.headers.etag) });
      expect(again.status).toBe(304);
      const plain = await get(`${host.url}assets/main.js`);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString()).toBe(js);
      const png = await get(`${host.url}assets/film.png`, { 'accept-encoding': 'gzip' });
      expect(png.headers['content-encoding']).toBeUndefined();
      expect((await get(host.url)).body.toString()).toContain('<title>t</title>');
      expect((await get(`${host.url}nothing.js`)).status).toBe(404);
      expect(existsSync(join(dist, 'assets', 'main.js.gz')), 'the build is not written to').toBe(false);
    } finally {
      await host.close();
    }
    expect(existsSync(host.dir)).toBe(false);
  });

  it('says what to do when the build is missing or the port is taken', async () => {
    await expect(serveStatic(join(dist, 'missing'))).rejects.toThrow(/is not a folder: build the game first \(npm run build\)/);
    const first = await serveStatic(dist);
    try {
      const port = Number(new URL(first.url).port);
      await expect(serveStatic(dist, { port })).rejects.toThrow(`Port ${port} is in use: stop what serves it, or give another port (--port 4174).`);
    } finally {
      await first.close();
    }
  });
});
