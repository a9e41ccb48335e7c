import type { GrayImage } from '../../imaging/index.js';

/**
 * Pixel statistics for the leak audit, all in one streaming pass (`pixelStats`) instead of one pass per statistic:
 * each reads the same pixels and their right and lower neighbours. Memory is bounded by two histograms and a few rows,
 * reused from image to image so a build does not churn the garbage collector. The figures are exactly those of
 * separate passes (sums of integers, exact in any order below 2^53; the half-resolution sum kept in its order).
 */
export interface HistogramStats {
  readonly mean: number;
  readonly standardDeviation: number;
  readonly skewness: number;
  /** Excess kurtosis (0 for a Gaussian). */
  readonly kurtosis: number;
  readonly p1: number;
  readonly p50: number;
  readonly p99: number;
  /** Shannon entropy of the value histogram, in bits. */
  readonly entropy: number;
  readonly distinctValues: number;
  /** Share of the values between min and max that never occur. */
  readonly histogramGapFraction: number;
  readonly trailingZeroBits: number;
  readonly clippedLowFraction: number;
  readonly clippedHighFraction: number;
}

export interface PixelStats extends HistogramStats {
  /** Robust noise σ (Immerkær's residual, MAD-scaled); 0 for a flat image. */
  readonly noise: number;
  /** Gradient energy at full over full plus half resolution: white noise 0.8, a smooth ramp 0.2, flat 0. */
  readonly highFrequencyShare: number;
  /** Mean step across 8-pixel block borders over the mean step elsewhere: about 1 without a JPEG history. */
  readonly blockiness: number;
}

const RESIDUAL_BINS = 1 << 16;
/** Immerkær's kernel [1 −2 1; −2 4 −2; 1 −2 1] cancels flat areas and linear ramps; on white noise σ its output has σ·6. */
const KERNEL_GAIN = 6;
const MAD_TO_SIGMA = 1 / 0.6744897501960817;

/** Buffers kept between images (one job thread measures one image at a time). */
const scratch: { values: Uint32Array; residuals: Uint32Array; rows: Int32Array[]; half: Float64Array[] } = { values: new Uint32Array(256), residuals: new Uint32Array(RESIDUAL_BINS), rows: [new Int32Array(0), new Int32Array(0), new Int32Array(0)], half: [new Float64Array(0), new Float64Array(0)] };

function zeroed<T extends Uint32Array | Int32Array | Float64Array>(a: T, n: number, make: (n: number) => T): T {
  if (a.length !== n) return make(n);
  a.fill(0);
  return a;
}

export function pixelStats(img: GrayImage): PixelStats {
  const { width: w, height: h, data: d } = img;
  const max = 2 ** img.bitsStored - 1;
  scratch.values = zeroed(scratch.values, max + 1, (n) => new Uint32Array(n));
  const hist = scratch.values;
  const res = scratch.residuals;
  res.fill(0);
  // Horizontal second differences of the last three rows: Immerkær's kernel is [1 −2 1] ⊗ [1 −2 1], so a residual
  // is hUp − 2·hMid + hDown, exactly the 3×3 sum (integers).
  let [hUp, hMid, hDown] = scratch.rows.map((r) => zeroed(r, w, (n) => new Int32Array(n))) as [Int32Array, Int32Array, Int32Array];
  scratch.rows = [hUp, hMid, hDown];
  const hw = w >> 1;
  const hh = h >> 1;
  let [halfPrev, halfRow] = scratch.half.map((r) => zeroed(r, hw, (n) => new Float64Array(n))) as [Float64Array, Float64Array];
  scratch.half = [halfPrev, halfRow];
  let or = 0;
  let full = 0;
  let half = 0;
  let border = 0;
  let inner = 0;
  for (let y = 0; y < h; y++) {
    // One row at a time in two loops (values and steps; the noise residual), not one pass per statistic: the JIT's
    // cost is per loop iteration. Sums of integers are exact below 2^53 (any served image short of a full-range
    // checkerboard larger than 1024 px), so their order does not matter.
    const row = y * w;
    const end = row + w - 1;
    const down = y + 1 < h ? w : 0; // on the last row the "step down" is to itself: 0, and not counted
    let sq = 0;
    let abs = 0;
    let downAbs = 0;
    let next = d[row] as number;
    for (let i = row; i < end; i++) {
      const v = next;
      next = d[i + 1] as number;
      const c = v < max ? v : max;
      hist[c] = (hist[c] as number) + 1;
      or |= c;
      const s = next - v;
      const t = (d[i + down] as number) - v;
      sq += s * s + t * t;
      abs += s < 0 ? -s : s;
      downAbs += t < 0 ? -t : t;
    }
    {
      const v = d[end] as number;
      const c = v < max ? v : max;
      hist[c] = (hist[c] as number) + 1;
      or |= c;
      const t = (d[end + down] as number) - v;
      sq += t * t;
      downAbs += t < 0 ? -t : t;
    }
    let rightBorder = 0;
    for (let i = row + 7; i < end; i += 8) {
      const s = (d[i + 1] as number) - (d[i] as number);
      rightBorder += s < 0 ? -s : s;
    }
    full += sq;
    border += rightBorder;
    inner += abs - rightBorder;
    if (y % 8 === 7) border += downAbs;
    else inner += downAbs;
    if (w >= 3 && h >= 3) {
      const t = hUp;
      hUp = hMid;
      hMid = hDown;
      hDown = t;
      let left = d[row] as number;
      let mid = d[row + 1] as number;
      for (let x = 1; x < w - 1; x++) {
        const right = d[row + x + 1] as number;
        hDown[x] = left - 2 * mid + right;
        left = mid;
        mid = right;
      }
      if (y >= 2) {
        for (let x = 1; x < w - 1; x++) {
          const r = (hUp[x] as number) - 2 * (hMid[x] as number) + (hDown[x] as number);
          const a = r < 0 ? -r : r;
          const k = a < RESIDUAL_BINS ? a : RESIDUAL_BINS - 1;
          res[k] = (res[k] as number) + 1;
        }
      }
    }
    if (y % 2 === 1 && y >> 1 < hh) {
      // Half resolution (2×2 means), a row of them per pair of rows, summed in the order of a separate pass.
      const j = y >> 1;
      const r0 = row - w;
      for (let i = 0; i < hw; i++) {
        const v = ((d[r0 + 2 * i] as number) + (d[r0 + 2 * i + 1] as number) + (d[row + 2 * i] as number) + (d[row + 2 * i + 1] as number)) / 4;
        halfRow[i] = v;
        if (i > 0) half += (v - (halfRow[i - 1] as number)) ** 2;
        if (j > 0) half += (v - (halfPrev[i] as number)) ** 2;
      }
      const t = halfPrev;
      halfPrev = halfRow;
      halfRow = t;
    }
  }
  // Steps across 8-pixel block borders (after columns and rows 7, 15, …) against all others.
  const nb = Math.floor((w - 1) / 8) * h + Math.floor((h - 1) / 8) * w;
  const ni = (w - 1) * h + w * (h - 1) - nb;
  for (let i = w * h; i < d.length; i++) {
    // Samples past width × height (a longer buffer) count in the histogram, as they always did.
    const c = Math.min(d[i] as number, max);
    hist[c] = (hist[c] as number) + 1;
    or |= c;
  }
  // Per-pixel means, so the two resolutions weigh alike whatever their pixel counts.
  const fullMean = full / Math.max(1, (w - 1) * h + w * (h - 1));
  const halfMean = half / Math.max(1, (hw - 1) * hh + hw * (hh - 1));
  return {
    ...fromHistogram(hist, d.length, max, or, img.bitsStored),
    noise: w < 3 || h < 3 ? 0 : residualSigma(res, (w - 2) * (h - 2)),
    highFrequencyShare: fullMean + halfMean > 0 ? fullMean / (fullMean + halfMean) : 0,
    blockiness: nb === 0 || ni === 0 || inner === 0 ? 1 : border / nb / (inner / ni),
  };
}

/**
 * Noise σ estimated robustly: the median absolute Laplacian-like residual (Immerkær, CVIU 1996, kernel; Donoho's
 * MAD scaling), so edges and anatomy, which affect few pixels, barely move it.
 */
function residualSigma(hist: Uint32Array, n: number): number {
  const half = n / 2;
  let cum = 0;
  for (let v = 0; v < RESIDUAL_BINS; v++) {
    const c = hist[v] as number;
    if (cum + c >= half) {
      // Interpolate inside the integer bin [v − ½, v + ½) so small σ are not rounded to a whole residual step; a
      // median in bin 0 means at least half the residuals are exactly zero, i.e. no measurable noise.
      const median = v === 0 ? 0 : v - 0.5 + (half - cum) / c;
      return (median * MAD_TO_SIGMA) / KERNEL_GAIN;
    }
    cum += c;
  }
  return 0;
}

function fromHistogram(hist: Uint32Array, n: number, max: number, or: number, bitsStored: number): HistogramStats {
  let sum = 0;
  let distinct = 0;
  let lo = -1;
  let hi = -1;
  for (let v = 0; v <= max; v++) {
    const c = hist[v] as number;
    if (c === 0) continue;
    sum += c * v;
    distinct++;
    if (lo < 0) lo = v;
    hi = v;
  }
  const mean = sum / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  let entropy = 0;
  const quantiles = [0.01, 0.5, 0.99];
  const found: number[] = [];
  let cum = 0;
  for (let v = lo; v <= hi; v++) {
    const c = hist[v] as number;
    if (c === 0) continue;
    const d = v - mean;
    m2 += c * d * d;
    m3 += c * d * d * d;
    m4 += c * d * d * d * d;
    const p = c / n;
    entropy -= p * Math.log2(p);
    cum += c;
    // Nearest-rank percentile: the smallest value with at least q·n pixels at or below it.
    while (found.length < quantiles.length && cum >= (quantiles[found.length] as number) * n) found.push(v);
  }
  const variance = m2 / n;
  const sd = Math.sqrt(variance);
  let tz = 0;
  if (or === 0) tz = bitsStored;
  else while (((or >> tz) & 1) === 0) tz++;
  return {
    mean,
    standardDeviation: sd,
    skewness: sd > 0 ? m3 / n / sd ** 3 : 0,
    kurtosis: sd > 0 ? m4 / n / variance ** 2 - 3 : 0,
    p1: found[0] ?? 0,
    p50: found[1] ?? 0,
    p99: found[2] ?? 0,
    entropy: entropy === 0 ? 0 : entropy, // avoid -0 in reports
    distinctValues: distinct,
    histogramGapFraction: 1 - distinct / (hi - lo + 1),
    trailingZeroBits: tz,
    clippedLowFraction: (hist[0] as number) / n,
    clippedHighFraction: (hist[max] as number) / n,
  };
}

/** The single statistics, for callers that want one (each is a full pass; the audit calls `pixelStats` once). */
export const histogramStats = (img: GrayImage): HistogramStats => pixelStats(img);
export const robustNoise = (img: GrayImage): number => pixelStats(img).noise;
export const highFrequencyShare = (img: GrayImage): number => pixelStats(img).highFrequencyShare;
export const blockiness = (img: GrayImage): number => pixelStats(img).blockiness;
