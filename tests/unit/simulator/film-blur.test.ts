import { describe, expect, it } from 'vitest';
import { gaussianBlur } from '../../../src/imaging/index.js';
import { blurPlane, wrapBlurTile } from '../../../src/simulator/film-blur.js';

/**
 * The film's blurs run their box passes in WebAssembly (src/simulator/assembly/film-blur.ts); imaging's gaussianBlur
 * keeps the JavaScript passes for the lenses and the forgeries. Both must make the same pixels, bit for bit, or a
 * film would differ from the one its seed promises (the golden hashes in simulate-chest.test.ts pin whole films).
 */
function plane(n: number, seed: number): Float32Array {
  let s = seed >>> 0;
  return Float32Array.from({ length: n }, () => {
    s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
    return (s / 2 ** 32) * 120 - 20;
  });
}

describe('the film blur in WebAssembly', () => {
  const sizes = [[1, 1], [1, 9], [9, 1], [3, 3], [17, 5], [64, 48], [301, 207]] as const;
  const sigmas = [0.2, 0.31, 0.6, 1, 2.25, 6, 12.5, 40];

  it('makes imaging\'s gaussianBlur pixels bit for bit, down to one-pixel planes and radii beyond the plane', () => {
    let k = 0;
    for (const [w, h] of sizes) {
      for (const sigma of sigmas) {
        const src = plane(w * h, ++k);
        const js = src.slice();
        gaussianBlur(js, w, h, sigma);
        const wasm = src.slice();
        blurPlane(wasm, w, h, sigma);
        expect({ w, h, sigma, same: js.every((v, i) => Object.is(v, wasm[i])) }).toEqual({ w, h, sigma, same: true });
      }
    }
    // The check can fail: a blur is not the identity on these planes.
    const src = plane(64 * 48, 99);
    const out = src.slice();
    blurPlane(out, 64, 48, 2);
    expect(out.some((v, i) => v !== src[i])).toBe(true);
  });

  it('grows its memory for a larger plane after a smaller one, and keeps working on the smaller', () => {
    for (const [w, h] of [[40, 30], [900, 700], [40, 30]] as const) {
      const src = plane(w * h, w);
      const js = src.slice();
      gaussianBlur(js, w, h, 3);
      const wasm = src.slice();
      blurPlane(wasm, w, h, 3);
      expect(Array.from(wasm)).toEqual(Array.from(js));
    }
  });

  it('refuses a plane whose length is not its width times its height, saying so', () => {
    expect(() => blurPlane(new Float32Array(10), 4, 3, 2)).toThrow(/4 x 3 plane has 12 values, not 10/);
  });

  it('blurs the trabecular tile periodically: a point at a corner spreads across the edges, symmetrically, keeping its mass', () => {
    const n = 32;
    const tile = new Float32Array(n * n);
    tile[0] = 1;
    wrapBlurTile(tile, n, 2);
    const at = (x: number, y: number): number => tile[((y + n) % n) * n + ((x + n) % n)] as number;
    // Three passes of radius 2 each way reach 6 pixels, across the wrap as well as inside the tile.
    expect(at(-6, 0)).toBeGreaterThan(0);
    expect(at(-7, 0)).toBe(0);
    expect(at(-3, -2)).toBeCloseTo(at(3, 2), 7);
    expect(at(-1, 4)).toBeCloseTo(at(1, -4), 7);
    expect(tile.reduce((a, v) => a + v, 0)).toBeCloseTo(1, 5);
    const flat = new Float32Array(n * n).fill(0.25);
    wrapBlurTile(flat, n, 3);
    expect(flat.every((v) => Math.abs(v - 0.25) < 1e-6)).toBe(true);
    const same = Float32Array.from({ length: n * n }, (_, i) => i % 7);
    const kept = same.slice();
    wrapBlurTile(same, n, 0);
    expect(Array.from(same)).toEqual(Array.from(kept));
    expect(() => wrapBlurTile(new Float32Array(10), 4, 1)).toThrow(/4 x 4 tile has 16 values, not 10/);
  });
});
