/**
 * Frequency-domain and block measurements for the global forgery techniques, written independently of the forgery
 * code: a radix-2 FFT, radial power bands, grid peaks, 8x8 blockiness and the least-squares exposure plane.
 */
import type { GrayImage } from '../../../src/imaging/types.js';

/** In-place iterative radix-2 Cooley-Tukey FFT of one complex line (length a power of two). */
function fft1d(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j] as number, re[i] as number];
      [im[i], im[j]] = [im[j] as number, im[i] as number];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = (-2 * Math.PI) / len;
    for (let i = 0; i < n; i += len) {
      for (let k = 0; k < len / 2; k++) {
        const wr = Math.cos(ang * k);
        const wi = Math.sin(ang * k);
        const a = i + k;
        const b = a + len / 2;
        const xr = (re[b] as number) * wr - (im[b] as number) * wi;
        const xi = (re[b] as number) * wi + (im[b] as number) * wr;
        re[b] = (re[a] as number) - xr;
        im[b] = (im[a] as number) - xi;
        re[a] = (re[a] as number) + xr;
        im[a] = (im[a] as number) + xi;
      }
    }
  }
}

/** Power spectrum (|F|^2, DC at index 0) of the centred n x n crop, mean removed, Hann-windowed. */
export function powerSpectrum(img: GrayImage, n = 256): Float64Array {
  const x0 = Math.floor((img.width - n) / 2);
  const y0 = Math.floor((img.height - n) / 2);
  const re = new Float64Array(n * n);
  const im = new Float64Array(n * n);
  let mean = 0;
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) mean += img.data[(y0 + y) * img.width + x0 + x] as number;
  mean /= n * n;
  // A Hann window: without it the crop's hard edges leak 1/f^2 power over the whole spectrum and hide the texture.
  const hann = (k: number): number => 0.5 - 0.5 * Math.cos((2 * Math.PI * (k + 0.5)) / n);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) re[y * n + x] = ((img.data[(y0 + y) * img.width + x0 + x] as number) - mean) * hann(x) * hann(y);
  }
  const rr = new Float64Array(n);
  const ri = new Float64Array(n);
  for (let y = 0; y < n; y++) {
    rr.set(re.subarray(y * n, y * n + n));
    ri.set(im.subarray(y * n, y * n + n));
    fft1d(rr, ri);
    re.set(rr, y * n);
    im.set(ri, y * n);
  }
  for (let x = 0; x < n; x++) {
    for (let y = 0; y < n; y++) {
      rr[y] = re[y * n + x] as number;
      ri[y] = im[y * n + x] as number;
    }
    fft1d(rr, ri);
    for (let y = 0; y < n; y++) {
      re[y * n + x] = rr[y] as number;
      im[y * n + x] = ri[y] as number;
    }
  }
  return re.map((v, i) => v * v + (im[i] as number) ** 2);
}

const freq = (k: number, n: number): number => (k <= n / 2 ? k : k - n) / n;

/** Mean power in the radial band lo..hi (cycles per pixel). */
export function bandPower(p: Float64Array, n: number, lo: number, hi: number): number {
  let s = 0;
  let c = 0;
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const r = Math.hypot(freq(x, n), freq(y, n));
      if (r >= lo && r < hi) {
        s += p[y * n + x] as number;
        c++;
      }
    }
  }
  return s / Math.max(1, c);
}

/** F2 statistic: high-band (0.3-0.5 cycles/px) over mid-band (0.08-0.16) radial power. */
export function highMidRatio(img: GrayImage): number {
  const n = 256;
  const p = powerSpectrum(img, n);
  return bandPower(p, n, 0.3, 0.5) / bandPower(p, n, 0.08, 0.16);
}

/**
 * F1 statistic: the strongest grid peak for periods 2, 4 and 8 px: the power at a grid frequency (k n/s, l n/s)
 * divided by the median power of the 9x9 neighbourhood around it (the bin itself excluded).
 */
export function gridPeak(img: GrayImage): number {
  const n = 256;
  const p = powerSpectrum(img, n);
  let best = 0;
  for (const s of [2, 4, 8]) {
    const step = n / s;
    for (let ky = 0; ky < s; ky++) {
      for (let kx = 0; kx < s; kx++) {
        if (kx === 0 && ky === 0) continue;
        const fx = kx * step;
        const fy = ky * step;
        const around: number[] = [];
        for (let dy = -4; dy <= 4; dy++) {
          for (let dx = -4; dx <= 4; dx++) {
            if (dx === 0 && dy === 0) continue;
            around.push(p[(((fy + dy) % n) + n) % n * n + ((((fx + dx) % n) + n) % n)] as number);
          }
        }
        around.sort((a, b) => a - b);
        best = Math.max(best, (p[fy * n + fx] as number) / Math.max(1e-9, around[around.length >> 1] as number));
      }
    }
  }
  return best;
}

/**
 * Blockiness at an 8-px grid with offset (ox, oy) inside a box: mean absolute neighbour difference across block
 * borders divided by that inside blocks (1 = no grid; > 1 = block edges).
 */
export function blockiness(img: GrayImage, ox = 0, oy = 0, box = { x0: 0, y0: 0, x1: img.width, y1: img.height }): number {
  const { width: w, data } = img;
  let across = 0;
  let nA = 0;
  let inside = 0;
  let nI = 0;
  for (let y = box.y0; y < box.y1 - 1; y++) {
    for (let x = box.x0; x < box.x1 - 1; x++) {
      const v = data[y * w + x] as number;
      const dx = Math.abs((data[y * w + x + 1] as number) - v);
      const dy = Math.abs((data[(y + 1) * w + x] as number) - v);
      if ((((x + 1 - ox) % 8) + 8) % 8 === 0) {
        across += dx;
        nA++;
      } else {
        inside += dx;
        nI++;
      }
      if ((((y + 1 - oy) % 8) + 8) % 8 === 0) {
        across += dy;
        nA++;
      } else {
        inside += dy;
        nI++;
      }
    }
  }
  return across / Math.max(1, nA) / Math.max(1e-9, inside / Math.max(1, nI));
}

/** T3 statistic: the least-squares plane's total change across the image (|slope x| w + |slope y| h), stored values. */
export function exposureGradient(img: GrayImage): number {
  const { width: w, height: h, data } = img;
  // Centre on the mean of the sampled coordinates (even x, y), else the mean level leaks into the slopes.
  const cx = (2 * (Math.ceil(w / 2) - 1)) / 2;
  const cy = (2 * (Math.ceil(h / 2) - 1)) / 2;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  for (let y = 0; y < h; y += 2) {
    for (let x = 0; x < w; x += 2) {
      const v = data[y * w + x] as number;
      sx += v * (x - cx);
      sy += v * (y - cy);
      sxx += (x - cx) ** 2;
      syy += (y - cy) ** 2;
    }
  }
  return Math.abs(sx / sxx) * w + Math.abs(sy / syy) * h;
}

/**
 * T1 statistic: how signal dependent the grain is: |log| of the robust residual sigma over the brightest fifth of
 * pixels (by 5x5 mean, 2% extremes dropped) divided by that over the darkest fifth. 0 = stationary grain.
 */
export function grainDependence(img: GrayImage): number {
  const { width: w, height: h, data } = img;
  const level: number[] = [];
  const res: number[] = [];
  for (let y = 3; y < h - 3; y += 3) {
    for (let x = 3; x < w - 3; x += 3) {
      let s = 0;
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) s += data[(y + dy) * w + x + dx] as number;
      const i = y * w + x;
      level.push(s / 25);
      res.push(Math.abs((data[i] as number) - ((data[i - 1] as number) + (data[i + 1] as number) + (data[i - w] as number) + (data[i + w] as number)) / 4));
    }
  }
  const order = level.map((_, k) => k).sort((a, b) => (level[a] as number) - (level[b] as number));
  const n = order.length;
  const mad = (from: number, to: number): number => {
    const v = order.slice(Math.floor(from * n), Math.floor(to * n)).map((k) => res[k] as number).sort((a, b) => a - b);
    return Math.max(0.5, v[v.length >> 1] ?? 0);
  };
  return Math.abs(Math.log(mad(0.78, 0.98) / mad(0.02, 0.22)));
}
