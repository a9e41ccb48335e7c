import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compileWasm, moduleText, WASM_TARGETS } from '../../../src/cli/build-wasm.js';
import { filmPlanes, MAX_TUBE_NODES, paintTube, ScratchArena } from '../../../src/simulator/tube-memory.js';

/**
 * The tube painter is WebAssembly compiled from AssemblyScript (src/simulator/assembly/tube-paint.ts); its pixels are
 * pinned with the whole film's by the golden hashes in simulate-chest.test.ts. Here: the committed module is the
 * source's, and a plane outside the film's memory is painted as one inside it.
 */
const W = 96;
const H = 80;

function node(x: number, y: number, r: number, ri = 0): { x: number; y: number; r: number; g: number; ri: number; gi: number } {
  return { x, y, r, g: 1.1, ri, gi: ri > 0 ? 0.7 : 0 };
}

/** Plain, hollow and textured tubes, bending both ways and running both ways along x, two textures in turn. */
function paintAll(target: Float32Array, tiles: readonly Float32Array[]): void {
  const path = [node(5.3, 6.2, 3.1), node(40.2, 30.7, 4.4), node(70.1, 12.6, 2.2), node(88.4, 60.3, 5.2), node(20.5, 72.1, 3.3)];
  paintTube(target, W, H, path, 0.31, 0.31, undefined);
  const hollow = path.map((p, i) => ({ ...p, x: W - p.x, ri: p.r * 0.6, gi: 0.7 + 0.01 * i }));
  paintTube(target, W, H, hollow, 0.5, -0.17, undefined);
  for (let k = 0; k < 4; k++) {
    const tex = { data: tiles[k % 2] as Float32Array, size: 16, amp: 0.4, ox: 3 * k, oy: 5 };
    const ribs = path.map((p) => ({ ...p, y: p.y + 2 * k - 3, ri: p.r * 0.7, gi: 0.9 }));
    paintTube(target, W, H, ribs, 0.2, 0.45, tex);
  }
}

describe('the WebAssembly tube painter', () => {
  it.each(WASM_TARGETS.map((t) => [t.module, t] as const))('%s is the committed build of its AssemblyScript source (npm run build:wasm writes it)', async (_, target) => {
    const bytes = await compileWasm(target);
    expect(readFileSync(target.module, 'utf8')).toBe(moduleText(target, bytes));
  });

  it('paints a plane outside the film\'s memory as it paints the film\'s own planes', () => {
    const tiles = [0, 1].map((s) => Float32Array.from({ length: 256 }, (_, i) => Math.sin(i * 0.37 + s) * 0.5));
    const { B } = filmPlanes(W * H, 64);
    paintAll(B, tiles);
    const plain = new Float32Array(W * H);
    paintAll(plain, tiles);
    expect(plain.some((v) => v !== 0)).toBe(true);
    expect(Array.from(plain)).toEqual(Array.from(B));
    // A second film's planes start at zero.
    const next = filmPlanes(W * H, 64);
    expect(next.B.every((v) => v === 0) && next.V.every((v) => v === 0)).toBe(true);
  });

  it('reads each tube\'s own texture when films alternate tiles', () => {
    const tiles = [0, 1, 2].map((s) => Float32Array.from({ length: 256 }, (_, i) => Math.cos(i * (0.21 + 0.1 * s)) * 0.6));
    const path = [node(8.5, 9.5, 6.1, 4.2), node(60.5, 40.5, 7.3, 5.1), node(30.5, 70.5, 5.2, 3.3)];
    const paintWith = (tile: Float32Array): Float32Array => {
      const p = new Float32Array(W * H);
      paintTube(p, W, H, path, 0.2, 0.5, { data: tile, size: 16, amp: 0.8, ox: 1, oy: 2 });
      return p;
    };
    const first = tiles.map(paintWith);
    expect(Array.from(first[0] as Float32Array)).not.toEqual(Array.from(first[1] as Float32Array));
    // In another order, after the slots have been taken by the other tiles, each still reads its own.
    for (const k of [1, 0, 2, 0, 1]) expect(Array.from(paintWith(tiles[k] as Float32Array))).toEqual(Array.from(first[k] as Float32Array));
  });

  it('refuses a tube longer than it holds, and a texture larger than its slots, saying so', () => {
    const plane = new Float32Array(W * H);
    const long = Array.from({ length: MAX_TUBE_NODES + 1 }, (_, i) => node(i % W, 10, 1));
    expect(() => paintTube(plane, W, H, long, 1, 1, undefined)).toThrow(/more than the painter holds/);
    const big = { data: new Float32Array(1024 * 1024), size: 1024, amp: 1, ox: 0, oy: 0 };
    expect(() => paintTube(plane, W, H, [node(1, 1, 2), node(9, 9, 2)], 1, 1, big)).toThrow(/larger than the painter holds/);
  });
});

describe('a film\'s memory', () => {
  it('holds the counts plane and a scratch after the zeroed planes, hands the scratch out aligned, and refuses past its end', () => {
    const planes = filmPlanes(W * H, 64, 100);
    expect(planes.counts.length).toBe(W * H);
    expect(planes.counts.buffer).toBe(planes.B.buffer);
    expect(planes.counts.byteOffset).toBeGreaterThanOrEqual((planes.coarse[5] as Float32Array).byteOffset + 64 * 4);
    expect(planes.scratchAt % 8).toBe(0);
    expect(planes.scratchAt).toBeGreaterThanOrEqual(planes.counts.byteOffset + 4 * W * H);
    const arena = new ScratchArena(planes);
    const a = arena.f32(3);
    const b = arena.f64(4);
    expect(b.byteOffset % 8).toBe(0);
    expect(b.byteOffset).toBeGreaterThanOrEqual(a.byteOffset + 12);
    // Arrays are rounded up to 8 bytes: 16 + 32 taken of 100, then 48 for 24 u16, and nothing more fits.
    expect(() => new ScratchArena(planes).f32(24)).not.toThrow();
    expect(() => new ScratchArena(planes).f32(25)).toThrow(/scratch \(100 bytes\) is too small/);
    expect(() => arena.u16(24)).not.toThrow();
    expect(() => arena.f32(1)).toThrow(/scratch \(100 bytes\) is too small/);
  });
});
