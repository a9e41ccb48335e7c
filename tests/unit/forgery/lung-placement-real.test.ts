/**
 * Lung-placed fakes on the real films whose lungs the finder once took from soft tissue (NIH 00027061: the right
 * 'lung' was lower chest wall and abdomen; 00019534, a small child film in a black frame: the right lung reached over
 * the arm). No hints, seed fixed, every level: each technique either puts its edit inside what the independent judge
 * (lung-check.ts) accepts as lung, or fails with the clear "no room" error that deck builders catch (they try their
 * next technique). Never in soft tissue or outside the body.
 *
 * The judge is applied to the edit as to a lung mask: walled in by a brighter chest wall, off the image edge, nothing
 * apart under it; its area floor is left out (an edit is much smaller than a lung). Region techniques are judged by
 * their tell regions (the edit's footprint); isolated-finding, whose tell ellipse deliberately overhangs the lung, by
 * the body of the opacity: where its change, box-smoothed over w/128, is at least half its largest (its soft outline,
 * a blur of the lung mask, reaches a few pixels over the lung's edge by design). No skip: a missing ../shared/xray fails.
 */
import { describe, expect, it } from 'vitest';
import type { Difficulty } from '../../../src/domain/tells.js';
import { pointInPolygon, polygonBounds } from '../../../src/domain/geometry.js';
import type { Polygon } from '../../../src/domain/geometry.js';
import { createRng } from '../../../src/domain/rng.js';
import { TECHNIQUES } from '../../../src/forgery/catalog.js';
import { estimateMidlineX } from '../../../src/forgery/anatomy.js';
import type { GrayImage } from '../../../src/imaging/types.js';
import { LUNG_CHECK, judgeLung, prepareFilm } from './lung-check.js';
import type { Film } from './lung-check.js';
import { loadRealFilm } from './real-films.js';

const FILMS = ['00027061_000.png', '00019534_000.png'] as const;
const BY_REGION = ['pasted-lesion', 'waxy-smoothing', 'noise-transplant'] as const;
const BY_CHANGE = ['isolated-finding'] as const;
const LEVELS: readonly Difficulty[] = ['obvious', 'subtle', 'expert'];
const SEED = 7;
const EDIT_CHECK = { ...LUNG_CHECK, minArea: 0 };

/** A pixel mask (1 inside) and the patient side its centre lies on. */
interface Edit {
  readonly mask: Uint8Array;
  readonly side: 'right' | 'left';
}

function polygonEdit(poly: Polygon, w: number, h: number, mid: number): Edit {
  const b = polygonBounds(poly);
  const mask = new Uint8Array(w * h);
  let sx = 0;
  let n = 0;
  for (let y = Math.max(0, Math.floor(b.y0)); y < Math.min(h, Math.ceil(b.y1)); y++) {
    for (let x = Math.max(0, Math.floor(b.x0)); x < Math.min(w, Math.ceil(b.x1)); x++) {
      if (!pointInPolygon({ x: x + 0.5, y: y + 0.5 }, poly)) continue;
      mask[y * w + x] = 1;
      sx += x;
      n++;
    }
  }
  return { mask, side: sx / Math.max(1, n) < mid ? 'right' : 'left' };
}

/** Where the technique changed the film most: |after - before|, box-smoothed, at least half its maximum. */
function changeEdit(before: GrayImage, after: GrayImage, mid: number): Edit {
  const { width: w, height: h } = before;
  const r = Math.max(1, Math.round(w / 128));
  const d = new Float32Array(w * h);
  for (let i = 0; i < w * h; i++) d[i] = Math.abs((after.data[i] as number) - (before.data[i] as number));
  const rows = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let k = Math.max(0, x - r); k <= Math.min(w - 1, x + r); k++) s += d[y * w + k] as number;
      rows[y * w + x] = s;
    }
  }
  let max = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let k = Math.max(0, y - r); k <= Math.min(h - 1, y + r); k++) s += rows[k * w + x] as number;
      d[y * w + x] = s;
      max = Math.max(max, s);
    }
  }
  const mask = new Uint8Array(w * h);
  let sx = 0;
  let n = 0;
  for (let i = 0; i < w * h; i++) {
    if (max === 0 || (d[i] as number) < 0.5 * max) continue;
    mask[i] = 1;
    sx += i % w;
    n++;
  }
  return { mask, side: sx / Math.max(1, n) < mid ? 'right' : 'left' };
}

function judged(film: Film, edits: readonly Edit[]): string[] {
  return edits.flatMap((e) => judgeLung(film, e.mask, e.side, EDIT_CHECK).why.map((r) => `${e.side}: ${r}`));
}

describe('lung-placed fakes on real films the lung finder used to get wrong (no hints)', () => {
  for (const file of FILMS) {
    const { image } = loadRealFilm('nih-cxr14', file);
    const film = prepareFilm(image);
    const mid = estimateMidlineX(image);
    let placed = 0;
    for (const id of [...BY_REGION, ...BY_CHANGE]) {
      for (const level of LEVELS) {
        it(`${file} ${id} ${level}: inside the lung or a clear "no room"`, () => {
          let result;
          try {
            result = (TECHNIQUES[id] ?? fail(id)).apply(image, { level }, createRng(SEED));
          } catch (e) {
            expect((e as Error).message).toMatch(new RegExp(`^${id}: no room for `));
            return;
          }
          const edits = (BY_REGION as readonly string[]).includes(id)
            ? result.tells.flatMap((t) => t.regions.map((poly) => polygonEdit(poly, image.width, image.height, mid)))
            : [changeEdit(image, result.image, mid)];
          expect(edits.length).toBeGreaterThan(0);
          expect(judged(film, edits)).toEqual([]);
          placed++;
        });
      }
    }
    // Not vacuous: the film has lung the finder is sure of, so some of the fakes are drawn (and judged above).
    it(`${file}: some of these fakes are placed, not all refused`, () => expect(placed).toBeGreaterThan(0));
  }
});

function fail(id: string): never {
  throw new Error(`no technique '${id}'`);
}
