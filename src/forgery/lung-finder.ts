/**
 * Both lungs of a real frontal chest film, from pixels alone (no hints), as masks on a coarse grid:
 *
 * 1. The film as block means (about 256 cells across). Shutter borders (flat lines at black or white along an edge,
 *    positioning.ts `detectField`) are cut off: the film's edge is the exposed field's edge, so air walled in by a
 *    bright collimation frame still counts as outside the body.
 * 2. Per side, an Otsu split (IEEE SMC 1979) of the field's cells beside the midline; thresholds rise from the
 *    darkest cells to that split. At each, the dark class, eroded by one cell so thin dark bridges (a faint chest
 *    wall, a gap between lines) break, falls into 4-connected components. All levels come from one pass: a cell's
 *    eroded value is the maximum over it and its 4 neighbours, cells join in order of that value and a union-find
 *    keeps each component's size, centroid and whether it reaches the field's edge band.
 * 3. Components reaching the edge band are air, background or dark collimation outside the body: not lung. When no
 *    lung-sized piece is left, the dark class reaching the edge band is dropped and the split is redone without it.
 * 4. The lung is the largest remaining component over all levels whose centre lies above the lower quarter of the
 *    field (gas under the diaphragm is a separate, smaller piece) and within the thorax's width of the midline; it is
 *    dilated back inside the dark class, and its holes (vessels, ribs, nodules, devices) are filled.
 * Deterministic and pure. No cache: about 15 ms for a 1024 px film, and a cache keyed on the image object would be
 * wrong once anyone mutated its pixels in place.
 */
import type { Box } from '../domain/geometry.js';
import type { GrayImage } from '../imaging/types.js';
import { detectField } from './positioning.js';

export interface FoundLung {
  /** Pixel bounding box of the mask. */
  readonly box: Box;
  contains(x: number, y: number): boolean;
}

interface Grid {
  readonly gw: number;
  readonly gh: number;
  readonly b: number;
  readonly v: Float32Array;
  /** The exposed field in whole cells: x0, y0 inclusive, x1, y1 exclusive. */
  readonly f: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number };
}

/** Block means with block side b = round(width / 256) (at least 1), and the exposed field in cells. */
function gridOf(img: GrayImage): Grid {
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
  return { gw, gh, b, v, f };
}

/** Otsu's split of the values (64 bins between their extremes), as a value. */
function otsuThreshold(vals: ArrayLike<number>): number {
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

/** The cells 4-connected to the seeds through cells where `ok` holds (seeds included), as a 0/1 mask. */
function flood(gw: number, gh: number, seeds: readonly number[], ok: (i: number) => boolean): Uint8Array {
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
    const visit = (j: number): void => {
      if (!out[j] && ok(j)) {
        out[j] = 1;
        stack[n++] = j;
      }
    };
    if (x > 0) visit(k - 1);
    if (x < gw - 1) visit(k + 1);
    if (k >= gw) visit(k - gw);
    if (k < gw * (gh - 1)) visit(k + gw);
  }
  return out;
}

/** Fills the holes of a mask: cells not connected (4-neighbour) to the grid edge through non-mask cells. */
function fillHoles(m: Uint8Array, gw: number, gh: number): Uint8Array {
  const outside = new Uint8Array(m.length);
  const stack = new Int32Array(m.length);
  let n = 0;
  const push = (i: number): void => {
    if (!m[i] && !outside[i]) {
      outside[i] = 1;
      stack[n++] = i;
    }
  };
  for (let x = 0; x < gw; x++) {
    push(x);
    push((gh - 1) * gw + x);
  }
  for (let y = 0; y < gh; y++) {
    push(y * gw);
    push(y * gw + gw - 1);
  }
  while (n > 0) {
    const k = stack[--n] as number;
    const x = k % gw;
    if (x > 0) push(k - 1);
    if (x < gw - 1) push(k + 1);
    if (k >= gw) push(k - gw);
    if (k < gw * (gh - 1)) push(k + gw);
  }
  for (let i = 0; i < outside.length; i++) outside[i] = outside[i] ? 0 : 1;
  return outside;
}

const LEVELS = 24;

/** Where one side's lung may lie: field cells beside the midline, 4% to 92% of the field height down. */
interface Zone {
  readonly cells: Uint8Array;
  readonly xa: number;
  readonly xb: number;
  readonly ya: number;
  readonly yb: number;
}

function sideZone(g: Grid, m: number, side: 'right' | 'left'): Zone | undefined {
  const { gw, gh, f } = g;
  const fw = f.x1 - f.x0;
  const fh = f.y1 - f.y0;
  if (fw < 16 || fh < 16) return undefined;
  const gap = 0.03 * fw;
  const xa = side === 'right' ? f.x0 : Math.max(f.x0, Math.ceil(m + gap));
  const xb = side === 'right' ? Math.min(f.x1, Math.ceil(m - gap)) : f.x1;
  const ya = f.y0 + Math.floor(0.04 * fh);
  const yb = f.y0 + Math.ceil(0.92 * fh);
  if (xb - xa < 4 || (xb - xa) * (yb - ya) < 100) return undefined;
  const cells = new Uint8Array(gw * gh);
  for (let y = ya; y < yb; y++) cells.fill(1, y * gw + xa, y * gw + xb);
  return { cells, xa, xb, ya, yb };
}

/**
 * One lung's grid mask, or undefined when no plausible dark piece is found. Normally one search; when it finds
 * nothing, the dark class at its top threshold that reaches the edge band (air, background or dark collimation
 * outside the body, which can pull the Otsu split down between outside air and the body) is dropped from the zone
 * and the search runs again, so the next split falls between lung and chest wall.
 */
function findSide(g: Grid, mid: number, side: 'right' | 'left'): Uint8Array | undefined {
  const m = mid / g.b;
  const zone = sideZone(g, m, side);
  if (!zone) return undefined;
  const first = search(g, zone, m);
  if (first.mask || first.top === undefined) return first.mask;
  const { gw, v } = g;
  const top = first.top;
  const dark = (i: number): boolean => zone.cells[i] === 1 && (v[i] as number) <= top;
  const seeds: number[] = [];
  for (let i = 0; i < zone.cells.length; i++) if (dark(i) && atEdge(g, i % gw, Math.floor(i / gw))) seeds.push(i);
  const outside = flood(gw, g.gh, seeds, dark);
  const cells = zone.cells.slice();
  for (let i = 0; i < cells.length; i++) if (outside[i]) cells[i] = 0;
  return search(g, { ...zone, cells }, m).mask;
}

/** Whether a cell lies in the edge band of the field (2.5% of its width). */
function atEdge(g: Grid, x: number, y: number): boolean {
  const { f } = g;
  const band = Math.max(1, Math.round(0.025 * (f.x1 - f.x0)));
  return x < f.x0 + band || y < f.y0 + band || x >= f.x1 - band || y >= f.y1 - band;
}

/**
 * Thresholds rise from the darkest zone cells to their Otsu split; the largest candidate piece over all levels wins.
 * A lung only grows as the threshold rises until it merges with the air outside (then it reaches the edge band and
 * stops counting), so that is the lung at the highest level still inside the body.
 */
function search(g: Grid, zone: Zone, m: number): { mask?: Uint8Array; top?: number } {
  const { gw, gh, v, f } = g;
  const { cells, xa, xb, ya, yb } = zone;
  const fw = f.x1 - f.x0;
  const fh = f.y1 - f.y0;
  let nz = 0;
  for (let i = 0; i < cells.length; i++) nz += cells[i] as number;
  if (nz < 100) return {};
  const vals = new Float32Array(nz);
  for (let i = 0, n = 0; i < cells.length; i++) if (cells[i]) vals[n++] = v[i] as number;
  const top = otsuThreshold(vals);
  vals.sort();
  const bottom = vals[Math.floor(vals.length * 0.02)] as number;
  const step = Math.max(1e-6, (top - bottom) / LEVELS);
  // Level at which each zone cell joins the eroded dark class (0 = never): the first k with its eroded value (the
  // maximum over it and its 4 neighbours, all in the zone) <= t_k.
  const level = new Uint8Array(gw * gh);
  const count = new Int32Array(LEVELS + 2);
  for (let y = Math.max(1, ya); y < Math.min(gh - 1, yb); y++) {
    for (let x = Math.max(1, xa); x < Math.min(gw - 1, xb); x++) {
      const i = y * gw + x;
      if (!cells[i] || !cells[i - 1] || !cells[i + 1] || !cells[i - gw] || !cells[i + gw]) continue;
      const e = Math.max(v[i] as number, v[i - 1] as number, v[i + 1] as number, v[i - gw] as number, v[i + gw] as number);
      if (e > top) continue;
      const k = Math.max(1, Math.ceil((e - bottom) / step - 1e-9));
      if (k > LEVELS) continue;
      level[i] = k;
      count[k + 1] = (count[k + 1] as number) + 1;
    }
  }
  // Counting sort of the cells by level, then a union-find over them, level by level.
  for (let k = 1; k <= LEVELS + 1; k++) count[k] = (count[k] as number) + (count[k - 1] as number);
  const order = new Int32Array(count[LEVELS + 1] as number);
  const next = count.slice();
  for (let i = 0; i < level.length; i++) {
    const k = level[i] as number;
    if (!k) continue;
    order[next[k] as number] = i;
    next[k] = (next[k] as number) + 1;
  }
  const parent = new Int32Array(gw * gh).fill(-1);
  const size = new Int32Array(gw * gh);
  const sx = new Float64Array(gw * gh);
  const sy = new Float64Array(gw * gh);
  const edge = new Uint8Array(gw * gh);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[i] !== r) {
      const up = parent[i] as number;
      parent[i] = r;
      i = up;
    }
    return r;
  };
  const union = (a: number, b: number): void => {
    let ra = find(a);
    let rb = find(b);
    if (ra === rb) return;
    if ((size[ra] as number) < (size[rb] as number)) [ra, rb] = [rb, ra];
    parent[rb] = ra;
    size[ra] = (size[ra] as number) + (size[rb] as number);
    sx[ra] = (sx[ra] as number) + (sx[rb] as number);
    sy[ra] = (sy[ra] as number) + (sy[rb] as number);
    edge[ra] = (edge[ra] as number) | (edge[rb] as number);
  };
  const minSize = 0.01 * fw * fh;
  let best: { size: number; k: number; seed: number } | undefined;
  for (let k = 1; k <= LEVELS; k++) {
    const to = count[k + 1] as number;
    for (let n = count[k] as number; n < to; n++) {
      const i = order[n] as number;
      const x = i % gw;
      const y = (i - x) / gw;
      parent[i] = i;
      size[i] = 1;
      sx[i] = x;
      sy[i] = y;
      edge[i] = atEdge(g, x, y) ? 1 : 0;
      // Cells that join have all 4 neighbours in the zone, so inside the grid.
      if ((parent[i - 1] as number) >= 0) union(i, i - 1);
      if ((parent[i + 1] as number) >= 0) union(i, i + 1);
      if ((parent[i - gw] as number) >= 0) union(i, i - gw);
      if ((parent[i + gw] as number) >= 0) union(i, i + gw);
    }
    for (let n = 0; n < to; n++) {
      const i = order[n] as number;
      if (parent[i] !== i) continue;
      const s = size[i] as number;
      // Walled off from the edge, centred above the lower quarter (not gas under the diaphragm) and within the
      // thorax's width of the midline (not a dark strip inside a bright collimation frame at the film's side).
      if (edge[i] || s < minSize || (sy[i] as number) / s > f.y0 + 0.75 * fh) continue;
      if (Math.abs((sx[i] as number) / s - m) > 0.36 * fw) continue;
      if (!best || s > best.size) best = { size: s, k, seed: i };
    }
  }
  if (!best) return { top };
  const bestK = best.k;
  const core = flood(gw, gh, [best.seed], (j) => level[j] !== 0 && (level[j] as number) <= bestK);
  // Dilate the core by one cell inside the dark class (not eroded), then fill its holes.
  const t = bottom + step * bestK;
  const grown = new Uint8Array(gw * gh);
  for (let i = 0; i < core.length; i++) {
    if (!cells[i] || (v[i] as number) > t) continue;
    const x = i % gw;
    if (core[i] || (x > 0 && core[i - 1]) || (x < gw - 1 && core[i + 1]) || core[i - gw] || core[i + gw]) grown[i] = 1;
  }
  return { mask: fillHoles(grown, gw, gh), top };
}

/** Both lungs (patient right = image left). */
export function findLungs(img: GrayImage, midlineX: number): { right?: FoundLung; left?: FoundLung } {
  const g = gridOf(img);
  const out: { right?: FoundLung; left?: FoundLung } = {};
  const masks = { right: findSide(g, midlineX, 'right'), left: findSide(g, midlineX, 'left') };
  for (const side of ['right', 'left'] as const) {
    // A lung not found (opacified, or merged with the air outside at every level) is taken as the mirror image of
    // the other one about the midline: roughly where it is, and it inherits the found lung's distance from the wall.
    const mask = masks[side] ?? mirrored(masks[side === 'right' ? 'left' : 'right'], g, midlineX);
    if (mask) out[side] = asLung(mask, g, img.width, img.height);
  }
  return out;
}

function mirrored(mask: Uint8Array | undefined, g: Grid, midlineX: number): Uint8Array | undefined {
  if (!mask) return undefined;
  const { gw, gh } = g;
  const out = new Uint8Array(gw * gh);
  const m2 = (2 * midlineX) / g.b;
  let n = 0;
  for (let y = 0; y < gh; y++) {
    for (let x = 0; x < gw; x++) {
      const xm = Math.floor(m2 - x - 1);
      if (xm >= 0 && xm < gw && mask[y * gw + xm]) {
        out[y * gw + x] = 1;
        n++;
      }
    }
  }
  return n > 0 ? out : undefined;
}

function asLung(mask: Uint8Array, g: Grid, w: number, h: number): FoundLung {
  const { gw, gh, b } = g;
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let y = 0; y < gh; y++) {
    for (let x = 0; x < gw; x++) {
      if (!mask[y * gw + x]) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x + 1);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y + 1);
    }
  }
  const box: Box = { x0: x0 * b, x1: Math.min(w, x1 * b), y0: y0 * b, y1: Math.min(h, y1 * b) };
  const contains = (x: number, y: number): boolean =>
    x >= 0 && y >= 0 && x < w && y < h && mask[Math.floor(y / b) * gw + Math.floor(x / b)] === 1;
  return { box, contains };
}
