/**
 * The built game for a module zip: a folder given with --game, else dist/ when it is newer than everything it is
 * built from, else a fresh Vite build into a temporary folder (the same programmatic build as
 * tests/e2e/global-setup.ts). Returned as a map of relative path -> bytes.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { inputError } from './errors.js';

export function readFolder(dir: string): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) out.set(relative(dir, p).split('\\').join('/'), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

function newestMtime(paths: readonly string[]): number {
  let newest = 0;
  const visit = (p: string): void => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) for (const n of readdirSync(p)) visit(join(p, n));
    else newest = Math.max(newest, st.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

/** dist/ is fresh when its index.html is newer than the sources, the page, the config, the assets and the lock file. */
export function isDistFresh(root: string): boolean {
  const index = join(root, 'dist', 'index.html');
  if (!existsSync(index)) return false;
  const inputs = ['src', 'index.html', 'vite.config.ts', 'assets', 'package-lock.json'].map((p) => join(root, p));
  return statSync(index).mtimeMs > newestMtime(inputs);
}

export async function gameFiles(root: string, given: string | null, log: (line: string) => void): Promise<Map<string, Uint8Array>> {
  if (given !== null) {
    if (!existsSync(join(given, 'index.html'))) throw inputError(`--game ${given}: no index.html there. Point it at a built game (the dist/ folder of 'npm run build').`);
    return readFolder(given);
  }
  if (isDistFresh(root)) {
    log('Using the game in dist/ (newer than its sources).');
    return readFolder(join(root, 'dist'));
  }
  log('Building the game (vite build)...');
  const out = mkdtempSync(join(tmpdir(), 'xray-lms-game-'));
  try {
    const { build } = await import('vite');
    await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
    return readFolder(out);
  } catch (e) {
    throw inputError(`The game build failed (${e instanceof Error ? e.message : String(e)}). Run 'npm run build' to see why, then package again.`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
