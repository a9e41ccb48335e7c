import type { Rng } from '../domain/rng.js';
import { blurred, columns, rowAt, type Grid } from './grids.js';
import type { DetectorSpec } from './acquisition.js';
import { normalSource } from './noise.js';

/**
 * Image formation on the detector from the line-integral map: Beer-Lambert primary I0 exp(-sum mu t), the anode
 * heel effect and inverse-square fall-off, the collimator's shutters (with leakage), scatter that the grid lets
 * through (a smooth veil that also greys the collimated margins), a stationary grid's shadow on some CR films,
 * Poisson quantum noise on the expected counts, and the detector's light spread, which blurs the noise as well as
 * the signal, so the grain is correlated over a pixel or two rather than white (Bushberg et al., "The Essential
 * Physics of Medical Imaging", 3rd ed., ch. 7-8; AAPM Report 93, 2006, on CR; AAPM Report 116, 2009).
 */
export interface FieldShape {
  /** Open field in final pixels, before its own tilt about its centre. */
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly tilt: number;
  readonly penumbra: number;
}

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

/** Lead shutters are not perfectly opaque, and off-focal radiation leaks past them. */
const LEAK = 0.02;

const smooth = (t: number): number => (t <= 0 ? 0 : t >= 1 ? 1 : t * t * (3 - 2 * t));

/** Open-field transmission of the collimator at a pixel: 1 inside, LEAK outside, soft over the penumbra. */
export function fieldWeight(f: FieldShape): (x: number, y: number) => number {
  const cx = (f.x0 + f.x1) / 2;
  const cy = (f.y0 + f.y1) / 2;
  const c = Math.cos(f.tilt);
  const s = Math.sin(f.tilt);
  const hx = (f.x1 - f.x0) / 2;
  const hy = (f.y1 - f.y0) / 2;
  const p = f.penumbra;
  return (x, y) => {
    const u = c * (x - cx) + s * (y - cy);
    const v = -s * (x - cx) + c * (y - cy);
    const w = smooth((hx - Math.abs(u) + p) / (2 * p)) * smooth((hy - Math.abs(v) + p) / (2 * p));
    return LEAK + (1 - LEAK) * w;
  };
}

/** True when the shutters lie outside the detector (no visible collimation). */
export function isOpenField(f: FieldShape, w: number, h: number): boolean {
  return f.tilt === 0 && f.x0 <= -f.penumbra && f.y0 <= -f.penumbra && f.x1 >= w + f.penumbra && f.y1 >= h + f.penumbra;
}

/** Expected primary counts, row by row: exp(-L) through a table, times heel, fall-off, grid and collimator. */
function primaryRows(lineRow: (y: number, out: Float32Array) => void, w: number, h: number, e: ExposureParams): (y: number, out: Float32Array) => void {
  const EXP_STEP = 256;
  const EXP_MAX = 40;
  const expTab = new Float64Array(EXP_MAX * EXP_STEP + 2);
  for (let i = 0; i < expTab.length; i++) expTab[i] = Math.exp(-i / EXP_STEP);
  const last = EXP_MAX * EXP_STEP;
  const grid = e.detector.gridLines;
  const gridRow = new Float32Array(h).fill(1);
  const col = new Float32Array(w);
  const r2 = (w * w + h * h) / 4;
  for (let x = 0; x < w; x++) col[x] = 1 - (0.03 * (x - w / 2) ** 2) / r2;
  if (grid) {
    const tgt = grid.angle === 0 ? col : gridRow;
    for (let i = 0; i < tgt.length; i++) tgt[i] = (tgt[i] as number) * (1 - grid.depth * (0.5 + 0.5 * Math.cos((2 * Math.PI * i) / grid.periodPx)));
  }
  const fw = isOpenField(e.field, w, h) ? null : fieldWeight(e.field);
  const L = new Float32Array(w);
  return (y, out) => {
    lineRow(y, L);
    const t = (y + 0.5) / h - 0.5;
    const tc = e.anodeUp ? t : -t;
    const heel = 1 + e.heel * 2 * tc - 0.6 * e.heel * (tc + 0.5) * (tc - 0.5);
    const ry = e.i0 * heel * (1 - (0.03 * (y - h / 2) ** 2) / r2) * (gridRow[y] as number);
    for (let x = 0; x < w; x++) {
      let q = (L[x] as number) * EXP_STEP;
      q = q < 0 ? 0 : q > last ? last : q;
      const k = q | 0;
      const tt = expTab[k] as number;
      out[x] = ry * (col[x] as number) * (fw ? fw(x + 0.5, y + 0.5) : 1) * (tt + ((expTab[k + 1] as number) - tt) * (q - k));
    }
  };
}

/** Mean primary per 16 x 16 block, from every eighth row (scatter has no detail at that scale). */
function scatterGrid(rows: (y: number, out: Float32Array) => void, w: number, h: number, K: number): Grid {
  const gw = Math.ceil(w / K);
  const gh = Math.ceil(h / K);
  const sum = new Float32Array(gw * gh);
  const cnt = new Float32Array(gw * gh);
  const buf = new Float32Array(w);
  for (let y = 3; y < h; y += 8) {
    rows(y, buf);
    const g = ((y / K) | 0) * gw;
    for (let x = 0; x < w; x++) {
      sum[g + ((x / K) | 0)] = (sum[g + ((x / K) | 0)] as number) + (buf[x] as number);
      cnt[g + ((x / K) | 0)] = (cnt[g + ((x / K) | 0)] as number) + 1;
    }
  }
  for (let i = 0; i < sum.length; i++) {
    // A last row of cells too thin to hold a sampled row takes the values of the row above.
    sum[i] = (cnt[i] as number) > 0 ? (sum[i] as number) / (cnt[i] as number) : i >= gw ? (sum[i - gw] as number) : 0;
  }
  return { data: sum, width: gw, height: gh };
}

/**
 * Detected quanta per pixel (noisy, detector-blurred) into `out`, reading the line integral row by row. One pass: primary,
 * scatter, Poisson noise and both halves of the detector blur row by row.
 */
export function expose(lineRow: (y: number, out: Float32Array) => void, w: number, h: number, e: ExposureParams, rng: Rng, out: Float32Array): Float32Array {
  const rows = primaryRows(lineRow, w, h, e);
  const K = 16;
  const S = blurred(scatterGrid(rows, w, h, K), e.scatterSigmaPx / K, 'x:scatterBlur');
  const cols = columns(S, K, w);
  const Sd = S.data;
  const prim = new Float32Array(w);
  const gauss = normalSource(rng);
  const b = e.blurPx;
  // Separable light spread: a 3-tap kernel [a, 1-2a, a] per axis with variance 2a = sigma^2; a <= 1/4 keeps it a
  // low-pass (above, its response at the Nyquist frequency 1 - 4a turns negative and it would amplify checkerboards).
  const a = Math.min(0.25, 0.5 * b * b);
  const c0 = 1 - 2 * a;
  const row = new Float32Array(w);
  // Horizontally blurred rows go into a ring of three; each output row is written once its neighbours exist
  // (the vertical pass fused in, so the plane is walked once).
  const ring = [new Float32Array(w), new Float32Array(w), new Float32Array(w)] as const;
  const emit = (y: number): void => {
    const up = ring[(y + 2) % 3] as Float32Array;
    const mid = ring[y % 3] as Float32Array;
    const dn = ring[(y + 1) % 3] as Float32Array;
    const o = y * w;
    for (let x = 0; x < w; x++) out[o + x] = a * (up[x] as number) + c0 * (mid[x] as number) + a * (dn[x] as number);
  };
  for (let y = 0; y < h; y++) {
    rows(y, prim);
    const [r0, r1, fy] = rowAt(S, K, y);
    for (let x = 0; x < w; x++) {
      const a0 = cols.i0[x] as number;
      const a1 = cols.i1[x] as number;
      const fx = cols.f[x] as number;
      const top = (Sd[r0 + a0] as number) + ((Sd[r0 + a1] as number) - (Sd[r0 + a0] as number)) * fx;
      const bot = (Sd[r1 + a0] as number) + ((Sd[r1 + a1] as number) - (Sd[r1 + a0] as number)) * fx;
      const n = (prim[x] as number) + e.spr * (top + (bot - top) * fy);
      const v = n + Math.sqrt(n) * gauss();
      row[x] = v > 0 ? v : 0;
    }
    const hb = ring[y % 3] as Float32Array;
    hb[0] = (c0 + a) * (row[0] as number) + a * (row[1] as number);
    for (let x = 1; x < w - 1; x++) hb[x] = a * (row[x - 1] as number) + c0 * (row[x] as number) + a * (row[x + 1] as number);
    hb[w - 1] = a * (row[w - 2] as number) + (c0 + a) * (row[w - 1] as number);
    if (y === 0) (ring[2] as Float32Array).set(hb);
    else emit(y - 1);
  }
  // The last row reflects its upper neighbour.
  (ring[h % 3] as Float32Array).set(ring[(h - 1) % 3] as Float32Array);
  emit(h - 1);
  return out;
}
