import type { GrayImage } from '../../imaging/index.js';

/**
 * Pixel statistics for the leak audit, each computed in one streaming pass with memory bounded by the histogram
 * (at most 2^16 bins) and one image row, so a large image never needs a second full-size buffer.
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

export function histogramStats(img: GrayImage): HistogramStats {
  const max = 2 ** img.bitsStored - 1;
  const hist = new Uint32Array(max + 1);
  let or = 0;
  for (let i = 0; i < img.data.length; i++) {
    const v = Math.min(img.data[i] as number, max);
    hist[v] = (hist[v] as number) + 1;
    or |= v;
  }
  const n = img.data.length;
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
  if (or === 0) tz = img.bitsStored;
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

const RESIDUAL_BINS = 1 << 16;
/** Immerkær's kernel [1 −2 1; −2 4 −2; 1 −2 1] cancels flat areas and linear ramps; on white noise σ its output has σ·6. */
const KERNEL_GAIN = 6;
const MAD_TO_SIGMA = 1 / 0.6744897501960817;

/**
 * Noise σ estimated robustly: the median absolute Laplacian-like residual (Immerkær, CVIU 1996, kernel; Donoho's
 * MAD scaling), so edges and anatomy, which affect few pixels, barely move it. 0 for a flat image.
 */
export function robustNoise(img: GrayImage): number {
  const { width: w, height: h, data: d } = img;
  if (w < 3 || h < 3) return 0;
  const hist = new Uint32Array(RESIDUAL_BINS);
  for (let y = 1; y < h - 1; y++) {
    // Row offsets kept in locals: this loop runs over every pixel of every served image.
    const up = (y - 1) * w;
    const mid = y * w;
    const down = (y + 1) * w;
    for (let x = 1; x < w - 1; x++) {
      const r =
        (d[up + x - 1] as number) - 2 * (d[up + x] as number) + (d[up + x + 1] as number) -
        2 * (d[mid + x - 1] as number) + 4 * (d[mid + x] as number) - 2 * (d[mid + x + 1] as number) +
        (d[down + x - 1] as number) - 2 * (d[down + x] as number) + (d[down + x + 1] as number);
      const a = r < 0 ? -r : r;
      const k = a < RESIDUAL_BINS ? a : RESIDUAL_BINS - 1;
      hist[k] = (hist[k] as number) + 1;
    }
  }
  const n = (w - 2) * (h - 2);
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

/**
 * Gradient energy at full resolution over full plus half resolution (2×2 means). White noise gives 0.8, a smooth
 * ramp 0.2, so it measures how much of the detail is at the finest scale. 0 for a flat image.
 */
export function highFrequencyShare(img: GrayImage): number {
  const { width: w, height: h, data: d } = img;
  let full = 0;
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      const v = d[row + x] as number;
      if (x + 1 < w) full += ((d[row + x + 1] as number) - v) ** 2;
      if (y + 1 < h) full += ((d[row + w + x] as number) - v) ** 2;
    }
  }
  const hw = w >> 1;
  const hh = h >> 1;
  let half = 0;
  let prev = new Float64Array(hw);
  let row = new Float64Array(hw);
  for (let j = 0; j < hh; j++) {
    const r0 = 2 * j * w;
    const r1 = r0 + w;
    for (let i = 0; i < hw; i++) {
      const v = ((d[r0 + 2 * i] as number) + (d[r0 + 2 * i + 1] as number) + (d[r1 + 2 * i] as number) + (d[r1 + 2 * i + 1] as number)) / 4;
      row[i] = v;
      if (i > 0) half += (v - (row[i - 1] as number)) ** 2;
      if (j > 0) half += (v - (prev[i] as number)) ** 2;
    }
    [prev, row] = [row, prev];
  }
  // Per-pixel means, so the two resolutions weigh alike whatever their pixel counts.
  const fullMean = full / Math.max(1, (w - 1) * h + w * (h - 1));
  const halfMean = half / Math.max(1, (hw - 1) * hh + hw * (hh - 1));
  return fullMean + halfMean > 0 ? fullMean / (fullMean + halfMean) : 0;
}

/** Mean step across 8-pixel block borders over the mean step elsewhere: about 1 without a JPEG history. */
export function blockiness(img: GrayImage): number {
  const { width: w, height: h, data: d } = img;
  let border = 0;
  let nb = 0;
  let inner = 0;
  let ni = 0;
  for (let y = 0; y < h; y++) {
    const row = y * w;
    const yBorder = y % 8 === 7;
    for (let x = 0; x < w; x++) {
      const v = d[row + x] as number;
      if (x + 1 < w) {
        const s = Math.abs((d[row + x + 1] as number) - v);
        if (x % 8 === 7) {
          border += s;
          nb++;
        } else {
          inner += s;
          ni++;
        }
      }
      if (y + 1 < h) {
        const s = Math.abs((d[row + w + x] as number) - v);
        if (yBorder) {
          border += s;
          nb++;
        } else {
          inner += s;
          ni++;
        }
      }
    }
  }
  if (nb === 0 || ni === 0 || inner === 0) return 1;
  return border / nb / (inner / ni);
}
