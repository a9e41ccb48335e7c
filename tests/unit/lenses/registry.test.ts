import { describe, expect, it } from 'vitest';
import { ARTIFACTS } from '../../../src/domain/artifacts.js';
import { computeLens, isLensId, LENS_IDS, LENSES, lensForKey } from '../../../src/lenses/index.js';
import { keyToIntent } from '../../../src/input/index.js';
import { simulateChest } from '../../../src/simulator/index.js';
import type { GrayImage } from '../../../src/imaging/types.js';
import { pixelHash } from '../imaging/image-stats.js';
import { displayed, noisy } from './lens-fixtures.js';

describe('LENSES registry', () => {
  it('has the five lenses with unique single-letter keys that no game control uses', () => {
    expect(LENS_IDS).toEqual(['noise', 'variance', 'spectrum', 'flip', 'ela']);
    const keys = LENSES.map((l) => l.key.toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^[a-z]$/);
    // Wherever a case is on screen, each lens key reaches its lens (no other control takes it), and the atlas too.
    for (const phase of ['reading', 'timedOut', 'caseReview', 'roundReview'] as const) {
      for (const l of LENSES) expect(keyToIntent(l.key, { phase, screen: 'game' }), `${l.key} in ${phase}`).toEqual({ type: 'lens', id: l.id });
    }
    for (const l of LENSES) expect(keyToIntent(l.key.toLowerCase(), { phase: 'title', screen: 'atlas' })).toEqual({ type: 'lens', id: l.id });
    for (const l of LENSES) expect(lensForKey(l.key.toLowerCase())).toBe(l.id);
    expect(lensForKey('x')).toBeNull();
  });

  it('explains each lens in one line and names catalog artifacts', () => {
    const ids = new Set<string>(ARTIFACTS.map((a) => a.id));
    for (const l of LENSES) {
      expect(l.explanation).not.toMatch(/\n/);
      expect(l.explanation.length).toBeGreaterThan(40);
      expect(l.explanation.length).toBeLessThan(160);
      expect(l.reveals.length).toBeGreaterThan(0);
      for (const a of l.reveals) expect(ids.has(a)).toBe(true);
    }
  });

  it('rejects unknown ids', () => {
    expect(isLensId('noise')).toBe(true);
    expect(isLensId('xray')).toBe(false);
    expect(() => computeLens('xray' as never, noisy(8, 8, () => 1, 1))).toThrow(/unknown lens/);
  });
});

function checkContract(id: (typeof LENS_IDS)[number], img: GrayImage): GrayImage {
  const before = pixelHash(img);
  const a = computeLens(id, img);
  const b = computeLens(id, img);
  expect(pixelHash(img)).toBe(before); // input unmodified
  expect(a.data).not.toBe(img.data);
  expect(pixelHash(a)).toBe(pixelHash(b)); // deterministic
  expect([a.width, a.height, a.bitsStored, a.data.length]).toEqual([img.width, img.height, 12, img.width * img.height]);
  expect(a.data.reduce((m, v) => Math.max(m, v), 0)).toBeLessThanOrEqual(4095);
  expect(Number.isFinite(a.windowCenter) && Number.isFinite(a.windowWidth) && a.windowWidth > 0).toBe(true);
  return a;
}

describe('every lens', () => {
  it('returns a new deterministic 12-bit image of the same size and leaves its input alone', () => {
    for (const id of LENS_IDS) {
      checkContract(id, noisy(67, 45, (x, y) => 1800 + 10 * x - 4 * y, 30, 1));
      checkContract(id, { ...noisy(33, 20, () => 120, 5, 2), bitsStored: 8 });
      checkContract(id, noisy(1, 1, () => 7, 0, 3));
    }
  });

  it('gives a usable picture of a simulated chest at its default window', () => {
    const chest = simulateChest(2, { width: 768, height: 768 }).image;
    for (const id of LENS_IDS) {
      const out = checkContract(id, chest);
      const hist = new Array<number>(256).fill(0);
      for (let i = 0; i < out.data.length; i += 7) hist[displayed(out, out.data[i] as number)]! += 1;
      const total = hist.reduce((s, v) => s + v, 0);
      let acc = 0;
      const q = (p: number): number => hist.findIndex((v) => (acc += v) >= p * total);
      const lo = q(0.05);
      acc = 0;
      const hi = q(0.95);
      expect(hi - lo, `${id}: displayed 5-95% span`).toBeGreaterThan(60);
      const levels = hist.filter((v) => v > 0).length;
      // ELA differences are whole 8-bit levels (0..5 in the default window); the others are continuous.
      expect(levels, `${id}: distinct displayed levels`).toBeGreaterThan(id === 'ela' ? 4 : 40);
      // Not nearly black: the middle of what a lens shows is at least a dim grey.
      // The error-level lens is not nearly black: a never-compressed film's texture shows as a dim grey.
      acc = 0;
      if (id === 'ela') expect(q(0.5), 'ela: median displayed level').toBeGreaterThan(30);
    }
  });
});
