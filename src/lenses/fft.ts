/**
 * In-place iterative radix-2 decimation-in-time FFT (Cooley and Tukey, Math. Comp. 19, 1965; bit-reversal
 * permutation then log2(n) butterfly stages, as in Press et al., Numerical Recipes, 3rd ed., section 12.2).
 *
 * Hand-written rather than a dependency: the maintained npm FFT for this (fft.js) works on interleaved arrays of
 * its own layout, while the lens needs a 1-D complex transform with precomputed tables on the rows and columns it
 * already holds, which is forty lines; the 2-D transform around it is the part a library would not give. The 2-D spectrum
 * (fourier-spectrum.ts) halves the work with the two-real-rows-in-one-complex trick and Hermitian symmetry.
 */

export interface FftPlan {
  readonly n: number;
  readonly cos: Float64Array;
  readonly sin: Float64Array;
  readonly rev: Uint32Array;
}

export const isPowerOfTwo = (n: number): boolean => Number.isInteger(n) && n >= 1 && (n & (n - 1)) === 0;

export function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

const plans = new Map<number, FftPlan>();

/** Twiddle factors e^{-2 pi i k / n} (k < n/2) and the bit-reversal permutation, cached per size. */
export function fftPlan(n: number): FftPlan {
  if (!isPowerOfTwo(n)) throw new Error(`fft: size must be a power of two, got ${n}`);
  const cached = plans.get(n);
  if (cached) return cached;
  const half = n >> 1;
  const cos = new Float64Array(Math.max(1, half));
  const sin = new Float64Array(Math.max(1, half));
  for (let k = 0; k < half; k++) {
    cos[k] = Math.cos((2 * Math.PI * k) / n);
    sin[k] = -Math.sin((2 * Math.PI * k) / n);
  }
  const bits = Math.round(Math.log2(n));
  const rev = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let r = 0;
    for (let b = 0, v = i; b < bits; b++, v >>= 1) r = (r << 1) | (v & 1);
    rev[i] = r;
  }
  const plan = { n, cos, sin, rev };
  plans.set(n, plan);
  return plan;
}

/** Forward DFT X[k] = sum_j x[j] e^{-2 pi i jk/n}, in place on (re, im) of length plan.n. Unnormalised. */
export function fft(plan: FftPlan, re: Float64Array, im: Float64Array): void {
  const { n, cos, sin, rev } = plan;
  for (let i = 0; i < n; i++) {
    const j = rev[i] as number;
    if (j > i) {
      const tr = re[i] as number;
      re[i] = re[j] as number;
      re[j] = tr;
      const ti = im[i] as number;
      im[i] = im[j] as number;
      im[j] = ti;
    }
  }
  // Stages run two at a time (radix-2^2): one pass over memory does the butterflies of half-sizes L and 2L, halving
  // the loads and stores of a plain radix-2 loop. With an odd number of stages, a first twiddle-free stage (L = 1).
  const bits = Math.round(Math.log2(n));
  let l = 1;
  if (bits % 2 === 1) {
    for (let a = 0; a < n; a += 2) {
      const ar = re[a] as number;
      const ai = im[a] as number;
      const br = re[a + 1] as number;
      const bi = im[a + 1] as number;
      re[a] = ar + br;
      im[a] = ai + bi;
      re[a + 1] = ar - br;
      im[a + 1] = ai - bi;
    }
    l = 2;
  }
  for (; 4 * l <= n; l *= 4) {
    const s1 = n / (2 * l); // twiddle W_{2L}^k = table[k * s1]
    const s2 = n / (4 * l); // twiddle W_{4L}^k = table[k * s2]
    for (let start = 0; start < n; start += 4 * l) {
      for (let k = 0; k < l; k++) {
        const w1r = cos[k * s1] as number;
        const w1i = sin[k * s1] as number;
        const w2r = cos[k * s2] as number;
        const w2i = sin[k * s2] as number;
        const i0 = start + k;
        const i1 = i0 + l;
        const i2 = i1 + l;
        const i3 = i2 + l;
        // Stage L: (x0, x1) and (x2, x3) with W_{2L}^k.
        const x1r = re[i1] as number;
        const x1i = im[i1] as number;
        const x3r = re[i3] as number;
        const x3i = im[i3] as number;
        const t1r = x1r * w1r - x1i * w1i;
        const t1i = x1r * w1i + x1i * w1r;
        const t3r = x3r * w1r - x3i * w1i;
        const t3i = x3r * w1i + x3i * w1r;
        const x0r = re[i0] as number;
        const x0i = im[i0] as number;
        const x2r = re[i2] as number;
        const x2i = im[i2] as number;
        const a0r = x0r + t1r;
        const a0i = x0i + t1i;
        const a1r = x0r - t1r;
        const a1i = x0i - t1i;
        const a2r = x2r + t3r;
        const a2i = x2i + t3i;
        const a3r = x2r - t3r;
        const a3i = x2i - t3i;
        // Stage 2L: (a0, a2) with W_{4L}^k, (a1, a3) with W_{4L}^{k+L} = -i W_{4L}^k.
        const u2r = a2r * w2r - a2i * w2i;
        const u2i = a2r * w2i + a2i * w2r;
        const v3r = a3r * w2r - a3i * w2i;
        const v3i = a3r * w2i + a3i * w2r;
        // -i * (v3r + i v3i) = v3i - i v3r
        re[i0] = a0r + u2r;
        im[i0] = a0i + u2i;
        re[i2] = a0r - u2r;
        im[i2] = a0i - u2i;
        re[i1] = a1r + v3i;
        im[i1] = a1i - v3r;
        re[i3] = a1r - v3i;
        im[i3] = a1i + v3r;
      }
    }
  }
}
