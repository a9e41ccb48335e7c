/**
 * Both lungs of a real frontal chest film from pixels alone (no hints), as masks on a coarse grid: the largest dark
 * component walled in by brighter chest wall, over rising thresholds up to the Otsu split. A side with no such lung is
 * not found (no guess). Deterministic and pure, uncached (an image's pixels may change in place). The five steps and
 * their thresholds: forgery/README.md, Decisions.
 */
import { maskBounds, type Box } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import { atEdge, fillHoles, flood, gridOf, labelPieces, otsuThreshold } from './lung-grid.js';
import type { Grid } from './lung-grid.js';

export interface FoundLung {
  /** Pixel bounding box of the mask. */
  readonly box: Box;
  contains(x: number, y: number): boolean;
}

const LEVELS = 24;
/** The chest wall lateral to a lung cell is brighter than it by at least this fraction of the field's range. */
const WALL = 0.05;
/** Farthest a lung's centre lies from the midline, as a fraction of the field width (about half a thorax). */
const THORAX = 0.36;

/** Where one side's lung may lie. */
interface Zone {
  readonly cells: Uint8Array;
  /** Zone cells with a brighter wall between them and the field's edge on their own side (see the header). */
  readonly walled: Uint8Array;
  readonly xa: number;
  readonly xb: number;
  readonly ya: number;
  readonly yb: number;
}

function sideZone(g: Grid, m: number, side: 'right' | 'left'): Zone | undefined {
  const { gw, gh, f, v } = g;
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
  const walled = new Uint8Array(gw * gh);
  const wall = WALL * g.range;
  for (let y = ya; y < yb; y++) {
    cells.fill(1, y * gw + xa, y * gw + xb);
    // The brightest cell from the field's edge on this side in to each cell (itself included).
    let run = -Infinity;
    const [from, to, dx] = side === 'right' ? [f.x0, xb, 1] : [f.x1 - 1, xa - 1, -1];
    for (let x = from; x !== to; x += dx) {
      const i = y * gw + x;
      run = Math.max(run, v[i] as number);
      if (x >= xa && x < xb && run - (v[i] as number) >= wall) walled[i] = 1;
    }
  }
  return { cells, walled, xa, xb, ya, yb };
}

interface Found {
  readonly mask: Uint8Array;
  /** Level at which the lung was taken (LEVELS: still growing at the split) and its size in cells. */
  readonly k: number;
  readonly size: number;
}

/** One lung's grid mask, or undefined when none is found (see the header, steps 2 to 4). */
function findSide(g: Grid, mid: number, side: 'right' | 'left'): Uint8Array | undefined {
  const m = mid / g.b;
  const zone = sideZone(g, m, side);
  if (!zone) return undefined;
  const first = search(g, zone, m);
  if (first.top === undefined || (first.lung && first.lung.k < LEVELS)) return first.lung?.mask;
  const second = search(g, zone, m, outsideAt(g, zone, m, first.top)).lung;
  if (!first.lung || !second) return (second ?? first.lung)?.mask;
  return second.size > first.lung.size ? second.mask : first.lung.mask;
}

/**
 * The dark class (cells of the zone at most t, not eroded) that is outside the body: its pieces that reach the
 * field's edge band or are centred farther from the midline than a lung can be.
 */
function outsideAt(g: Grid, zone: Zone, m: number, t: number): Uint8Array {
  const { gw, gh, v, f } = g;
  const dark = new Uint8Array(gw * gh);
  for (let i = 0; i < dark.length; i++) if (zone.cells[i] && (v[i] as number) <= t) dark[i] = 1;
  const { label, sizes } = labelPieces(dark, gw, gh);
  const out = new Uint8Array(sizes.length);
  const sx = new Float64Array(sizes.length);
  for (let i = 0; i < label.length; i++) {
    const id = label[i] as number;
    if (!id) continue;
    const x = i % gw;
    sx[id] = (sx[id] as number) + x;
    if (atEdge(g, x, (i - x) / gw)) out[id] = 1;
  }
  for (let id = 1; id < sizes.length; id++) if (Math.abs((sx[id] as number) / (sizes[id] as number) - m) > THORAX * (f.x1 - f.x0)) out[id] = 1;
  const mask = new Uint8Array(gw * gh);
  for (let i = 0; i < label.length; i++) if (out[label[i] as number] && label[i]) mask[i] = 1;
  return mask;
}

/**
 * Thresholds rise from the darkest zone cells to their Otsu split (cells in `outside` left out of both); the largest
 * candidate component over all levels wins (header, steps 2 and 3). `top` is the split, undefined for a zone too
 * small to search.
 */
function search(g: Grid, zone: Zone, m: number, outside?: Uint8Array): { lung?: Found; top?: number } {
  const { gw, gh, v, f } = g;
  const { cells, walled, xa, xb, ya, yb } = zone;
  const fw = f.x1 - f.x0;
  const fh = f.y1 - f.y0;
  let nz = 0;
  for (let i = 0; i < cells.length; i++) if (cells[i] && !outside?.[i]) nz++;
  if (nz < 100) return {};
  const vals = new Float32Array(nz);
  for (let i = 0, n = 0; i < cells.length; i++) if (cells[i] && !outside?.[i]) vals[n++] = v[i] as number;
  const top = otsuThreshold(vals);
  vals.sort();
  const bottom = vals[Math.floor(vals.length * 0.02)] as number;
  const step = Math.max(1e-6, (top - bottom) / LEVELS);
  // Level at which each zone cell joins the eroded dark class (0 = never): the first k with its eroded value (the
  // maximum over it and its 4 neighbours, all in the zone) <= t_k. Cells of `outside` join too, as outside cells.
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
  const out = new Uint8Array(gw * gh);
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
    out[ra] = (out[ra] as number) | (out[rb] as number);
  };
  const minSize = 0.01 * fw * fh;
  let best: { size: number; k: number; seed: number } | undefined;
  // Only components that grew at a level can become the best there: their cells are checked (by their root) then.
  const seen = new Uint8Array(gw * gh);
  for (let k = 1; k <= LEVELS; k++) {
    const from = count[k] as number;
    const to = count[k + 1] as number;
    for (let n = from; n < to; n++) {
      const i = order[n] as number;
      const x = i % gw;
      const y = (i - x) / gw;
      parent[i] = i;
      size[i] = 1;
      sx[i] = x;
      sy[i] = y;
      out[i] = atEdge(g, x, y) || !walled[i] || outside?.[i] ? 1 : 0;
      // Cells that join have all 4 neighbours in the zone, so inside the grid.
      if ((parent[i - 1] as number) >= 0) union(i, i - 1);
      if ((parent[i + 1] as number) >= 0) union(i, i + 1);
      if ((parent[i - gw] as number) >= 0) union(i, i - gw);
      if ((parent[i + gw] as number) >= 0) union(i, i + gw);
    }
    for (let n = from; n < to; n++) {
      const i = find(order[n] as number);
      if (seen[i] === k) continue;
      seen[i] = k;
      const s = size[i] as number;
      // Not outside, centred above the lower quarter (not gas under the diaphragm) and within the thorax's width of
      // the midline (not a dark strip inside a bright collimation frame at the film's side).
      if (out[i] || s < minSize || (sy[i] as number) / s > f.y0 + 0.75 * fh) continue;
      if (Math.abs((sx[i] as number) / s - m) > THORAX * fw) continue;
      if (!best || s > best.size) best = { size: s, k, seed: i };
    }
  }
  if (!best) return { top };
  const bestK = best.k;
  const inCore = new Uint8Array(gw * gh);
  for (let i = 0; i < inCore.length; i++) if (level[i] !== 0 && (level[i] as number) <= bestK) inCore[i] = 1;
  const core = flood(gw, gh, [best.seed], inCore);
  // Dilate the core by one cell inside the walled dark class (not eroded), then fill its holes.
  const t = bottom + step * bestK;
  const grown = new Uint8Array(gw * gh);
  for (let i = 0; i < core.length; i++) {
    if (!cells[i] || !walled[i] || outside?.[i] || (v[i] as number) > t) continue;
    const x = i % gw;
    if (core[i] || (x > 0 && core[i - 1]) || (x < gw - 1 && core[i + 1]) || core[i - gw] || core[i + gw]) grown[i] = 1;
  }
  return { lung: { mask: fillHoles(grown, gw, gh), k: bestK, size: best.size }, top };
}

/** Both lungs (patient right = image left); a side is missing when no lung is found there (see the header). */
export function findLungs(img: GrayImage, midlineX: number): { right?: FoundLung; left?: FoundLung } {
  const g = gridOf(img);
  const out: { right?: FoundLung; left?: FoundLung } = {};
  for (const side of ['right', 'left'] as const) {
    const mask = findSide(g, midlineX, side);
    if (mask) out[side] = asLung(mask, g, img.width, img.height);
  }
  return out;
}

function asLung(mask: Uint8Array, g: Grid, w: number, h: number): FoundLung {
  const { gw, gh, b } = g;
  // A found lung always has cells (its core holds the seed).
  const { x0, y0, x1, y1 } = maskBounds(gw, gh, (i) => mask[i] === 1) ?? { x0: 0, y0: 0, x1: 0, y1: 0 };
  const box: Box = { x0: x0 * b, x1: Math.min(w, x1 * b), y0: y0 * b, y1: Math.min(h, y1 * b) };
  const contains = (x: number, y: number): boolean =>
    x >= 0 && y >= 0 && x < w && y < h && mask[Math.floor(y / b) * gw + Math.floor(x / b)] === 1;
  return { box, contains };
}
