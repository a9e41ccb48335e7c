/**
 * Noise-level estimation. Radiographic quantum mottle is signal dependent (Poisson photon counts, seen after the log
 * transform as larger fluctuations where fewer photons arrive), so we estimate the noise standard deviation as a
 * curve over signal level rather than one number.
 */
export interface NoiseCurve {
  /** Estimated noise standard deviation at a signal level (linear interpolation between bins, flat beyond). */
  sigmaAt(level: number): number;
  /** Noise standard deviation at the given quantile (0..1) of the sampled pixels' noise levels. */
  sigmaQuantile(q: number): number;
}

const MAD_TO_SIGMA = 1 / 0.6745;
/** A 3x3 mean removes 1/9 of the pixel itself: Var(x - mean3x3) = (8/9) sigma^2 for white noise. */
const RESIDUAL_GAIN = Math.sqrt(9 / 8);

/** Median of a typed array (sorted in place: callers pass scratch copies). */
function median(values: Float32Array): number {
  values.sort();
  return values[values.length >> 1] ?? 0;
}

/**
 * Robust per-level noise estimate: the 3x3 high-pass residual's median absolute value, binned by the 5x5 local
 * mean. Edges inflate a few samples per bin; the median ignores them. Samples every `step`-th pixel for speed.
 */
export function estimateNoiseCurve(src: Float32Array, w: number, h: number, bins = 24, step = 3): NoiseCurve {
  const nx = Math.max(0, Math.ceil((w - 4) / step));
  const ny = Math.max(0, Math.ceil((h - 4) / step));
  const levelOf = new Float32Array(nx * ny);
  const resOf = new Float32Array(nx * ny);
  let n = 0;
  // Only the sampled pixels' 3x3 and 5x5 means are needed: computing them in place beats blurring the whole image.
  for (let y = 2; y < h - 2; y += step) {
    for (let x = 2; x < w - 2; x += step) {
      let s3 = 0;
      let s5 = 0;
      for (let dy = -2; dy <= 2; dy++) {
        const row = (y + dy) * w + x;
        for (let dx = -2; dx <= 2; dx++) {
          const v = src[row + dx] as number;
          s5 += v;
          if (dx >= -1 && dx <= 1 && dy >= -1 && dy <= 1) s3 += v;
        }
      }
      levelOf[n] = s5 / 25;
      resOf[n] = Math.abs((src[y * w + x] as number) - s3 / 9);
      n++;
    }
  }
  const levels = levelOf.slice(0, n).sort();
  const lo = levels[Math.floor(n * 0.01)] ?? 0;
  const hi = levels[Math.floor(n * 0.99)] ?? lo + 1;
  const span = Math.max(1e-6, hi - lo);
  const binOf = (v: number): number => Math.min(bins - 1, Math.max(0, Math.floor(((v - lo) / span) * bins)));
  const counts = new Int32Array(bins);
  for (let k = 0; k < n; k++) {
    const b = binOf(levelOf[k] as number);
    counts[b] = (counts[b] as number) + 1;
  }
  const perBin = Array.from(counts, (c) => new Float32Array(c));
  const fill = new Int32Array(bins);
  for (let k = 0; k < n; k++) {
    const b = binOf(levelOf[k] as number);
    const at = fill[b] as number;
    (perBin[b] as Float32Array)[at] = resOf[k] as number;
    fill[b] = at + 1;
  }
  const centres: number[] = [];
  const sigmas: number[] = [];
  const minCount = Math.max(30, Math.floor(n / (bins * 20)));
  perBin.forEach((vals, b) => {
    if (vals.length < minCount) return;
    centres.push(lo + ((b + 0.5) / bins) * span);
    sigmas.push(median(vals) * MAD_TO_SIGMA * RESIDUAL_GAIN);
  });
  if (sigmas.length === 0) {
    centres.push(lo);
    sigmas.push(median(resOf.slice(0, n)) * MAD_TO_SIGMA * RESIDUAL_GAIN);
  }
  const sigmaAt = (v: number): number => {
    if (v <= (centres[0] as number)) return sigmas[0] as number;
    for (let k = 1; k < centres.length; k++) {
      const c1 = centres[k] as number;
      if (v <= c1) {
        const c0 = centres[k - 1] as number;
        const t = (v - c0) / (c1 - c0);
        return (sigmas[k - 1] as number) * (1 - t) + (sigmas[k] as number) * t;
      }
    }
    return sigmas[sigmas.length - 1] as number;
  };
  let perPixel: Float32Array | undefined;
  const sigmaQuantile = (q: number): number => {
    perPixel ??= levels.map(sigmaAt).sort();
    return perPixel[Math.min(perPixel.length - 1, Math.max(0, Math.floor(q * perPixel.length)))] ?? 0;
  };
  return { sigmaAt, sigmaQuantile };
}
