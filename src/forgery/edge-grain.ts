/**
 * The grain laid on the band perfect-positioning (T4) continues past the film's edge (edge-fill.ts). Without it the
 * band is a smooth, grain-free strip a reader can pick out: its high-pass noise was 6% of the film's own outermost
 * strip's (median over the 20 NIH films where the band covers more than 1% of the image at 512 px, 'expert').
 *
 * The band gets new grain with the film's own statistics, not the film's own pixels. Both ways of copying pixels
 * were tried on those films and show more than grain:
 * - mirror padding, or the outer strip's high-pass residual laid outward: they carry whatever reaches the edge (a
 *   shoulder's or rib's outline, a skin fold, the marker, the digitiser's dark line along the edge, the sparse
 *   quantisation specks of a flat black background); thresholds on the strip's energy and kurtosis still let faint
 *   arcs through (NIH 00016175's shoulder); and an exact mirror of grain is visible in itself (the eye finds mirror
 *   symmetry in random dots), on a line exactly on the film's old edge;
 * - the film's least structured blocks, tiled: in mid greys (the lungs) even those hold vessel lines, and lettering
 *   passes a band-pass test (NIH 00011254), which in the band reads as anatomy outside the body.
 * Grain also changes with the grey level (neighbour correlation ~0.5 in mid greys, ~0.05 in a near-white abdomen,
 * where quantisation dominates), so one texture for the whole band would be too fine or too coarse somewhere.
 *
 * So: the field's GRAIN_BLOCK-square blocks that look like grain (kurtosis, and a noise level not far above the
 * others of their grey level) are split by brightness into GRAIN_BINS bins of equal count. In each, the residual's
 * autocorrelation up to LAG px is the median, lag by lag, over the blocks with the least band-pass energy, and white
 * noise from the technique's rng, shaped to it (the square root of its power spectrum), makes a unit-variance sheet.
 * A point of the band reads the two sheets whose brightness brackets its own (mixed so the variance stays 1) and is
 * scaled to the noise level measured along the edge itself (edgeLevel), at most LEVEL_CAP times the film's level at
 * that brightness. The sheets are laid outward folded back and forth and moved along the edge by GRAIN_SHIFT block
 * sizes at every fold, so no patch of grain sits beside its own copy or mirror image. Deterministic for a seed.
 */
import type { Rng } from '../domain/rng.js';
import { downsample } from '../imaging/filters.js';
import { cubic, gaussianBlur, quantile } from './filters.js';

/** Grain is what a Gaussian blur of this sigma (px) removes: the film's finest detail, mostly quantum mottle. */
const GRAIN_SIGMA = 1.5;
const GRAIN_BLOCK = 16;
const GRAIN_BINS = 6;
/** Blocks measured per bin: the least structured, at most this share of the bin. */
const GRAIN_BLOCKS = 24;
const GRAIN_SHARE = 0.25;
/** A block whose noise level exceeds this multiple of its bin's lower quartile is not grain alone (edges, lettering). */
const GRAIN_SPREAD = 1.5;
/**
 * A block whose residual has a kurtosis above this is not grain (3 for Gaussian grain, ~0.3 its standard deviation
 * over a block): a thin line's few strong pixels, or the sparse specks of a flat, barely quantised background.
 */
const GRAIN_KURTOSIS = 4.5;
const GRAIN_SHIFT = 3;
/** Autocorrelation lags measured (px), and the shaping kernel's half-width. */
const LAG = 2;
const KERNEL = 4;
/** Length (px along the edge) of each synthesized sheet; it wraps round. */
const SHEET_LEN = 256;
/** The outermost rows (px) are left out of the edge's noise level: many films carry a one- or two-pixel dark line there. */
const LEVEL_SKIP = 3;
/** Structure running along the edge (that line's remains, the film's own edge gradient) is taken out over this sigma (px). */
const LEVEL_ALONG = 8;
/** The level is a running median along the edge over this half-window (fraction of the edge's length). */
const LEVEL_WINDOW = 0.05;
/** Nor above this multiple of the film's grain level at the same brightness (a lead, a clip or a skin fold in the strip). */
const LEVEL_CAP = 1.5;

/** sqrt(pi / 2) mean |x|: the standard deviation of Gaussian noise, less swayed by a few strong pixels. */
const SPREAD = Math.sqrt(Math.PI / 2);

/**
 * Unit-variance grain of one brightness, `depth` rows across the edge by `len` columns along it, in two orientations:
 * for the top and bottom edges (film rows across the edge) and for the left and right ones (film columns). Drawn on
 * first use: most bands use a few bins and one orientation.
 */
interface Sheet {
  readonly brightness: number;
  /** The film's grain level (standard deviation of the residual) at that brightness. */
  readonly level: number;
  readonly len: number;
  readonly depth: number;
  tex(vertical: boolean): Float32Array;
}

/** The film's grain: sheets by brightness, darkest first (none on a film with no grain-like block). */
export type FilmGrain = readonly Sheet[];

interface Block {
  readonly x: number;
  readonly y: number;
  readonly brightness: number;
  readonly spread: number;
  /** Band-pass energy per pixel: the structure beside the grain. */
  readonly band: number;
}

/** The residual's autocorrelation at lags |dx|, |dy| <= LAG (index (dy + LAG) * (2 LAG + 1) + dx + LAG), over one block. */
function autocorrelation(res: Float32Array, fw: number, b: Block): Float64Array {
  const n = 2 * LAG + 1;
  const r = new Float64Array(n * n);
  const B = GRAIN_BLOCK;
  let var0 = 0;
  for (let y = b.y; y < b.y + B; y++) for (let x = b.x; x < b.x + B; x++) var0 += (res[y * fw + x] as number) ** 2;
  var0 /= B * B;
  for (let dy = -LAG; dy <= LAG; dy++) {
    for (let dx = -LAG; dx <= LAG; dx++) {
      let [s, c] = [0, 0];
      for (let y = Math.max(b.y, b.y - dy); y < Math.min(b.y + B, b.y + B - dy); y++) {
        for (let x = Math.max(b.x, b.x - dx); x < Math.min(b.x + B, b.x + B - dx); x++, c++) s += (res[y * fw + x] as number) * (res[(y + dy) * fw + x + dx] as number);
      }
      r[(dy + LAG) * n + dx + LAG] = var0 > 0 ? s / c / var0 : 0;
    }
  }
  return r;
}

/**
 * A zero-phase kernel (2 KERNEL + 1 square) that turns white noise into noise with autocorrelation `r`: the inverse
 * transform of the square root of its power spectrum (the transform of `r`, on an N x N grid, kept positive).
 */
function shapingKernel(r: Float64Array): Float64Array {
  const N = 16;
  const n = 2 * LAG + 1;
  const amp = new Float64Array(N * N);
  let peak = 0;
  for (let v = 0; v < N; v++) {
    for (let u = 0; u < N; u++) {
      let s = 0;
      for (let dy = -LAG; dy <= LAG; dy++) for (let dx = -LAG; dx <= LAG; dx++) s += (r[(dy + LAG) * n + dx + LAG] as number) * Math.cos((2 * Math.PI * (u * dx + v * dy)) / N);
      amp[v * N + u] = s;
      peak = Math.max(peak, s);
    }
  }
  for (let i = 0; i < amp.length; i++) amp[i] = Math.sqrt(Math.max(0.001 * peak, amp[i] as number));
  const m = 2 * KERNEL + 1;
  const k = new Float64Array(m * m);
  for (let y = -KERNEL; y <= KERNEL; y++) {
    for (let x = -KERNEL; x <= KERNEL; x++) {
      let s = 0;
      for (let v = 0; v < N; v++) for (let u = 0; u < N; u++) s += (amp[v * N + u] as number) * Math.cos((2 * Math.PI * (u * x + v * y)) / N);
      k[(y + KERNEL) * m + x + KERNEL] = s;
    }
  }
  return k;
}

/** A sheet (`len` x `depth`) of white noise shaped by kernel `k` (transposed if `transpose`), scaled to unit variance. */
function synthesize(kernel: Float64Array, len: number, depth: number, transpose: boolean, rng: Rng): Float32Array {
  const m = 2 * KERNEL + 1;
  const k = transpose ? kernel.map((_, i) => kernel[(i % m) * m + Math.floor(i / m)] as number) : kernel;
  const nw = len + 2 * KERNEL;
  const noise = new Float64Array(nw * (depth + 2 * KERNEL));
  for (let i = 0; i < noise.length; i++) noise[i] = rng.normal();
  const out = new Float32Array(len * depth);
  let s2 = 0;
  for (let y = 0; y < depth; y++) {
    for (let x = 0; x < len; x++) {
      let s = 0;
      for (let j = 0; j < m; j++) {
        const row = (y + j) * nw + x;
        for (let i = 0; i < m; i++) s += (k[j * m + i] as number) * (noise[row + i] as number);
      }
      out[y * len + x] = s;
      s2 += s * s;
    }
  }
  const scale = s2 > 0 ? Math.sqrt((len * depth) / s2) : 0;
  return out.map((v) => v * scale);
}

/**
 * The film's low-pass (its brightness without grain), its residual (the grain and fine detail) and its grain sheets,
 * from the field `crop` (fw x fh).
 */
export function filmGrain(crop: Float32Array, fw: number, fh: number, rng: Rng): { low: Float32Array; res: Float32Array; grain: FilmGrain } {
  const low = gaussianBlur(crop, fw, fh, GRAIN_SIGMA);
  const res = crop.map((v, i) => v - (low[i] as number));
  // The band-pass only ranks blocks: computed at half resolution (a quarter of the work).
  const half = downsample(crop, fw, fh, 2);
  const mid = gaussianBlur(half.data, half.width, half.height, GRAIN_SIGMA);
  const lower = gaussianBlur(half.data, half.width, half.height, 2 * GRAIN_SIGMA);
  const B = GRAIN_BLOCK;
  const blocks: Block[] = [];
  for (let y = 0; y + B <= fh; y += B) {
    for (let x = 0; x + B <= fw; x += B) {
      let [a1, a2, a4, band, sum] = [0, 0, 0, 0, 0];
      for (let j = y; j < y + B; j++) {
        for (let i = x; i < x + B; i++) {
          const v = res[j * fw + i] as number;
          a1 += Math.abs(v);
          a2 += v * v;
          a4 += v * v * v * v;
          sum += low[j * fw + i] as number;
        }
      }
      if (a2 <= 0 || a4 * B * B > GRAIN_KURTOSIS * a2 * a2) continue;
      for (let j = y / 2; j < (y + B) / 2; j++) {
        for (let i = x / 2; i < (x + B) / 2; i++) band += ((mid[j * half.width + i] as number) - (lower[j * half.width + i] as number)) ** 2;
      }
      blocks.push({ x, y, brightness: sum / (B * B), spread: (SPREAD * a1) / (B * B), band: (4 * band) / (B * B) });
    }
  }
  const byBrightness = (p: Block, q: Block): number => p.brightness - q.brightness || p.y - q.y || p.x - q.x;
  blocks.sort(byBrightness);
  const bins = Math.min(GRAIN_BINS, blocks.length);
  const grain: Sheet[] = [];
  const nl = (2 * LAG + 1) ** 2;
  for (let k = 0; k < bins; k++) {
    const bin = blocks.slice(Math.floor((k * blocks.length) / bins), Math.floor(((k + 1) * blocks.length) / bins));
    const take = Math.max(1, Math.min(GRAIN_BLOCKS, Math.round(GRAIN_SHARE * bin.length)));
    // A block whose residual is well above the bin's grain level holds edges (lettering, a wire, a rib's outline).
    const cap = GRAIN_SPREAD * quantile(bin.map((b) => b.spread), 0.25);
    const grainy = bin.filter((b) => b.spread <= cap);
    const level = quantile(grainy.map((b) => b.spread), 0.5);
    const chosen = grainy.sort((p, q) => p.band - q.band || byBrightness(p, q)).slice(0, take);
    // The median over the blocks, lag by lag: what structure is left in a few of them does not count.
    const acfs = chosen.map((b) => autocorrelation(res, fw, b));
    const r = new Float64Array(nl);
    for (let i = 0; i < nl; i++) r[i] = quantile(acfs.map((a) => a[i] as number), 0.5);
    const kernel = shapingKernel(r);
    const brightness = chosen.reduce((s, b) => s + b.brightness, 0) / chosen.length;
    const drawn: [Float32Array | undefined, Float32Array | undefined] = [undefined, undefined];
    const tex = (vertical: boolean): Float32Array =>
      (drawn[vertical ? 1 : 0] ??= synthesize(kernel, SHEET_LEN, B, vertical, rng.fork(`grain ${k} ${vertical ? 'columns' : 'rows'}`)));
    grain.push({ brightness, level, len: SHEET_LEN, depth: B, tex });
  }
  return { low, res, grain };
}

/**
 * The noise level (a standard deviation) at each of the `n` positions along one edge, from the film's residual `res`
 * in the strip `depth` deep inside it (after LEVEL_SKIP rows): `at(i, d)` is the index of position i, d px in from
 * the edge. Anything running along the edge is taken out first, and the level is a running median, so a marker's or
 * a rib's outline crossing the strip does not count.
 */
export function edgeLevel(res: Float32Array, n: number, depth: number, at: (i: number, d: number) => number): Float32Array {
  const local = new Float32Array(n);
  for (let d = LEVEL_SKIP; d < LEVEL_SKIP + depth; d++) {
    const row = new Float32Array(n);
    for (let i = 0; i < n; i++) row[i] = res[at(i, d)] as number;
    const along = gaussianBlur(row, n, 1, LEVEL_ALONG);
    for (let i = 0; i < n; i++) local[i] = (local[i] as number) + (SPREAD * Math.abs((row[i] as number) - (along[i] as number))) / depth;
  }
  const half = Math.max(2, Math.round(LEVEL_WINDOW * n));
  const level = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const win = local.slice(Math.max(0, i - half), Math.min(n, i + half + 1)).sort();
    level[i] = win[win.length >> 1] as number;
  }
  return level;
}

/** Bicubic read of one sheet at column `from`, row `across` (pixel-centre coordinates): columns wrap, rows clamp. */
function read(s: Sheet, vertical: boolean, from: number, across: number): number {
  const tex = s.tex(vertical);
  const ix = Math.floor(from);
  const iy = Math.floor(across);
  let v = 0;
  for (let j = -1; j <= 2; j++) {
    const row = Math.min(s.depth - 1, Math.max(0, iy + j)) * s.len;
    const wy = cubic(across - (iy + j));
    for (let i = -1; i <= 2; i++) v += wy * cubic(from - (ix + i)) * (tex[row + ((((ix + i) % s.len) + s.len) % s.len)] as number);
  }
  return v;
}

/**
 * The grain `e` px past an edge at position `along` (pixel-centre coordinates), where the band's brightness is
 * `brightness` and the noise level `level`; `start` offsets each edge's reading of the sheets (as a fraction of
 * their length), so two edges meeting at a corner carry different grain. Bicubic, as the film inside is resampled,
 * so the grain is as soft as the film's.
 */
export function grainAt(g: FilmGrain, vertical: boolean, brightness: number, edge: number, along: number, e: number, start: number): number {
  if (g.length === 0 || edge <= 0) return 0;
  let k = 0;
  while (k < g.length - 1 && (g[k + 1] as Sheet).brightness < brightness) k++;
  const s0 = g[k] as Sheet;
  const s1 = g[Math.min(g.length - 1, k + 1)] as Sheet;
  const t = s1.brightness <= s0.brightness ? 0 : Math.max(0, Math.min(1, (brightness - s0.brightness) / (s1.brightness - s0.brightness)));
  const fold = Math.floor(e / GRAIN_BLOCK);
  const across = (fold % 2 === 0 ? e - fold * GRAIN_BLOCK : (fold + 1) * GRAIN_BLOCK - e) - 0.5;
  const shift = along + (fold + 1) * GRAIN_SHIFT * GRAIN_BLOCK;
  const v0 = t < 1 ? read(s0, vertical, start * s0.len + shift, across) : 0;
  const v1 = t > 0 ? read(s1, vertical, start * s1.len + shift, across) : 0;
  // Two independent unit-variance grains mixed (1 - t, t) have variance (1 - t)^2 + t^2.
  const level = Math.min(edge, LEVEL_CAP * ((1 - t) * s0.level + t * s1.level));
  return (level * ((1 - t) * v0 + t * v1)) / Math.hypot(1 - t, t);
}
