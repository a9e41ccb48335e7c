import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layer rule of shared/design/architecture.md: a folder may import only folders below it, and the pure layers
 * import no DOM, Phaser, Cornerstone, Howler or zustand. This test reads every import in src/ and fails on a
 * forbidden one, naming the file and the import.
 */
const SRC = resolve('src');
const ALLOWED: Record<string, readonly string[]> = {
  domain: [],
  imaging: ['domain'],
  simulator: ['domain', 'imaging'],
  forgery: ['domain', 'imaging'],
  lenses: ['domain', 'imaging'],
  'pack-format': ['domain', 'imaging', 'forgery'],
  authoring: ['domain', 'imaging', 'forgery', 'pack-format'],
  decks: ['domain', 'imaging', 'simulator', 'forgery', 'pack-format'],
  store: ['domain'],
  // CME modules for LMSs: module definition, case selection, LMS adapters, manifests, certificate.
  lms: ['domain', 'pack-format', 'decks'],
  audio: ['domain'],
  persistence: ['domain', 'pack-format', 'store'],
  viewer: ['domain', 'imaging'],
  presenters: ['domain', 'lenses', 'store', 'viewer'],
  input: ['domain', 'lenses', 'store', 'authoring'],
  directors: ['domain', 'lenses', 'decks', 'store', 'audio', 'persistence', 'viewer', 'presenters'],
  app: ['domain', 'imaging', 'forgery', 'lenses', 'pack-format', 'authoring', 'decks', 'store', 'audio', 'persistence', 'viewer', 'presenters', 'input', 'directors', 'lms'],
  scenes: ['domain', 'lenses', 'decks', 'store', 'viewer', 'presenters', 'input'],
  // The command-line tools run in Node only; nothing imports them.
  cli: ['domain', 'imaging', 'simulator', 'forgery', 'pack-format', 'authoring', 'decks', 'lms'],
};
/** Pure layers: no DOM, no engines; typechecked without the DOM lib (src/tsconfig.pure.json). */
const PURE = new Set(['domain', 'imaging', 'simulator', 'forgery', 'lenses']);
/** Browser-only entry points inside a pure folder (they talk to Web Workers). */
const BROWSER_ONLY = /(\.worker\.ts|-service\.ts)$/;
// zod for schemas; stdlib's distribution functions for the reader-study statistics (domain/study).
const PURE_PACKAGES_ALLOWED = new Set(['zod', '@stdlib/stats-base-dists-f-cdf', '@stdlib/stats-base-dists-t-quantile', '@stdlib/stats-base-dists-chisquare-cdf']);
const PACKAGE_OWNERS: Record<string, readonly string[]> = {
  phaser: ['scenes', 'main'],
  'cornerstone-core': ['viewer', 'main'],
  howler: ['audio'],
  zustand: ['store'],
  idb: ['persistence'],
  '@xapi/cmi5': ['lms'],
  'pdf-lib': ['lms'],
  '@pdf-lib/fontkit': ['lms'],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(f) ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    out.push((m[1] ?? m[2]) as string);
  }
  return out;
}

const layerOf = (file: string): string => relative(SRC, file).split(/[\\/]/)[0]?.replace(/\.ts$/, '') ?? '';

describe('layer boundaries', () => {
  const all = files(SRC);
  it('finds the source tree', () => {
    expect(all.length).toBeGreaterThan(20);
  });

  it('no folder imports a folder above it or beside it', () => {
    const bad: string[] = [];
    for (const f of all) {
      const layer = layerOf(f);
      if (layer === 'main') continue;
      for (const spec of importsOf(f)) {
        if (!spec.startsWith('.')) continue;
        const target = layerOf(resolve(dirname(f), spec));
        if (target === layer) continue;
        if (!(ALLOWED[layer] ?? []).includes(target)) bad.push(`${relative(SRC, f)} imports ${spec} (${layer} -> ${target})`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('other folders import a folder only through its index.ts, its public face', () => {
    const bad: string[] = [];
    for (const f of all) {
      const layer = layerOf(f);
      if (layer === 'main') continue;
      for (const spec of importsOf(f)) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(f), spec);
        const targetLayer = layerOf(target);
        if (targetLayer === layer) continue;
        if (relative(join(SRC, targetLayer), target) !== 'index.js') bad.push(`${relative(SRC, f)} imports ${spec}: import '${targetLayer}/index.js' instead`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('pure layers import no packages but schema validation, and engines stay in their adapters', () => {
    const bad: string[] = [];
    for (const f of all) {
      const layer = layerOf(f);
      for (const spec of importsOf(f)) {
        if (spec.startsWith('.')) continue;
        const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] as string);
        if (PURE.has(layer) && !BROWSER_ONLY.test(f) && !PURE_PACKAGES_ALLOWED.has(pkg)) bad.push(`${relative(SRC, f)} (pure) imports ${spec}`);
        const owners = PACKAGE_OWNERS[pkg];
        if (owners && !owners.includes(layer)) bad.push(`${relative(SRC, f)} imports ${spec}; only ${owners.join(', ')} may`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('pure layers never mention the DOM globals', () => {
    const bad = all
      .filter((f) => PURE.has(layerOf(f)) && !BROWSER_ONLY.test(f))
      .filter((f) => /\b(document|window|navigator|localStorage)\.\w/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    expect(bad).toEqual([]);
  });

  it('every top folder is in the layer table and has an index.ts and a README', () => {
    const folders = readdirSync(SRC).filter((f) => statSync(join(SRC, f)).isDirectory());
    expect(folders.filter((f) => !(f in ALLOWED)), 'folders missing from the layer table').toEqual([]);
    for (const layer of folders) {
      expect(existsSync(join(SRC, layer, 'README.md')), `${layer}/README.md`).toBe(true);
      expect(existsSync(join(SRC, layer, 'index.ts')), `${layer}/index.ts`).toBe(true);
    }
  });

  it('no source file grows past 400 lines', () => {
    const long = all.map((f) => [relative(SRC, f), readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n > 400);
    expect(long).toEqual([]);
  });
});
