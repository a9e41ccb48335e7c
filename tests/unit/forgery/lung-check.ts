/**
 * Does a lung mask lie inside the body? A judge written from the outside in, independent of the lung finder. On the
 * film, lightly smoothed, with `range` its p1..p99 spread:
 *
 * - Walled in laterally: along its row, between a lung pixel and the image edge on its own side (image left for the
 *   patient's right lung) there must be something at least `wall` x range brighter than it: the chest wall (soft
 *   tissue and ribs). Air, background or dark collimation beside the chest runs on to the edge with nothing brighter.
 * - Off the image edge: no lung pixel within `edgeMargin` x width of any edge.
 * - Above the diaphragm: no lung pixel lies below the lowest pixel, in its column, of the mask's largest connected
 *   piece while being apart from that piece (gas in the stomach or bowel is walled off from the lung by the
 *   diaphragm, so it is a separate piece under the lung).
 * - Not empty: at least `minArea` of the image.
 * The first and third criteria tolerate `tolerance` of the mask (noisy edge pixels).
 */
import type { GrayImage } from '../../../src/imaging/types.js';

export type Side = 'right' | 'left';

export interface LungCheckOptions {
  readonly wall: number;
  readonly edgeMargin: number;
  readonly tolerance: number;
  readonly minArea: number;
}

export const LUNG_CHECK: LungCheckOptions = { wall: 0.05, edgeMargin: 0.01, tolerance: 0.02, minArea: 0.02 };

export interface LungVerdict {
  readonly ok: boolean;
  readonly area: number;
  readonly unwalled: number;
  readonly atEdge: number;
  readonly underLung: number;
  readonly why: string[];
}

export interface Film {
  readonly width: number;
  readonly height: number;
  /** Smoothed values. */
  readonly v: Float32Array;
  readonly range: number;
}

/** The film, box-smoothed (radius width/256) and its p1..p99 range. */
export function prepareFilm(img: GrayImage): Film {
  const { width: w, height: h, data } = img;
  const r = Math.max(1, Math.round(w / 256));
  const tmp = new Float32Array(w * h);
  const v = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      let n = 0;
      for (let k = Math.max(0, x - r); k <= Math.min(w - 1, x + r); k++, n++) s += data[y * w + k] as number;
      tmp[y * w + x] = s / n;
    }
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      let n = 0;
      for (let k = Math.max(0, y - r); k <= Math.min(h - 1, y + r); k++, n++) s += tmp[k * w + x] as number;
      v[y * w + x] = s / n;
    }
  }
  const sorted = Float32Array.from(v).sort();
  const range = Math.max(1, (sorted[Math.floor(sorted.length * 0.99)] as number) - (sorted[Math.floor(sorted.length * 0.01)] as number));
  return { width: w, height: h, v, range };
}

/** Largest 8-connected piece of the mask (1 = in it). */
function largestPiece(mask: Uint8Array, w: number, h: number): Uint8Array {
  const label = new Int32Array(w * h);
  let best = 0;
  let bestSize = 0;
  let next = 0;
  const stack: number[] = [];
  for (let i = 0; i < w * h; i++) {
    if (!mask[i] || label[i]) continue;
    label[i] = ++next;
    stack.push(i);
    let size = 0;
    while (stack.length) {
      const k = stack.pop() as number;
      size++;
      const x = k % w;
      const y = (k - x) / w;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
          const j = yy * w + xx;
          if (mask[j] && !label[j]) {
            label[j] = next;
            stack.push(j);
          }
        }
      }
    }
    if (size > bestSize) {
      bestSize = size;
      best = next;
    }
  }
  return Uint8Array.from(label, (l) => (l === best && best > 0 ? 1 : 0));
}

/** Judges one lung mask (1 = lung) of the patient's `side` (right = image left). */
export function judgeLung(film: Film, mask: Uint8Array, side: Side, o = LUNG_CHECK): LungVerdict {
  const { width: w, height: h, v } = film;
  const wall = o.wall * film.range;
  const m = Math.max(1, Math.round(o.edgeMargin * w));
  let area = 0;
  let unwalled = 0;
  let atEdge = 0;
  for (let y = 0; y < h; y++) {
    // Running maximum from this side's image edge inward.
    const outerMax = new Float32Array(w);
    let run = -Infinity;
    if (side === 'right') for (let x = 0; x < w; x++) outerMax[x] = run = Math.max(run, v[y * w + x] as number);
    else for (let x = w - 1; x >= 0; x--) outerMax[x] = run = Math.max(run, v[y * w + x] as number);
    for (let x = 0; x < w; x++) {
      if (!mask[y * w + x]) continue;
      area++;
      if ((outerMax[x] as number) - (v[y * w + x] as number) < wall) unwalled++;
      if (x < m || y < m || x >= w - m || y >= h - m) atEdge++;
    }
  }
  const main = largestPiece(mask, w, h);
  let underLung = 0;
  for (let x = 0; x < w; x++) {
    let bottom = -1;
    for (let y = h - 1; y >= 0 && bottom < 0; y--) if (main[y * w + x]) bottom = y;
    if (bottom < 0) continue;
    for (let y = bottom + 1; y < h; y++) if (mask[y * w + x]) underLung++;
  }
  const why: string[] = [];
  const pct = (n: number): string => `${((100 * n) / Math.max(1, area)).toFixed(1)}%`;
  if (area < o.minArea * w * h) why.push(`area ${((100 * area) / (w * h)).toFixed(1)}% of the image`);
  if (unwalled > o.tolerance * area) why.push(`${pct(unwalled)} has no brighter chest wall beside it`);
  if (atEdge > 0) why.push(`${atEdge} px at the image edge`);
  if (underLung > o.tolerance * area) why.push(`${pct(underLung)} apart from and below the lung (under the diaphragm)`);
  return { ok: why.length === 0, area, unwalled, atEdge, underLung, why };
}
