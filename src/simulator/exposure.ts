import type { Rng } from '../domain/index.js';
import { blurred, rowAt, type Grid } from './grids.js';
import type { DetectorSpec } from './acquisition.js';
import { normalTable } from './noise.js';
import type { RowSource } from './compose.js';
import { exposureKernels, type ExposureKernels } from './film-kernels.js';
import { ScratchArena, type FilmPlanes } from './tube-memory.js';
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

const NOISE_N = 1 << 13;
const EXP_N = EXP_MAX * EXP_STEP + 2;

/** The scatter grid's cell (pixels). */
const K = 16;

/** Bytes of the film's scratch (tube-memory.ts filmPlanes) the exposure takes for a w x h film. */
export function exposureScratchBytes(w: number, h: number): number {
  const b = ScratchArena.bytes;
  const gw = Math.ceil(w / K);
  return b(EXP_N, 8) + b(w, 8) + 8 * b(w, 4) + b(NOISE_N, 4) + b(gw * Math.ceil(h / K), 4) + b(gw, 4);
}

/**
 * The exposure's rows and tables in the film's scratch, where the WebAssembly rows read and write them: the exp
 * table and the collimator's weights, the rows (line integrals, primary, scatter, noisy row, the blur's ring of
 * three), the column fall-off and the noise table.
 */
class Scratch {
  readonly expTab: Float64Array;
  readonly wrow: Float64Array;
  readonly L: Float32Array;
  readonly prim: Float32Array;
  readonly scat: Float32Array;
  readonly row: Float32Array;
  readonly ring: readonly [Float32Array, Float32Array, Float32Array];
  readonly col: Float32Array;
  readonly table: Float32Array;
  /** The blurred scatter grid and one of its rows. */
  readonly S: Float32Array;
  readonly gv: Float32Array;

  constructor(planes: FilmPlanes, w: number, h: number) {
    const a = new ScratchArena(planes);
    this.expTab = a.f64(EXP_N);
    this.wrow = a.f64(w);
    this.L = a.f32(w);
    this.prim = a.f32(w);
    this.scat = a.f32(w);
    this.row = a.f32(w);
    this.ring = [a.f32(w), a.f32(w), a.f32(w)];
    this.col = a.f32(w);
    this.table = a.f32(NOISE_N);
    this.S = a.f32(Math.ceil(w / K) * Math.ceil(h / K));
    this.gv = a.f32(Math.ceil(w / K));
  }
}

/**
 * Expected primary counts, row by row: exp(-L) through a table, times heel, fall-off, grid and collimator. The
 * per-pixel part is WebAssembly (film-kernels.ts primaryRow); the collimator's weights, evaluated only outside the
 * open field, and each row's factor stay here.
 */
export class PrimaryRows implements RowSource {
  private readonly k: ExposureKernels;
  private readonly gridRow: Float32Array;
  private readonly r2: number;
  private readonly field: CollimatorField;
  readonly planes: FilmPlanes;

  constructor(private readonly lines: RowSource, private readonly w: number, private readonly h: number, private readonly e: ExposureParams, private readonly s: Scratch) {
    this.planes = lines.planes;
    this.k = exposureKernels(lines.planes.memory);
    const { expTab, col } = s;
    for (let i = 0; i < EXP_N; i++) expTab[i] = Math.exp(-i / EXP_STEP);
    const grid = e.detector.gridLines;
    this.gridRow = new Float32Array(h).fill(1);
    this.r2 = (w * w + h * h) / 4;
    for (let x = 0; x < w; x++) col[x] = 1 - (0.03 * (x - w / 2) ** 2) / this.r2;
    if (grid) {
      const tgt = grid.angle === 0 ? col : this.gridRow;
      for (let i = 0; i < tgt.length; i++) tgt[i] = (tgt[i] as number) * (1 - grid.depth * (0.5 + 0.5 * Math.cos((2 * Math.PI * i) / grid.periodPx)));
    }
    this.field = new CollimatorField(e.field, w, h);
  }

  row(y: number, at: number): void {
    const { w, h, e, field, s } = this;
    this.lines.row(y, s.L.byteOffset);
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
      const { wrow } = s;
      for (let x = 0; x < w; x++) {
        if (x >= lo && x <= hi) x = hi + 1;
        if (x >= w) break;
        wrow[x] = field.weight(x + 0.5, y + 0.5);
      }
    }
    this.k.primaryRow(s.L.byteOffset, at, s.expTab.byteOffset, s.col.byteOffset, s.wrow.byteOffset, w, ry, lo, hi, EXP_STEP, EXP_MAX * EXP_STEP);
  }
}

/** Mean primary per 16 x 16 block, from every eighth row (scatter has no detail at that scale). */
function scatterGrid(rows: PrimaryRows, s: Scratch, w: number, h: number, K: number): Grid {
  const gw = Math.ceil(w / K);
  const gh = Math.ceil(h / K);
  const sum = new Float32Array(gw * gh);
  const cnt = new Float32Array(gw * gh);
  const buf = s.prim;
  for (let y = 3; y < h; y += 8) {
    rows.row(y, buf.byteOffset);
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

/**
 * Detected quanta per pixel (noisy, detector-blurred) into the film's counts plane, reading the line integral row by
 * row. One pass: primary, scatter, Poisson noise and both halves of the detector blur; rows wait in a ring of three
 * until their lower neighbour exists, so the plane is written once. Poisson noise on the expected counts (primary
 * plus scatter) is a standard normal per pixel (noise.ts normalTable) times the square root of the count.
 */
export function expose(lines: RowSource, w: number, h: number, e: ExposureParams, rng: Rng): void {
  const { planes } = lines;
  const s = new Scratch(planes, w, h);
  const k = exposureKernels(planes.memory);
  const rows = new PrimaryRows(lines, w, h, e, s);
  const S = blurred(scatterGrid(rows, s, w, h, K), e.scatterSigmaPx / K, 'x:scatterBlur', s.S);
  const { table, seed } = normalTable(rng);
  if (table.length !== NOISE_N) throw new Error(`expose: a noise table of ${table.length} entries, not ${NOISE_N}`);
  s.table.set(table);
  let st = seed | 0;
  // Separable light spread: a 3-tap kernel [a, 1-2a, a] per axis with variance 2a = sigma^2; a <= 1/4 keeps it a
  // low-pass (above, its response at the Nyquist frequency 1 - 4a turns negative and it would amplify checkerboards).
  const a = Math.min(0.25, 0.5 * e.blurPx * e.blurPx);
  const c0 = 1 - 2 * a;
  const [prim, scat, row, table32] = [s.prim.byteOffset, s.scat.byteOffset, s.row.byteOffset, s.table.byteOffset];
  const ring = s.ring.map((r) => r.byteOffset) as [number, number, number];
  const out = planes.counts.byteOffset;
  for (let y = 0; y < h; y++) {
    rows.row(y, prim);
    // Scatter along the row: the grid's row interpolated in y, then linearly in x between cell centres.
    const [r0, r1, fy] = rowAt(S, K, y);
    k.scatterRow(s.S.byteOffset, r0, r1, fy, s.gv.byteOffset, S.width, scat, w, K);
    st = k.noisyRow(prim, scat, row, table32, NOISE_N - 1, w, e.spr, st);
    k.blurRow(row, ring[y % 3] as number, w, a, c0);
    if (y === 0) s.ring[2].set(s.ring[0]);
    else k.blurCols(ring[(y + 1) % 3] as number, ring[(y - 1) % 3] as number, ring[y % 3] as number, out, (y - 1) * w, w, a, c0);
  }
  // The last row reflects its upper neighbour.
  const last = ring[(h - 1) % 3] as number;
  k.blurCols(ring[(h - 2 + 3) % 3] as number, last, last, out, (h - 1) * w, w, a, c0);
}
