import { readdirSync, readFileSync, statSync } from 'node:fs';
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
  casepack: ['domain', 'imaging', 'simulator', 'forgery'],
  store: ['domain', 'casepack'],
  audio: ['domain'],
  persistence: ['domain', 'casepack'],
  viewer: ['domain', 'imaging', 'casepack', 'store'],
  ui: ['domain', 'imaging', 'casepack', 'store', 'viewer', 'audio', 'persistence'],
  scenes: ['domain', 'imaging', 'casepack', 'store', 'viewer', 'audio', 'ui'],
  // The command-line tools run in Node only; nothing imports them.
  cli: ['domain', 'imaging', 'simulator', 'forgery', 'casepack'],
};
const PURE = new Set(['domain', 'imaging', 'simulator', 'forgery']);
/** Folders whose index.ts is the only door: other folders import nothing else from them. */
const INDEX_ONLY = new Set(['simulator']);
const PURE_PACKAGES_ALLOWED = new Set(['zod']);
const PACKAGE_OWNERS: Record<string, readonly string[]> = {
  phaser: ['scenes', 'main'],
  'cornerstone-core': ['viewer', 'main'],
  howler: ['audio'],
  zustand: ['store'],
  idb: ['persistence'],
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

  it('other folders reach the simulator only through its index.ts', () => {
    const bad: string[] = [];
    for (const f of all) {
      const layer = layerOf(f);
      for (const spec of importsOf(f)) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(f), spec);
        const targetLayer = layerOf(target);
        if (targetLayer === layer || !INDEX_ONLY.has(targetLayer)) continue;
        if (relative(join(SRC, targetLayer), target).replace(/\.js$/, '') !== 'index') bad.push(`${relative(SRC, f)} imports ${spec}`);
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
        if (PURE.has(layer) && !PURE_PACKAGES_ALLOWED.has(pkg)) bad.push(`${relative(SRC, f)} (pure) imports ${spec}`);
        const owners = PACKAGE_OWNERS[pkg];
        if (owners && !owners.includes(layer)) bad.push(`${relative(SRC, f)} imports ${spec}; only ${owners.join(', ')} may`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('pure layers never mention the DOM globals', () => {
    const bad = all
      .filter((f) => PURE.has(layerOf(f)))
      .filter((f) => /\b(document|window|navigator|localStorage)\.\w/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    expect(bad).toEqual([]);
  });

  it('every top folder has an index.ts and a README', () => {
    for (const layer of Object.keys(ALLOWED)) {
      expect(statSync(join(SRC, layer, 'README.md')).isFile(), `${layer}/README.md`).toBe(true);
      expect(statSync(join(SRC, layer, 'index.ts')).isFile(), `${layer}/index.ts`).toBe(true);
    }
  });

  it('no source file grows past 400 lines', () => {
    const long = all.map((f) => [relative(SRC, f), readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n > 400);
    expect(long).toEqual([]);
  });
});
