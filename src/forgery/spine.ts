/**
 * The thoracic spine band and its vertebral period. The spine runs down the midline; its levels repeat with a
 * period of one vertebral body plus disc, found here from the autocorrelation of the band's detrended brightness
 * profile (searching 2.5%..8% of the image height, about 10-35 mm on a 43 cm film).
 */
import type { GrayImage } from '../imaging/index.js';
import { estimateMidlineX } from './anatomy.js';
import type { ForgeryHints } from './types.js';

export interface SpineBand {
  readonly mid: number;
  readonly halfWidth: number;
  readonly y0: number;
  readonly y1: number;
}

export function spineBand(image: GrayImage, hints: ForgeryHints | undefined, halfWidthFrac: number, top: number, bottom: number): SpineBand {
  const mid = estimateMidlineX(image, hints);
  const halfWidth = Math.max(4, halfWidthFrac * image.width);
  const m = Math.min(Math.max(mid, halfWidth + 2), image.width - halfWidth - 2);
  return { mid: m, halfWidth, y0: Math.floor(top * image.height), y1: Math.ceil(bottom * image.height) };
}

/** Mean brightness of the band's central half on each row, minus its running mean over `detrend` rows. */
function detrendedProfile(src: Float32Array, w: number, band: SpineBand, detrend: number): Float64Array {
  const n = band.y1 - band.y0;
  const prof = new Float64Array(n);
  const xa = Math.round(band.mid - band.halfWidth / 2);
  const xb = Math.round(band.mid + band.halfWidth / 2);
  for (let k = 0; k < n; k++) {
    let s = 0;
    for (let x = xa; x < xb; x++) s += src[(band.y0 + k) * w + x] as number;
    prof[k] = s / Math.max(1, xb - xa);
  }
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let s = 0;
    let c = 0;
    for (let j = Math.max(0, k - detrend); j <= Math.min(n - 1, k + detrend); j++) {
      s += prof[j] as number;
      c++;
    }
    out[k] = (prof[k] as number) - s / c;
  }
  return out;
}

/** The vertebral period in rows: the autocorrelation maximum over plausible lags (a default when none stands out). */
export function vertebralPeriod(src: Float32Array, w: number, h: number, band: SpineBand): number {
  const lo = Math.max(4, Math.round(0.025 * h));
  const hi = Math.max(lo + 1, Math.round(0.08 * h));
  const prof = detrendedProfile(src, w, band, hi);
  const n = prof.length;
  let best = Math.round(0.05 * h);
  let bestR = 0.05;
  for (let lag = lo; lag <= hi && lag < n / 2; lag++) {
    let s = 0;
    let a = 0;
    let b = 0;
    for (let k = 0; k + lag < n; k++) {
      s += (prof[k] as number) * (prof[k + lag] as number);
      a += (prof[k] as number) ** 2;
      b += (prof[k + lag] as number) ** 2;
    }
    const r = s / Math.sqrt(a * b || 1);
    if (r > bestR) {
      bestR = r;
      best = lag;
    }
  }
  return best;
}
