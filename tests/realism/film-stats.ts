/**
 * Global statistics of a radiograph as a reader sees it at fit-to-window: the film is shown through its default
 * window at 8 bits, then fitted to a long side of 512 px by area averaging (as a viewer shrinks a film to a
 * window), and measured there. Real films and simulated ones go through the same steps, so each statistic compares
 * like with like whatever the source's size: the NIH films are 1024 px, the Hannover ones 640 px wide, the
 * simulated ones up to 2048 px.
 */
import { fft, fftPlan } from '../../src/lenses/fft.js';
import type { GrayImage } from '../../src/imaging/types.js';

/** An 8-bit display image (values 0..255, integers), row-major. */
export interface DisplayFilm {
  readonly width: number;
  readonly height: number;
  readonly data: Float32Array;
}

export const FIT_LONG_SIDE = 512;

/** The film through its default window, quantised to 8 bits as a display would show it. */
export function displayOf(img: GrayImage): DisplayFilm {
  const lo = img.windowCenter - img.windowWidth / 2;
  const k = 255 / img.windowWidth;
  const data = new Float32Array(img.width * img.height);
  for (let i = 0; i < data.length; i++) {
    const v = Math.round(((img.data[i] as number) - lo) * k);
    data[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
  return { width: img.width, height: img.height, data };
}

/** Area-average resampling to a long side of `n` px (never enlarges), rounded back to 8-bit integers. */
export function fitLongSide(f: DisplayFilm, n = FIT_LONG_SIDE): DisplayFilm {
  const scale = Math.min(1, n / Math.max(f.width, f.height));
  const w = Math.max(1, Math.round(f.width * scale));
  const h = Math.max(1, Math.round(f.height * scale));
  const kx = f.width / w;
  const ky = f.height / h;
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = y * ky;
    const y1 = y0 + ky;
    for (let x = 0; x < w; x++) {
      const x0 = x * kx;
      const x1 = x0 + kx;
      let s = 0;
      let a = 0;
      for (let yy = Math.floor(y0); yy < Math.min(f.height, Math.ceil(y1)); yy++) {
        const wy = Math.min(yy + 1, y1) - Math.max(yy, y0);
        for (let xx = Math.floor(x0); xx < Math.min(f.width, Math.ceil(x1)); xx++) {
          const wx = Math.min(xx + 1, x1) - Math.max(xx, x0);
          s += wx * wy * (f.data[yy * f.width + xx] as number);
          a += wx * wy;
        }
      }
      out[y * w + x] = Math.round(s / a);
    }
  }
  return { width: w, height: h, data: out };
}

function moments(d: Float32Array): { mean: number; sd: number; skew: number; kurt: number } {
  let m = 0;
  for (const v of d) m += v;
  m /= d.length;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (const v of d) {
    const e = v - m;
    m2 += e * e;
    m3 += e * e * e;
    m4 += e * e * e * e;
  }
  m2 /= d.length;
  m3 /= d.length;
  m4 /= d.length;
  const sd = Math.sqrt(m2);
  return { mean: m, sd, skew: sd > 0 ? m3 / sd ** 3 : 0, kurt: sd > 0 ? m4 / m2 ** 2 - 3 : 0 };
}

function entropy8(d: Float32Array): number {
  const hist = new Float64Array(256);
  for (const v of d) hist[v as number] = (hist[v as number] as number) + 1;
  let e = 0;
  for (const c of hist) if (c > 0) e -= (c / d.length) * Math.log2(c / d.length);
  return e;
}

/** Share of pixels in the outer band (4% of each side) at or above 250: a white frame (burnt-in shutter). */
function borderWhiteShare(f: DisplayFilm): number {
  const bx = Math.max(1, Math.round(0.04 * f.width));
  const by = Math.max(1, Math.round(0.04 * f.height));
  let n = 0;
  let white = 0;
  for (let y = 0; y < f.height; y++) {
    for (let x = 0; x < f.width; x++) {
      if (x >= bx && x < f.width - bx && y >= by && y < f.height - by) continue;
      n++;
      if ((f.data[y * f.width + x] as number) >= 250) white++;
    }
  }
  return white / n;
}

/**
 * Slope of the radially averaged power spectrum (log power against log frequency) of the central 256 x 256 crop,
 * Hann-windowed, between 0.04 and 0.4 cycles per pixel: anatomy gives a steep fall (about -2.5 to -3.5), white
 * grain flattens it at the top.
 */
function npsSlope(f: DisplayFilm, n = 256): number {
  const x0 = Math.floor((f.width - n) / 2);
  const y0 = Math.floor((f.height - n) / 2);
  const plan = fftPlan(n);
  const re = new Float64Array(n * n);
  const im = new Float64Array(n * n);
  let mean = 0;
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) mean += f.data[(y0 + y) * f.width + x0 + x] as number;
  mean /= n * n;
  const hann = (k: number): number => 0.5 - 0.5 * Math.cos((2 * Math.PI * (k + 0.5)) / n);
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) re[y * n + x] = ((f.data[(y0 + y) * f.width + x0 + x] as number) - mean) * hann(x) * hann(y);
  const rr = new Float64Array(n);
  const ri = new Float64Array(n);
  for (let y = 0; y < n; y++) {
    rr.set(re.subarray(y * n, y * n + n));
    ri.fill(0);
    fft(plan, rr, ri);
    re.set(rr, y * n);
    im.set(ri, y * n);
  }
  for (let x = 0; x < n; x++) {
    for (let y = 0; y < n; y++) {
      rr[y] = re[y * n + x] as number;
      ri[y] = im[y * n + x] as number;
    }
    fft(plan, rr, ri);
    for (let y = 0; y < n; y++) {
      re[y * n + x] = rr[y] as number;
      im[y * n + x] = ri[y] as number;
    }
  }
  const bins = 24;
  const lf0 = Math.log(0.04);
  const lf1 = Math.log(0.4);
  const sum = new Float64Array(bins);
  const cnt = new Float64Array(bins);
  for (let v = 0; v < n; v++) {
    const fy = (v < n / 2 ? v : v - n) / n;
    for (let u = 0; u < n; u++) {
      const fx = (u < n / 2 ? u : u - n) / n;
      const fr = Math.hypot(fx, fy);
      if (fr < 0.04 || fr >= 0.4) continue;
      const b = Math.min(bins - 1, Math.floor(((Math.log(fr) - lf0) / (lf1 - lf0)) * bins));
      const p = (re[v * n + u] as number) ** 2 + (im[v * n + u] as number) ** 2;
      sum[b] = (sum[b] as number) + p;
      cnt[b] = (cnt[b] as number) + 1;
    }
  }
  // Least-squares line through (log f, log P) of the bins.
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  let m = 0;
  for (let b = 0; b < bins; b++) {
    if (!cnt[b]) continue;
    const lx = lf0 + ((b + 0.5) / bins) * (lf1 - lf0);
    const ly = Math.log(((sum[b] as number) / (cnt[b] as number)) + 1e-9);
    sx += lx;
    sy += ly;
    sxx += lx * lx;
    sxy += lx * ly;
    m++;
  }
  return (m * sxy - sx * sy) / (m * sxx - sx * sx);
}

/** Robust fine-texture level: Immerkaer's residual (MAD-scaled) over the film's standard deviation. */
function fineTexture(f: DisplayFilm, sd: number): number {
  const { width: w, height: h, data: d } = f;
  const r: number[] = [];
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const v =
        (d[i - w - 1] as number) - 2 * (d[i - w] as number) + (d[i - w + 1] as number) -
        2 * (d[i - 1] as number) + 4 * (d[i] as number) - 2 * (d[i + 1] as number) +
        (d[i + w - 1] as number) - 2 * (d[i + w] as number) + (d[i + w + 1] as number);
      r.push(Math.abs(v));
    }
  }
  r.sort((a, b) => a - b);
  const med = r[r.length >> 1] as number;
  return sd > 0 ? (med / 0.6745 / 6) / sd : 0;
}

/** Gradient magnitudes (central differences) of the pixels not clipped to black or white. */
function gradients(f: DisplayFilm): Float64Array {
  const { width: w, height: h, data: d } = f;
  const out: number[] = [];
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const v = d[i] as number;
      if (v <= 2 || v >= 253) continue;
      out.push(Math.hypot((d[i + 1] as number) - (d[i - 1] as number), (d[i + w] as number) - (d[i - w] as number)));
    }
  }
  return Float64Array.from(out).sort();
}

const q = (a: Float64Array, p: number): number => (a.length ? (a[Math.min(a.length - 1, Math.floor(p * a.length))] as number) : 0);

export interface FilmStats {
  readonly mean: number;
  readonly sd: number;
  readonly skewness: number;
  readonly kurtosis: number;
  readonly entropy: number;
  readonly blackShare: number;
  readonly whiteShare: number;
  readonly borderWhiteShare: number;
  readonly npsSlope: number;
  readonly fineTexture: number;
  readonly edgeMedian: number;
  readonly edgePeak: number;
}

export const STAT_INFO: Readonly<Record<keyof FilmStats, string>> = {
  mean: 'mean grey level (0-255) at fit-to-window',
  sd: 'standard deviation of grey levels (global contrast)',
  skewness: 'histogram skewness (shape of the tone curve)',
  kurtosis: 'histogram excess kurtosis',
  entropy: 'histogram entropy, bits',
  blackShare: 'share of pixels at black (<= 2): background air, unexposed',
  whiteShare: 'share of pixels at white (>= 253): shutters, lead, saturated',
  borderWhiteShare: 'share of the outer 4% band at white (>= 250): a burnt-in frame',
  npsSlope: 'slope of the log-log radial power spectrum, 0.04-0.4 cycles/px, central 256 px',
  fineTexture: 'Immerkaer noise residual over the standard deviation (fine texture)',
  edgeMedian: 'median gradient magnitude (grey levels per px), unclipped pixels',
  edgePeak: '99th over 50th percentile of the gradient magnitude (how edges stand out)',
};

export function filmStats(f: DisplayFilm): FilmStats {
  const m = moments(f.data);
  let black = 0;
  let white = 0;
  for (const v of f.data) {
    if (v <= 2) black++;
    else if (v >= 253) white++;
  }
  const g = gradients(f);
  const g50 = q(g, 0.5);
  return {
    mean: m.mean,
    sd: m.sd,
    skewness: m.skew,
    kurtosis: m.kurt,
    entropy: entropy8(f.data),
    blackShare: black / f.data.length,
    whiteShare: white / f.data.length,
    borderWhiteShare: borderWhiteShare(f),
    npsSlope: npsSlope(f),
    fineTexture: fineTexture(f, m.sd),
    edgeMedian: g50,
    edgePeak: g50 > 0 ? q(g, 0.99) / g50 : q(g, 0.99),
  };
}
