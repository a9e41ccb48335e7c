/**
 * The pack command's worker threads load job-worker.ts as one JavaScript file bundled by esbuild when the build
 * starts, not as ~200 TypeScript modules through tsx, whose per-file loading cost dominates a thread's start (figures
 * in README.md). Packages stay external (the codecs find their .wasm beside them), so
 * the bundle is written under node_modules/.cache, where Node resolves them. Named by its content: concurrent builds
 * write the same file. Any failure falls back to the TypeScript entry; the build is only slower.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const CACHE = join(HERE, '..', '..', 'node_modules', '.cache', 'xray-trainer');
const STALE_MS = 24 * 3600 * 1000;

/** The entry a pack worker thread should run: the bundle when it could be made, else the tsx boot. */
export async function jobWorkerEntry(): Promise<URL> {
  try {
    const { build } = await import('esbuild');
    const out = await build({
      entryPoints: [join(HERE, 'job-worker.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external',
      write: false, logLevel: 'silent',
    });
    const code = out.outputFiles[0]?.contents;
    if (!code) throw new Error('esbuild wrote nothing');
    const name = `job-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
    const path = join(CACHE, name);
    mkdirSync(CACHE, { recursive: true });
    if (!exists(path)) {
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, code);
      renameSync(tmp, path); // whole or absent, whichever build wrote it
    }
    dropStale(name);
    return pathToFileURL(path);
  } catch {
    return new URL('./job-worker-boot.mjs', import.meta.url);
  }
}

function exists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Bundles of older sources, left by earlier builds (a day old, so no running build still starts threads from one). */
function dropStale(keep: string): void {
  for (const f of readdirSync(CACHE)) {
    if (f === keep || !f.startsWith('job-worker-')) continue;
    const p = join(CACHE, f);
    try {
      if (Date.now() - statSync(p).mtimeMs > STALE_MS) rmSync(p, { force: true });
    } catch {
      // another build removed it first
    }
  }
}
