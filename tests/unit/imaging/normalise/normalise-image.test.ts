import { describe, expect, it } from 'vitest';
import { createGrayImage, normaliseImage, type GrayImage } from '../../../../src/imaging/index.js';

function image(width: number, height: number, bits: number, f: (x: number, y: number) => number): GrayImage {
  const img = createGrayImage(width, height, bits);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) img.data[y * width + x] = f(x, y);
  return img;
}

/** A small deterministic PRNG for test data only (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const mean = (d: Uint16Array): number => d.reduce((s, v) => s + v, 0) / d.length;

describe('normaliseImage', () => {
  it('centre-crops a wide image: a marked centre column stays centred, the cropped edges vanish', () => {
    // 300 x 100: 100 px are cut from each side; columns 0..99 and 200..299 are bright, the centre column 150 dark.
    const src = image(300, 100, 8, (x) => (x < 100 || x >= 200 ? 255 : x === 150 ? 0 : 128));
    const out = normaliseImage(src, { size: 100, bits: 8 });
    expect([out.width, out.height]).toEqual([100, 100]);
    const row = Array.from(out.data.subarray(4000, 4100));
    expect(row.indexOf(0)).toBe(50);
    expect(row.filter((v) => v === 0)).toHaveLength(1);
    expect(Math.max(...row)).toBe(128);
  });

  it('centre-crops a tall image equally at top and bottom', () => {
    const src = image(64, 128, 8, (_, y) => (y < 32 || y >= 96 ? 255 : y === 64 ? 0 : 100));
    const out = normaliseImage(src, { size: 64, bits: 8 });
    const col = Array.from({ length: 64 }, (_, y) => out.data[y * 64 + 10] as number);
    expect(col.indexOf(0)).toBe(32);
    expect(Math.max(...col)).toBe(100);
  });

  it('maps 0 and full scale exactly when requantising 12 -> 8 and 8 -> 16 bits', () => {
    const src12 = image(64, 64, 12, (x) => (x < 32 ? 0 : 4095));
    const out8 = normaliseImage(src12, { size: 64, bits: 8 });
    expect([out8.data[0], out8.data[63], out8.bitsStored]).toEqual([0, 255, 8]);
    expect([out8.windowCenter, out8.windowWidth]).toEqual([127.5, 256]);
    // Mid value: 2048 * 255 / 4095 = 127.53 -> 128.
    expect(normaliseImage(image(64, 64, 12, () => 2048), { size: 32, bits: 8 }).data[17]).toBe(128);
    const out16 = normaliseImage(image(64, 64, 8, (x) => (x < 32 ? 0 : 255)), { size: 64, bits: 16 });
    expect([out16.data[0], out16.data[63], out16.windowWidth]).toEqual([0, 65535, 65536]);
    // Rounding: 1 * 65535 / 255 = 257 exactly; 8-bit 1 -> 12-bit 16.06 -> 16.
    expect(normaliseImage(image(40, 40, 8, () => 1), { size: 40, bits: 12 }).data[0]).toBe(16);
  });

  it('keeps the mean of a random image within 0.5% when shrinking by a non-integer factor', () => {
    const r = rng(7);
    const src = image(1000, 1000, 12, () => Math.floor(r() * 4096));
    const out = normaliseImage(src, { size: 384, bits: 12 });
    expect(Math.abs(mean(out.data) - mean(src.data)) / mean(src.data)).toBeLessThan(0.005);
    // Box averaging over ~6.8 source pixels cuts the noise's standard deviation by about sqrt(6.8).
    const sd = (d: Uint16Array): number => {
      const m = mean(d);
      return Math.sqrt(d.reduce((s, v) => s + (v - m) ** 2, 0) / d.length);
    };
    expect(sd(out.data)).toBeLessThan(0.5 * sd(src.data));
  });

  it('area-averages exactly: a 2x2 checker shrunk by 2 is flat', () => {
    const out = normaliseImage(image(128, 128, 8, (x, y) => ((x + y) % 2 ? 200 : 100)), { size: 64, bits: 8 });
    expect(out.data.every((v) => v === 150)).toBe(true);
  });

  it('enlarges 128 -> 1024 bilinearly: exact corners, monotone ramp, no overshoot', () => {
    const src = image(128, 128, 8, (x) => x * 2);
    const out = normaliseImage(src, { size: 1024, bits: 8 });
    expect([out.width, out.height, out.data.length]).toEqual([1024, 1024, 1024 * 1024]);
    const row = out.data.subarray(512 * 1024, 513 * 1024);
    expect([row[0], row[1023]]).toEqual([0, 254]);
    for (let i = 1; i < 1024; i++) expect(row[i]).toBeGreaterThanOrEqual(row[i - 1] as number);
  });

  it('handles non-square inputs of odd sizes and is deterministic', () => {
    const r = rng(3);
    const src = image(517, 333, 16, () => Math.floor(r() * 65536));
    const a = normaliseImage(src, { size: 256, bits: 10 });
    const b = normaliseImage(src, { size: 256, bits: 10 });
    expect([a.width, a.height, a.bitsStored]).toEqual([256, 256, 10]);
    expect(a.data.every((v, i) => v === b.data[i] && v <= 1023)).toBe(true);
  });

  it('rejects a bad policy', () => {
    const src = image(64, 64, 8, () => 0);
    expect(() => normaliseImage(src, { size: 0, bits: 8 })).toThrow(/size/);
    expect(() => normaliseImage(src, { size: 64, bits: 7 })).toThrow(/bits/);
  });
});
