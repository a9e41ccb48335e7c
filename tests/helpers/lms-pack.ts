import { encodeServedPng, packToZip, parsePackManifest, type PackManifest } from '../../src/pack-format/index.js';

/**
 * A pack manifest (no images) with `n` cases: half real, half forged, the fakes cycling through a few techniques and
 * levels in pairs, so a matched post-test exists for a first attempt. Enough for selection tests.
 */
export function fakePack(n: number, seed: number): PackManifest {
  const recipes = [
    { techniqueId: 'pasted-lesion', level: 'obvious', artifactIds: ['A9', 'E1'] },
    { techniqueId: 'uniform-grain', level: 'subtle', artifactIds: ['T1'] },
    { techniqueId: 'checkerboard-grid', level: 'expert', artifactIds: ['F1'] },
    { techniqueId: 'straight-spine', level: 'subtle', artifactIds: ['A2'] },
  ] as const;
  const square = [{ x: 10, y: 10 }, { x: 20, y: 10 }, { x: 20, y: 20 }];
  const cases = Array.from({ length: n }, (_, i) => {
    const id = `c${String(i + 1).padStart(4, '0')}`;
    const r = recipes[Math.floor(i / 4) % recipes.length]!;
    const truth = i % 2 === 0
      ? { kind: 'authentic', authenticityCues: [] }
      : { kind: 'forged', recipe: [{ techniqueId: r.techniqueId, level: r.level, seed: seed + i }], tells: r.artifactIds.map((artifactId) => ({ artifactId, regions: [square], strength: 0.5, explanation: 'x', howToSee: 'y' })) };
    return {
      id, file: `images/${id}.png`, ...(truth.kind === 'forged' ? { original: `originals/${id}.png` } : {}), bodyPart: 'CHEST', view: 'PA',
      source: { sha256: 'a'.repeat(64), attribution: 'test', licence: 'CC0' }, truth, header: [], flags: [],
    };
  });
  return parsePackManifest({
    schemaVersion: 1, id: 'test-pack', title: 'Test pack', author: 'Tests', licence: 'CC0', description: '',
    createdWith: { tool: 'tests', version: '1' }, createdAt: '2026-01-01T00:00:00Z', seed,
    image: { format: 'png', width: 64, height: 64, bitsStored: 8 }, review: { flaggedCases: 0, reviewed: true },
    leakAudit: { threshold: 0.75, accepted: [], worstAuc: 0.5 }, cases,
  });
}

/** The same pack as a zip with its 64 x 64 8-bit PNGs, as `npm run pack` would write it (for the CLI tests). */
export async function fakePackZip(n: number, seed: number): Promise<Uint8Array> {
  const manifest = fakePack(n, seed);
  const files = new Map<string, Uint8Array>([['manifest.json', new TextEncoder().encode(JSON.stringify(manifest))]]);
  const png = await encodeServedPng({ width: 64, height: 64, data: new Uint16Array(64 * 64).fill(100), bitsStored: 8, windowCenter: 128, windowWidth: 256 });
  for (const c of manifest.cases) {
    files.set(c.file, png);
    if (c.original) files.set(c.original, png);
  }
  return packToZip(files);
}
