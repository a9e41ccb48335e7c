/** What each new local technique does inside its region, measured on the fixture (beyond the shared properties). */
import { describe, expect, it } from 'vitest';
import { pointInPolygon, polygonBounds } from '../../../src/domain/geometry.js';
import type { Polygon } from '../../../src/domain/geometry.js';
import { createRng } from '../../../src/domain/rng.js';
import { getTechnique } from '../../../src/forgery/catalog.js';
import type { GrayImage } from '../../../src/imaging/types.js';
import { makeFixture } from './fixture.js';
import { noiseStd, pearson, pixelsWhere, residual } from './measure.js';
import { LEVELS } from './properties.js';
import { blockiness } from './spectrum.js';

const fx = makeFixture(1);
const { image, hints } = fx;
const apply = (id: string, level: (typeof LEVELS)[number], seed = 4) => getTechnique(id).apply(image, { level, hints }, createRng(seed));
const inside = (img: GrayImage, poly: Polygon, shrink = 0.7): number[] => {
  const b = polygonBounds(poly);
  const cx = (b.x0 + b.x1) / 2;
  const cy = (b.y0 + b.y1) / 2;
  return pixelsWhere(img, (x, y) => pointInPolygon({ x: cx + (x - cx) / shrink, y: cy + (y - cy) / shrink }, poly));
};

describe('double-compression (E5)', () => {
  for (const level of LEVELS) {
    it(`${level}: the region gains 8x8 blockiness on a grid offset from the image's`, () => {
      const r = apply('double-compression', level);
      const b = polygonBounds(r.tells[0]?.regions[0] ?? []);
      const box = { x0: Math.round(b.x0), y0: Math.round(b.y0), x1: Math.round(b.x1), y1: Math.round(b.y1) };
      const ox = ((box.x0 % 8) + 8) % 8;
      const oy = ((box.y0 % 8) + 8) % 8;
      expect(ox === 0 && oy === 0).toBe(false);
      expect(blockiness(r.image, ox, oy, box)).toBeGreaterThan(1.15 * blockiness(image, ox, oy, box));
      expect(blockiness(r.image, ox, oy, box)).toBeGreaterThan(blockiness(r.image, 0, 0, box));
    });
  }
});

describe('sharpness-mismatch (E3) and remove-lesion (E3)', () => {
  for (const id of ['sharpness-mismatch', 'remove-lesion']) {
    for (const level of LEVELS) {
      it(`${id} ${level}: the patch loses high-frequency energy`, () => {
        const r = apply(id, level);
        const idx = inside(image, r.tells[0]?.regions[0] ?? [], 0.5);
        expect(noiseStd(r.image, idx)).toBeLessThan(0.8 * noiseStd(image, idx));
      });
    }
  }
});

describe('clipped-plateau (E4)', () => {
  // 'expert' lifts the dark lung smoothly and clamps only the grain dipping half a standard deviation below the
  // floor: smaller pools (10-16% of the inner patch on fixtures 1-3, seeds 4-6, against 1.5-4% for the film's own mode).
  for (const level of LEVELS) {
    it(`${level}: many pixels sit exactly on one floor value`, () => {
      const r = apply('clipped-plateau', level);
      const idx = inside(image, r.tells[0]?.regions[0] ?? [], 0.6);
      const count = (img: GrayImage): number => {
        const hist = new Map<number, number>();
        for (const i of idx) hist.set(img.data[i] as number, (hist.get(img.data[i] as number) ?? 0) + 1);
        return Math.max(...hist.values()) / idx.length;
      };
      expect(count(r.image)).toBeGreaterThan(level === 'expert' ? 0.08 : 0.2);
      expect(count(image)).toBeLessThan(0.1);
      expect(count(r.image)).toBeGreaterThan(2 * count(image));
    });
  }
});

describe('noise-transplant (E2)', () => {
  for (const level of LEVELS) {
    it(`${level}: the grain of the target repeats the donor's`, () => {
      const r = apply('noise-transplant', level);
      const [target, donor] = r.tells[0]?.regions ?? [];
      const tb = polygonBounds(target ?? []);
      const db = polygonBounds(donor ?? []);
      const dx = Math.round((db.x0 + db.x1) / 2 - (tb.x0 + tb.x1) / 2);
      const dy = Math.round((db.y0 + db.y1) / 2 - (tb.y0 + tb.y1) / 2);
      const idx = inside(image, target ?? [], 0.5);
      const corr = (img: GrayImage): number => pearson(idx.map((i) => residual(img, i)), idx.map((i) => residual(img, i + dy * img.width + dx)));
      expect(Math.abs(corr(image))).toBeLessThan(0.2);
      expect(corr(r.image)).toBeGreaterThan(0.6);
    });
  }
});

describe('garbled-marker (D1)', () => {
  it('finds the fixture marker without hints and distorts it, touching nothing far from it', () => {
    const { marker } = fx;
    for (const level of LEVELS) {
      const r = getTechnique('garbled-marker').apply(image, { level }, createRng(2));
      const b = polygonBounds(r.tells[0]?.regions[0] ?? []);
      expect(b.x0).toBeLessThanOrEqual(marker.x0);
      expect(b.y0).toBeLessThanOrEqual(marker.y0);
      expect(b.x1).toBeGreaterThanOrEqual(marker.x1);
      expect(b.y1).toBeLessThanOrEqual(marker.y1 + 0.6 * (marker.y1 - marker.y0));
      let changed = 0;
      for (let y = marker.y0; y < marker.y1; y++) for (let x = marker.x0; x < marker.x1; x++) if (Math.abs((r.image.data[y * image.width + x] as number) - (image.data[y * image.width + x] as number)) > 500) changed++;
      expect(changed).toBeGreaterThan(0.05 * (marker.x1 - marker.x0) * (marker.y1 - marker.y0));
    }
  });
});

describe('clean-fracture (A5) and inserted-device (D1)', () => {
  it('the fracture is a dark line; the device a bright, grain-free wire', () => {
    const f = apply('clean-fracture', 'obvious');
    const fi = inside(image, f.tells[0]?.regions[0] ?? [], 0.6);
    expect(fi.reduce((s, i) => s + (f.image.data[i] as number) - (image.data[i] as number), 0) / fi.length).toBeLessThan(-0.05 * image.windowWidth);
    const d = apply('inserted-device', 'obvious');
    const changed = pixelsWhere(image, (x, y) => (d.image.data[Math.floor(y) * image.width + Math.floor(x)] as number) - (image.data[Math.floor(y) * image.width + Math.floor(x)] as number) > 0.2 * image.windowWidth);
    expect(changed.length).toBeGreaterThan(100);
  });
});
