import type { Rng } from '../domain/index.js';
import { blurred, rowAt, type Grid } from './grids.js';
import type { DetectorSpec } from './acquisition.js';
import { normalTable } from './noise.js';
import type { RowSource } from './compose.js';
import { CollimatorField, type FieldShape } from './field.js';

const EXP_STEP = 256;
const EXP_MAX = 40;

/**
 * Image formation on the detector from the line-integral map: Beer-Lambert primary I0 exp(-sum mu t), the anode
 * heel effect and inverse-square fall-off, the collimator's shutters (with leakage), scatter that the grid lets
 * through (a smooth veil that also greys the collimated margins), a stationary grid's shadow on some CR films,
 * Poisson quantum noise on the expected counts, and the detector's light spread, which blurs the noise as well as
 * the signal, so the grain is correlated over a pixel or two rather than white (Bushberg et al., "The Essential
 * Physics of Medical Imaging", 3rd ed., ch. 7-8; AAPM Report 93, 2006, on CR; AAPM Report 116, 2009).
 */
export interface ExposureParams {
  readonly i0: number;
  readonly heel: number;
  readonly anodeUp: boolean;
  readonly field: FieldShape;
  readonly spr: number;
  readonly scatterSigmaPx: number;
  readonly detector: DetectorSpec;
  /** Detector blur as a Gaussian sigma in pixels. */
  readonly blurPx: number;
}

/**
 * Expected primary counts, row by row: exp(-L) through a table, times heel, fall-off, grid and collimator. A class
 * rather than a closure per film, so that V8 keeps one optimised copy of row() across films.
 */
export class PrimaryRows implements RowSource {
  private readonly expTab: Float64Array;
  private readonly gridRow: Float32Array;
  private readonly col: Float32Array;
  private readonly r2: number;
  private readonly field: CollimatorField;
  private readonly L: Float32Array;

  constructor(private readonly lines: RowSource, private readonly w: number, private readonly h: number, private readonly e: ExposureParams) {
    this.expTab = new Float64Array(EXP_MAX * EXP_STEP + 2);
    for (let i = 0; i < this.expTab.length; i++) this.expTab[i] = Math.exp(-i / EXP_STEP);
    const grid = e.detector.gridLines;
    this.gridRow = new Float32Array(h).fill(1);
    this.col = new Float32Array(w);
    this.r2 = (w * w + h * h) / 4;
    for (let x = 0; x < w; x++) this.col[x] = 1 - (0.03 * (x - w / 2) ** 2) / this.r2;
    if (grid) {
      const tgt = grid.angle === 0 ? this.col : this.gridRow;
      for (let i = 0; i < tgt.length; i++) tgt[i] = (tgt[i] as number) * (1 - grid.depth * (0.5 + 0.5 * Math.cos((2 * Math.PI * i) / grid.periodPx)));
    }
    this.field = new CollimatorField(e.field, w, h);
    this.L = new Float32Array(w);
  }

  row(y: number, out: Float32Array): void {
    const { w, h, e, L, expTab, col, field } = this;
    const last = EXP_MAX * EXP_STEP;
    this.lines.row(y, L);
    const t = (y + 0.5) / h - 0.5;
    const tc = e.anodeUp ? t : -t;
    const heel = 1 + e.heel * 2 * tc - 0.6 * e.heel * (tc + 0.5) * (tc - 0.5);
    const ry = e.i0 * heel * (1 - (0.03 * (y - h / 2) ** 2) / this.r2) * (this.gridRow[y] as number);
    let lo = 0;
    let hi = w - 1;
    if (!field.open) {
      field.span(y);
      lo = field.lo;
      hi = field.hi;
    }
    for (let x = 0; x < w; x++) {
      let q = (L[x] as number) * EXP_STEP;
      q = q < 0 ? 0 : q > last ? last : q;
      const k = q | 0;
      const tt = expTab[k] as number;
      let b = ry * (col[x] as number);
      if (x < lo || x > hi) b *= field.weight(x + 0.5, y + 0.5);
      out[x] = b * (tt + ((expTab[k + 1] as number) - tt) * (q - k));
    }
  }
}

/** Mean primary per 16 x 16 block, from every eighth row (scatter has no detail at that scale). */
function scatterGrid(rows: RowSource, w: number, h: number, K: number): Grid {
  const gw = Math.ceil(w / K);
  const gh = Math.ceil(h / K);
  const sum = new Float32Array(gw * gh);
  const cnt = new Float32Array(gw * gh);
  const buf = new Float32Array(w);
  for (let y = 3; y < h; y += 8) {
    rows.row(y, buf);
    addToCells(buf, sum, cnt, ((y / K) | 0) * gw, w, K);
  }
  for (let i = 0; i < sum.length; i++) {
    // A last row of cells too thin to hold a sampled row takes the values of the row above.
    sum[i] = (cnt[i] as number) > 0 ? (sum[i] as number) / (cnt[i] as number) : i >= gw ? (sum[i - gw] as number) : 0;
  }
  return { data: sum, width: gw, height: gh };
}

/** One sampled row into its cells (a row function: see "Row functions" in README.md). */
function addToCells(buf: Float32Array, sum: Float32Array, cnt: Float32Array, g: number, w: number, K: number): void {
  for (let x = 0; x < w; x++) {
    sum[g + ((x / K) | 0)] = (sum[g + ((x / K) | 0)] as number) + (buf[x] as number);
    cnt[g + ((x / K) | 0)] = (cnt[g + ((x / K) | 0)] as number) + 1;
  }
}

/** One row of Poisson noise on the expected counts (primary plus scatter); returns the xorshift state. */
function noisyRow(prim: Float32Array, scat: Float32Array, spr: number, table: Float32Array, st0: number, row: Float32Array): number {
  const mask = table.length - 1;
  let st = st0 | 0;
  for (let x = 0; x < row.length; x++) {
    const n = (prim[x] as number) + spr * (scat[x] as number);
    // xorshift32 kept in int32 (a >>> 0 would make it a heap double and cost more than the rest of the loop).
    st ^= st << 13;
    st ^= st >>> 17;
    st ^= st << 5;
    const v = n + Math.sqrt(n) * (table[st & mask] as number);
    row[x] = v > 0 ? v : 0;
  }
  return st;
}

/** Horizontal 3-tap blur [a, c0, a] of a row into `dst`, edges reflected. */
function blurRow(row: Float32Array, dst: Float32Array, a: number, c0: number): void {
  const w = row.length;
  dst[0] = (c0 + a) * (row[0] as number) + a * (row[1] as number);
  for (let x = 1; x < w - 1; x++) dst[x] = a * (row[x - 1] as number) + c0 * (row[x] as number) + a * (row[x + 1] as number);
  dst[w - 1] = a * (row[w - 2] as number) + (c0 + a) * (row[w - 1] as number);
}

/** Vertical 3-tap blur of three rows into row `o` of `out`. */
function blurCols(up: Float32Array, mid: Float32Array, dn: Float32Array, out: Float32Array, o: number, a: number, c0: number): void {
  for (let x = 0; x < mid.length; x++) out[o + x] = a * (up[x] as number) + c0 * (mid[x] as number) + a * (dn[x] as number);
}

/**
 * Scatter along row y: the grid row interpolated in y (into gv), then linearly in x between grid centres
 * ((j + 0.5) K), stepped one pixel at a time (constant beyond the first and last centre).
 */
function scatterRow(S: Grid, K: number, y: number, gv: Float32Array, scat: Float32Array): void {
  const Sd = S.data;
  const gw = gv.length;
  const [r0, r1, fy] = rowAt(S, K, y);
  for (let j = 0; j < gw; j++) gv[j] = (Sd[r0 + j] as number) + ((Sd[r1 + j] as number) - (Sd[r0 + j] as number)) * fy;
  const w = scat.length;
  let x = 0;
  const first = Math.min(w, Math.ceil(0.5 * K - 0.5));
  for (; x < first; x++) scat[x] = gv[0] as number;
  for (let j = 0; j + 1 < gw && x < w; j++) {
    const end = Math.min(w, Math.ceil((j + 1.5) * K - 0.5));
    const step = ((gv[j + 1] as number) - (gv[j] as number)) / K;
    let v = (gv[j] as number) + step * (x + 0.5 - (j + 0.5) * K);
    for (; x < end; x++, v += step) scat[x] = v;
  }
  for (; x < w; x++) scat[x] = gv[gw - 1] as number;
}

/**
 * Detected quanta per pixel (noisy, detector-blurred) into `out`, reading the line integral row by row. One pass:
 * primary, scatter, Poisson noise and both halves of the detector blur; rows wait in a ring of three until their
 * lower neighbour exists, so the plane is written once.
 */
export function expose(lines: RowSource, w: number, h: number, e: ExposureParams, rng: Rng, out: Float32Array): Float32Array {
  const rows = new PrimaryRows(lines, w, h, e);
  const K = 16;
  const S = blurred(scatterGrid(rows, w, h, K), e.scatterSigmaPx / K, 'x:scatterBlur');
  const prim = new Float32Array(w);
  const scat = new Float32Array(w);
  const gv = new Float32Array(S.width);
  const row = new Float32Array(w);
  const { table, seed } = normalTable(rng);
  let st = seed | 0;
  // Separable light spread: a 3-tap kernel [a, 1-2a, a] per axis with variance 2a = sigma^2; a <= 1/4 keeps it a
  // low-pass (above, its response at the Nyquist frequency 1 - 4a turns negative and it would amplify checkerboards).
  const a = Math.min(0.25, 0.5 * e.blurPx * e.blurPx);
  const c0 = 1 - 2 * a;
  const ring = [new Float32Array(w), new Float32Array(w), new Float32Array(w)];
  for (let y = 0; y < h; y++) {
    rows.row(y, prim);
    scatterRow(S, K, y, gv, scat);
    st = noisyRow(prim, scat, e.spr, table, st, row);
    blurRow(row, ring[y % 3] as Float32Array, a, c0);
    if (y === 0) (ring[2] as Float32Array).set(ring[0] as Float32Array);
    else blurCols(ring[(y + 1) % 3] as Float32Array, ring[(y - 1) % 3] as Float32Array, ring[y % 3] as Float32Array, out, (y - 1) * w, a, c0);
  }
  // The last row reflects its upper neighbour.
  const last = ring[(h - 1) % 3] as Float32Array;
  blurCols(ring[(h - 2 + 3) % 3] as Float32Array, last, last, out, (h - 1) * w, a, c0);
  return out;
}
