/**
 * Left-right flip-difference (symmetry) lens: |I(x, y) - I(2c - x, y)| about the vertical axis x = c that best
 * matches the image with its mirror image (domain/artifacts.ts A1 "flip horizontally and compare"; Tordjman,
 * Yuce et al., Radiology 2026: excess bilateral symmetry). A real chest is asymmetric everywhere (heart, hila, rib
 * obliquity, rotation), so the map is textured throughout; a mirrored or average-symmetric fake shows a dark zone.
 *
 * The axis: the Pearson correlation of the image with its mirror is maximised over axes within +-10% of the width
 * around the centre, first on a block-averaged copy about 256 pixels wide, then at full resolution around the
 * coarse best (half-pixel steps: the axis may fall between columns). The signed difference is smoothed with a 5x5
 * box before the absolute value, so fresh quantum mottle on the two sides does not hide a mirrored structure.
 */
import { boxBlurH, boxBlurV } from '../imaging/index.js';
import type { GrayImage } from '../imaging/index.js';
import { LENS_BITS, LENS_MAX } from './lens-image.js';

/** Differences in 12-bit units map one to one; the default window shows 0 (black) to FLIP_WINDOW_TOP (white). */
export const FLIP_WINDOW_TOP = 480;
/**
 * Fixed rather than fitted: a window fitted to a too-symmetric image would stretch its small residue until it looked
 * as busy as a real chest. Pixels whose mirror falls outside the image have no difference: they are mid-grey.
 */
const NO_DATA = FLIP_WINDOW_TOP / 2;
const SEARCH_FRACTION = 0.1;
const COARSE_WIDTH = 512;
const SMOOTH_RADIUS = 2;
/** Half-width of the band of columns around the axis that the correlation looks at, as a fraction of the width. */
const BAND_FRACTION = 0.3;

/**
 * Correlation of a w x h plane with its mirror about x = a / 2 (a = 2c, an integer), over every dy-th row of the
 * middle 80% and the columns within `band` of the axis (the thorax: arms and the body outline, often placed
 * asymmetrically on the detector, would otherwise outvote the spine, ribs and lungs).
 */
function mirrorCorrelation(p: ArrayLike<number>, w: number, h: number, a: number, dy: number, band: number): number {
  const xLo = Math.max(0, a - (w - 1), Math.ceil(a / 2 - band));
  const xHi = Math.min(w - 1, a, Math.floor(a / 2 + band));
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let y = Math.floor(h * 0.1); y < Math.ceil(h * 0.9); y += dy) {
    const row = y * w;
    for (let x = xLo; x <= xHi; x++) {
      const u = p[row + x] as number;
      const v = p[row + a - x] as number;
      sx += u;
      sy += v;
      sxx += u * u;
      syy += v * v;
      sxy += u * v;
      n++;
    }
  }
  if (n < 2) return -Infinity;
  const cov = sxy - (sx * sy) / n;
  const den = Math.sqrt(Math.max(0, sxx - (sx * sx) / n) * Math.max(0, syy - (sy * sy) / n));
  return den > 0 ? cov / den : cov === 0 && sxx - (sx * sx) / n === 0 ? 0 : -Infinity;
}

/** Block means of the stored values over f x f blocks (edge blocks average what they have). */
function blockMeans(img: GrayImage, f: number): { data: Float64Array; w: number; h: number } {
  const { width: w, height: h } = img;
  const sw = Math.ceil(w / f);
  const sh = Math.ceil(h / f);
  const sum = new Float64Array(sw * sh);
  for (let y = 0; y < h; y++) addRowToBlocks(img.data, y * w, w, f, sum, Math.floor(y / f) * sw, sw);
  for (let by = 0; by < sh; by++) {
    const rows = Math.min(f, h - by * f);
    for (let bx = 0; bx < sw; bx++) sum[by * sw + bx] = (sum[by * sw + bx] as number) / (rows * Math.min(f, w - bx * f));
  }
  return { data: sum, w: sw, h: sh };
}

function addRowToBlocks(src: Uint16Array, row: number, w: number, f: number, sum: Float64Array, o: number, sw: number): void {
  for (let bx = 0, x = 0; bx < sw; bx++) {
    const xe = Math.min(x + f, w);
    let acc = 0;
    for (; x < xe; x++) acc += src[row + x] as number;
    sum[o + bx] = (sum[o + bx] as number) + acc;
  }
}

/**
 * In place, p minus its (2r+1)^2 box mean: the coarse search then matches ribs, clavicles and lung edges, not the
 * broad density of the thorax, whose centre can sit well away from the spine.
 */
function highPass(p: Float64Array, w: number, h: number, r: number): void {
  const f32 = Float32Array.from(p);
  const a = new Float32Array(p.length);
  const b = new Float32Array(p.length);
  boxBlurH(f32, a, w, h, r);
  boxBlurV(a, b, w, h, r);
  for (let i = 0; i < p.length; i++) p[i] = (p[i] as number) - (b[i] as number);
}

/** Best a = 2c over the integers lo..hi. Ties keep the one nearest the image centre (aMid). */
function bestAxis(p: ArrayLike<number>, w: number, h: number, lo: number, hi: number, dy: number, aMid: number): number {
  const band = BAND_FRACTION * w;
  let best = Math.round(aMid);
  let bestScore = -Infinity;
  for (let a = lo; a <= hi; a++) {
    const s = mirrorCorrelation(p, w, h, a, dy, band);
    if (s > bestScore + 1e-12 || (Math.abs(s - bestScore) <= 1e-12 && Math.abs(a - aMid) < Math.abs(best - aMid))) {
      bestScore = s;
      best = a;
    }
  }
  return best;
}

/** The column x = c (a multiple of 0.5) about which the image best matches its mirror image, within +-10% of centre. */
export function findMirrorAxis(image: GrayImage): number {
  const { width: w } = image;
  const reach = Math.max(1, Math.round(SEARCH_FRACTION * w));
  const aMid = w - 1; // c = (w - 1) / 2
  const f = Math.max(1, Math.ceil(w / COARSE_WIDTH));
  let aLo = aMid - 2 * reach;
  let aHi = aMid + 2 * reach;
  if (f > 1) {
    const s = blockMeans(image, f);
    highPass(s.data, s.w, s.h, 2);
    // Full-resolution c maps to (c + 0.5) / f - 0.5 in block units: a_s = (a + 1) / f - 1.
    const toS = (a: number): number => (a + 1) / f - 1;
    const as = bestAxis(s.data, s.w, s.h, Math.ceil(toS(aLo)), Math.floor(toS(aHi)), Math.max(1, Math.floor(s.h / 256)), toS(aMid));
    const a0 = (as + 1) * f - 1;
    aLo = Math.max(aLo, a0 - f);
    aHi = Math.min(aHi, a0 + f);
  }
  const rows = sampledDetailRows(image, 256);
  return bestAxis(rows, w, rows.length / w, aLo, aHi, 1, aMid) / 2;
}

/** Up to n rows spread over the image, each minus its 5-pixel running mean (fine detail: edges, vessels, mottle). */
function sampledDetailRows(image: GrayImage, n: number): Float64Array {
  const { width: w, height: h } = image;
  const count = Math.min(n, h);
  const out = new Float64Array(count * w);
  for (let i = 0; i < count; i++) {
    const y = Math.floor(((i + 0.5) * h) / count);
    detailRow(image.data, y * w, w, out, i * w);
  }
  return out;
}

function detailRow(src: Uint16Array, row: number, w: number, out: Float64Array, o: number): void {
  for (let x = 0; x < w; x++) {
    let s = 0;
    for (let k = -2; k <= 2; k++) s += src[row + Math.min(w - 1, Math.max(0, x + k))] as number;
    out[o + x] = (src[row + x] as number) - s / 5;
  }
}

export interface FlipOptions {
  /** Mirror axis column (pixel centres are integers; x.5 falls between columns). Found by correlation if omitted. */
  readonly midlineX?: number;
}

/**
 * |smoothed (I - mirror I)| in 12-bit units, mid-grey where the mirror falls outside the image. One pass: the
 * horizontal 5-sums of the difference of each row go into a ring, and a running column sum gives the 5x5 box.
 */
export function flipDifference(image: GrayImage, options: FlipOptions = {}): GrayImage {
  const { width: w, height: h } = image;
  const a = Math.round(2 * (options.midlineX ?? findMirrorAxis(image)));
  const k = LENS_MAX / (2 ** image.bitsStored - 1);
  const r = SMOOTH_RADIUS;
  const side = 2 * r + 1;
  const ring: Float64Array[] = [];
  for (let i = 0; i < side; i++) ring.push(new Float64Array(w));
  const diff = new Float64Array(w);
  const acc = new Float64Array(w);
  const rowAt = (y: number): number => Math.min(h - 1, Math.max(0, y));
  // Ring slot i holds the row sums of image row (y - r + i) for the output row y being built.
  for (let i = 0; i < side; i++) {
    const slot = ring[i] as Float64Array;
    diffRowSums(image.data, rowAt(i - r) * w, w, a, k, r, diff, slot);
    addInto(acc, slot, 1);
  }
  const data = new Uint16Array(w * h);
  const xLo = Math.max(0, a - (w - 1));
  const xHi = Math.min(w - 1, a);
  const inv = 1 / (side * side);
  for (let y = 0; y < h; y++) {
    absRow(acc, inv, y * w, w, xLo, xHi, data, LENS_MAX);
    if (y + 1 < h) {
      const slot = ring[y % side] as Float64Array; // oldest: row y - r
      addInto(acc, slot, -1);
      diffRowSums(image.data, rowAt(y + 1 + r) * w, w, a, k, r, diff, slot);
      addInto(acc, slot, 1);
    }
  }
  return { width: w, height: h, data, bitsStored: LENS_BITS, windowCenter: FLIP_WINDOW_TOP / 2, windowWidth: FLIP_WINDOW_TOP };
}

/** Horizontal (2r+1)-sums (edges clamped) of I(x) - I(a - x) along one row; the difference is 0 off the overlap. */
function diffRowSums(src: Uint16Array, row: number, w: number, a: number, k: number, r: number, diff: Float64Array, out: Float64Array): void {
  const xLo = Math.max(0, a - (w - 1));
  const xHi = Math.min(w - 1, a);
  diff.fill(0);
  for (let x = xLo; x <= xHi; x++) diff[x] = ((src[row + x] as number) - (src[row + a - x] as number)) * k;
  let s = (diff[0] as number) * (r + 1);
  for (let i = 1; i <= r; i++) s += diff[Math.min(i, w - 1)] as number;
  for (let x = 0; x < w; x++) {
    out[x] = s;
    s += (diff[Math.min(x + r + 1, w - 1)] as number) - (diff[Math.max(x - r, 0)] as number);
  }
}

function addInto(acc: Float64Array, row: Float64Array, sign: number): void {
  for (let x = 0; x < acc.length; x++) acc[x] = (acc[x] as number) + sign * (row[x] as number);
}

function absRow(acc: Float64Array, inv: number, o: number, w: number, xLo: number, xHi: number, out: Uint16Array, max: number): void {
  for (let x = 0; x < w; x++) {
    if (x < xLo || x > xHi) {
      out[o + x] = NO_DATA;
      continue;
    }
    const v = Math.abs(acc[x] as number) * inv;
    out[o + x] = v >= max ? max : (v + 0.5) | 0;
  }
}
