import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layer rule of shared/design/architecture.md: a folder may import only folders below it, and the pure layers
 * import no DOM, Phaser, Cornerstone, Howler or zustand. This test reads every import in src/ and fails on a
 * forbidden one, naming the file and the import.
 */
const SRC = resolve('src');
import { ALLOWED, BROWSER_ONLY, PACKAGE_OWNERS, PURE, PURE_PACKAGES_ALLOWED, biomeConfig } from '../tools/layers.js';

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

/** A file's folder under src/; the page's own files at the top (boot.ts, main.ts) are the composition root, 'main'. */
const layerOf = (file: string): string => {
  const parts = relative(SRC, file).split(/[\\/]/);
  return parts.length === 1 ? 'main' : (parts[0] ?? '');
};

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

describe('the lint configuration', () => {
  it('.biome.json restricts the same imports as the layer table (regenerate with `node --import tsx tests/tools/layers.ts --write`)', () => {
    expect(JSON.parse(readFileSync('.biome.json', 'utf8'))).toEqual(biomeConfig());
  });
});
