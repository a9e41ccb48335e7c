/**
 * The coarse grid the lung finder (lung-finder.ts) works on, and the mask operations it needs: block means of the
 * film (about 256 cells across), the exposed field in cells, the field's contrast range, Otsu's split, 4-connected
 * flood fill, labelling of pieces and hole filling. Pure; masks are 0/1 Uint8Arrays of gw x gh cells.
 */
import type { GrayImage } from '../imaging/index.js';
import { detectField } from './positioning.js';

export interface Grid {
  readonly gw: number;
  readonly gh: number;
  /** Block side in pixels. */
  readonly b: number;
  /** Block means. */
  readonly v: Float32Array;
  /** The exposed field in whole cells: x0, y0 inclusive, x1, y1 exclusive. */
  readonly f: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number };
  /** The spread of the field's cell values, p1 to p99 (at least 1). */
  readonly range: number;
}

/**
 * Block means with block side b = round(width / 256) (at least 1), and the exposed field in cells. Shutter borders
 * (flat lines at black or white along an edge, positioning.ts `detectField`) are cut off: the film's edge is the
 * exposed field's edge, so air walled in by a bright collimation frame still counts as outside the body.
 */
export function gridOf(img: GrayImage): Grid {
  const { width: w, height: h, data } = img;
  const b = Math.max(1, Math.round(w / 256));
  const gw = Math.ceil(w / b);
  const gh = Math.ceil(h / b);
  const sum = new Float64Array(gw * gh);
  for (let y = 0; y < h; y++) {
    const row = ((y / b) | 0) * gw;
    const p = y * w;
    for (let c = 0, x = 0; c < gw; c++) {
      let s = 0;
      const xe = Math.min(w, x + b);
      for (; x < xe; x++) s += data[p + x] as number;
      sum[row + c] = (sum[row + c] as number) + s;
    }
  }
  const v = new Float32Array(gw * gh);
  for (let cy = 0; cy < gh; cy++) {
    const ny = Math.min(h, (cy + 1) * b) - cy * b;
    for (let cx = 0; cx < gw; cx++) v[cy * gw + cx] = (sum[cy * gw + cx] as number) / (ny * (Math.min(w, (cx + 1) * b) - cx * b));
  }
  const fb = detectField(img).box;
  const f = { x0: Math.ceil(fb.x0 / b), y0: Math.ceil(fb.y0 / b), x1: Math.floor(fb.x1 / b), y1: Math.floor(fb.y1 / b) };
  return { gw, gh, b, v, f, range: fieldRange(v, gw, f) };
}

/** p99 - p1 of the field's cell values (at least 1), from a 1024-bin histogram (to a thousandth of the spread). */
function fieldRange(v: Float32Array, gw: number, f: Grid['f']): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let y = f.y0; y < f.y1; y++) {
    for (let x = f.x0; x < f.x1; x++) {
      lo = Math.min(lo, v[y * gw + x] as number);
      hi = Math.max(hi, v[y * gw + x] as number);
    }
  }
  if (!(hi > lo)) return 1;
  const bins = 1024;
  const hist = new Int32Array(bins);
  const scale = bins / (hi - lo);
  let n = 0;
  for (let y = f.y0; y < f.y1; y++) {
    for (let x = f.x0; x < f.x1; x++, n++) {
      const k = Math.min(bins - 1, Math.floor(((v[y * gw + x] as number) - lo) * scale));
      hist[k] = (hist[k] as number) + 1;
    }
  }
  const at = (q: number): number => {
    let c = 0;
    for (let k = 0; k < bins; k++) {
      c += hist[k] as number;
      if (c > q * n) return lo + (k + 0.5) / scale;
    }
    return hi;
  };
  return Math.max(1, at(0.99) - at(0.01));
}

/** Whether a cell lies in the edge band of the field (2.5% of its width). */
export function atEdge(g: Grid, x: number, y: number): boolean {
  const { f } = g;
  const band = Math.max(1, Math.round(0.025 * (f.x1 - f.x0)));
  return x < f.x0 + band || y < f.y0 + band || x >= f.x1 - band || y >= f.y1 - band;
}

/** Otsu's split of the values (64 bins between their extremes), as a value. */
export function otsuThreshold(vals: ArrayLike<number>): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < vals.length; i++) {
    lo = Math.min(lo, vals[i] as number);
    hi = Math.max(hi, vals[i] as number);
  }
  const bins = 64;
  const span = Math.max(1, hi - lo);
  const hist = new Float64Array(bins);
  for (let i = 0; i < vals.length; i++) {
    const k = Math.min(bins - 1, Math.floor((((vals[i] as number) - lo) / span) * bins));
    hist[k] = (hist[k] as number) + 1;
  }
  const total = vals.length;
  let sumAll = 0;
  for (let k = 0; k < bins; k++) sumAll += k * (hist[k] as number);
  let wB = 0;
  let sumB = 0;
  let best = 0;
  let bestK = bins / 2;
  for (let k = 0; k < bins; k++) {
    wB += hist[k] as number;
    if (wB === 0 || wB === total) continue;
    sumB += k * (hist[k] as number);
    const between = wB * (total - wB) * (sumB / wB - (sumAll - sumB) / (total - wB)) ** 2;
    if (between > best) {
      best = between;
      bestK = k;
    }
  }
  return lo + ((bestK + 1) / bins) * span;
}

/** The d-th 4-neighbour (left, right, up, down) of cell k in column x, or -1 off the grid. */
function neighbour(k: number, x: number, d: number, gw: number, gh: number): number {
  if (d === 0) return x > 0 ? k - 1 : -1;
  if (d === 1) return x < gw - 1 ? k + 1 : -1;
  if (d === 2) return k >= gw ? k - gw : -1;
  return k < gw * (gh - 1) ? k + gw : -1;
}

/** The cells 4-connected to the seeds through cells where `ok` is 1 (seeds included), as a 0/1 mask. */
export function flood(gw: number, gh: number, seeds: readonly number[], ok: Uint8Array): Uint8Array {
  const out = new Uint8Array(gw * gh);
  const stack = new Int32Array(gw * gh);
  let n = 0;
  for (const s of seeds) {
    if (out[s]) continue;
    out[s] = 1;
    stack[n++] = s;
  }
  while (n > 0) {
    const k = stack[--n] as number;
    const x = k % gw;
    for (let d = 0; d < 4; d++) {
      const j = neighbour(k, x, d, gw, gh);
      if (j >= 0 && !out[j] && ok[j]) {
        out[j] = 1;
        stack[n++] = j;
      }
    }
  }
  return out;
}

/** The 4-connected pieces of a mask: a label per cell (0 off the mask, else 1..count) and each piece's size. */
export function labelPieces(m: Uint8Array, gw: number, gh: number): { label: Int32Array; sizes: number[] } {
  const label = new Int32Array(m.length);
  const stack = new Int32Array(m.length);
  const sizes = [0];
  for (let i = 0; i < m.length; i++) {
    if (!m[i] || label[i]) continue;
    const id = sizes.length;
    label[i] = id;
    let n = 0;
    let size = 0;
    stack[n++] = i;
    while (n > 0) {
      const k = stack[--n] as number;
      size++;
      const x = k % gw;
      for (let d = 0; d < 4; d++) {
        const j = neighbour(k, x, d, gw, gh);
        if (j >= 0 && m[j] && !label[j]) {
          label[j] = id;
          stack[n++] = j;
        }
      }
    }
    sizes.push(size);
  }
  return { label, sizes };
}

/** Fills the holes of a mask: cells not connected (4-neighbour) to the grid edge through non-mask cells. */
export function fillHoles(m: Uint8Array, gw: number, gh: number): Uint8Array {
  const free = new Uint8Array(m.length);
  for (let i = 0; i < m.length; i++) free[i] = m[i] ? 0 : 1;
  const seeds: number[] = [];
  for (let x = 0; x < gw; x++) seeds.push(x, (gh - 1) * gw + x);
  for (let y = 0; y < gh; y++) seeds.push(y * gw, y * gw + gw - 1);
  const outside = flood(gw, gh, seeds.filter((i) => free[i]), free);
  for (let i = 0; i < outside.length; i++) outside[i] = outside[i] ? 0 : 1;
  return outside;
}
