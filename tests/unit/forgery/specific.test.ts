import { describe, expect, it } from 'vitest';
import { pointInPolygon, polygonBounds } from '../../../src/domain/geometry.js';
import { createRng } from '../../../src/domain/rng.js';
import { insertedDevice } from '../../../src/forgery/inserted-device.js';
import { isolatedFinding } from '../../../src/forgery/isolated-finding.js';
import { mirrorSymmetry } from '../../../src/forgery/mirror-symmetry.js';
import { pastedLesion } from '../../../src/forgery/pasted-lesion.js';
import { uniformGrain } from '../../../src/forgery/uniform-grain.js';
import { waxySmoothing } from '../../../src/forgery/waxy-smoothing.js';
import { makeFixture } from './fixture.js';
import { changedPixels, meanOver, mirrorResidualCorrelation, noiseStd, pixelsWhere } from './measure.js';
import { LEVELS } from './properties.js';

const fx = makeFixture(1);
const { image, hints } = fx;
const mid = hints.midlineX as number;
const lungs = hints.lungs ?? { right: [], left: [] };
const s = image.width / 512;
// Noise is measured where the noise-free anatomy is flat (ribs and vessels would otherwise count as grain).
const isFlat = (x: number, y: number): boolean => {
  const i = Math.floor(y) * image.width + Math.floor(x);
  const c = fx.clean;
  const w = image.width;
  const lap = (c[i] as number) - ((c[i - 1] as number) + (c[i + 1] as number) + (c[i - w] as number) + (c[i + w] as number)) / 4;
  return Math.abs(lap) < 0.5;
};
// Dense: the mediastinal band above the heart. Lucent: both lungs. (See fixture.ts.)
const dense = pixelsWhere(image, (x, y) => Math.abs(x - mid) < 18 * s && y > 90 * s && y < 250 * s && isFlat(x, y));
const lucent = pixelsWhere(image, (x, y) => (pointInPolygon({ x, y }, lungs.right) || pointInPolygon({ x, y }, lungs.left)) && isFlat(x, y));
const ratio = (img = image): number => noiseStd(img, dense) / noiseStd(img, lucent);

describe('uniform-grain (T1)', () => {
  it('the fixture has signal-dependent noise: coarser in dense than in lucent areas', () => {
    expect(ratio()).toBeGreaterThan(1.8);
  });
  for (const level of LEVELS) {
    it(`${level}: makes the grain stationary (dense/lucent noise ratio within 0.8..1.25)`, () => {
      const out = uniformGrain.apply(image, { level }, createRng(3)).image;
      const r = ratio(out);
      expect(r).toBeGreaterThan(0.8);
      expect(r).toBeLessThan(1.25);
    });
  }
  it('the tell covers the whole image', () => {
    const [tell] = uniformGrain.apply(image, { level: 'subtle' }, createRng(3)).tells;
    expect(polygonBounds(tell?.regions[0] ?? [])).toEqual({ x0: 0, y0: 0, x1: image.width, y1: image.height });
    expect(tell?.explanation).toMatch(/Poisson/);
  });
});

describe('mirror-symmetry (A1, E2)', () => {
  for (const level of LEVELS) {
    it(`${level}: the patch becomes a mirror image of the other side (residual correlation rises)`, () => {
      const r = mirrorSymmetry.apply(image, { level, hints }, createRng(5));
      const region = r.tells[0]?.regions[0] ?? [];
      const changed = new Set(changedPixels(image, r.image));
      const idx = pixelsWhere(image, (x, y) => pointInPolygon({ x, y }, region)).filter((i) => changed.has(i));
      expect(idx.length).toBeGreaterThan(500);
      const before = mirrorResidualCorrelation(image, idx, mid);
      const after = mirrorResidualCorrelation(r.image, idx, mid);
      expect(Math.abs(before)).toBeLessThan(0.2);
      expect(after).toBeGreaterThan(before + 0.5);
    });
  }
  it('a mark on the mirrored source side (the patch centre reflected about the midline) hits both tells', () => {
    for (const level of LEVELS) {
      const r = mirrorSymmetry.apply(image, { level, hints }, createRng(5));
      const b = polygonBounds(r.tells[0]?.regions[0] ?? []);
      const twin = { x: 2 * mid - (b.x0 + b.x1) / 2, y: (b.y0 + b.y1) / 2 };
      for (const tell of r.tells) expect(tell.regions.some((poly) => pointInPolygon(twin, poly)), `${level} ${tell.artifactId}`).toBe(true);
    }
  });
  it('never touches the mediastinum and heart side of the film', () => {
    const med = hints.mediastinum ?? [];
    const inMed = pixelsWhere(image, (x, y) => pointInPolygon({ x, y }, med));
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      for (const withHints of [true, false]) {
        const out = mirrorSymmetry.apply(image, withHints ? { level: 'obvious', hints } : { level: 'obvious' }, createRng(seed)).image;
        expect(inMed.filter((i) => out.data[i] !== image.data[i])).toHaveLength(0);
      }
    }
  });
});

describe('pasted-lesion (A9, E1)', () => {
  for (const level of LEVELS) {
    it(`${level}: puts a brighter, grain-free nodule inside a lung with a smoothed halo`, () => {
      const r = pastedLesion.apply(image, { level, hints }, createRng(7));
      const b = polygonBounds(r.tells[0]?.regions[0] ?? []);
      const cx = (b.x0 + b.x1) / 2;
      const cy = (b.y0 + b.y1) / 2;
      const outer = (b.x1 - b.x0) / 2;
      expect(pointInPolygon({ x: cx, y: cy }, lungs.right) || pointInPolygon({ x: cx, y: cy }, lungs.left)).toBe(true);
      const core = pixelsWhere(image, (x, y) => Math.hypot(x - cx, y - cy) < 0.3 * outer);
      expect(meanOver(r.image, core) - meanOver(image, core)).toBeGreaterThan(0.03 * image.windowWidth);
      // The inner halo, just outside the nodule (radius <= outer / 1.45), has lost much of its grain.
      const ring = pixelsWhere(image, (x, y) => {
        const d = Math.hypot(x - cx, y - cy);
        return d > 0.74 * outer && d < 0.84 * outer;
      });
      expect(noiseStd(r.image, ring)).toBeLessThan(0.75 * noiseStd(image, ring));
    });
  }
});

describe('waxy-smoothing (T2)', () => {
  it('removes most of the mottle inside its patch', () => {
    const r = waxySmoothing.apply(image, { level: 'subtle', hints }, createRng(9));
    const region = r.tells[0]?.regions[0] ?? [];
    const b = polygonBounds(region);
    const cx = (b.x0 + b.x1) / 2;
    const cy = (b.y0 + b.y1) / 2;
    const inner = pixelsWhere(image, (x, y) => Math.hypot((x - cx) / (b.x1 - b.x0), (y - cy) / (b.y1 - b.y0)) < 0.2);
    expect(noiseStd(r.image, inner)).toBeLessThan(0.5 * noiseStd(image, inner));
  });
});

describe('isolated-finding (A10)', () => {
  it('every polygon of its tell holds changed pixels (no scored region where nothing changed), with and without hints', () => {
    for (const level of LEVELS) {
      for (const withHints of [true, false]) {
        const r = isolatedFinding.apply(image, withHints ? { level, hints } : { level }, createRng(4));
        const changed = changedPixels(image, r.image).map((i) => ({ x: (i % image.width) + 0.5, y: Math.floor(i / image.width) + 0.5 }));
        for (const tell of r.tells) {
          tell.regions.forEach((poly, k) => expect(changed.some((pt) => pointInPolygon(pt, poly)), `${level} ${withHints} region ${k}`).toBe(true));
        }
      }
    }
  });
  it('explains what each level shows: a dense opacity, a haze, a faint veil', () => {
    const texts = LEVELS.map((level) => isolatedFinding.apply(image, { level, hints }, createRng(4)).tells[0]?.explanation ?? '');
    expect(new Set(texts).size).toBe(3);
    expect(texts[0]).toMatch(/dense opacity/);
    expect(texts[2]).toMatch(/faint veil/);
    expect(texts[2]).not.toMatch(/dense opacity|big effusion/);
  });
});

describe('inserted-device (D1): the teaching follows the projection', () => {
  const text = (projection?: 'AP' | 'PA'): string[] =>
    LEVELS.map((level) => {
      const [tell] = insertedDevice.apply(image, { level, hints: projection ? { ...hints, projection } : hints }, createRng(2)).tells;
      return `${tell?.explanation} ${tell?.howToSee}`;
    });
  it('on a PA film a real lead is sharp (against the detector): sharpness against the ribs is never the tell', () => {
    for (const t of text('PA')) {
      expect(t).toMatch(/PA film/);
      expect(t).not.toMatch(/sharper than the ribs|crisper than the edges of the ribs|away from the detector|sharper than any anatomy/);
    }
  });
  it('on an AP film it says a real lead is blurred; with the projection unknown it says both', () => {
    for (const t of text('AP')) expect(t).toMatch(/AP film.*far from the detector/);
    for (const t of text()) expect(t).toMatch(/AP film.*PA film/);
  });
});

