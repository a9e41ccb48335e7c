/** Exact separable Gaussian convolution for small sigmas (<= ~3 px), where the box-pass approximation is coarse. */
export function gaussKernel(sigma: number): Float32Array {
  const r = Math.max(1, Math.ceil(3 * sigma));
  const k = new Float32Array(2 * r + 1);
  let s = 0;
  for (let i = -r; i <= r; i++) {
    const v = Math.exp(-(i * i) / (2 * sigma * sigma));
    k[i + r] = v;
    s += v;
  }
  for (let i = 0; i < k.length; i++) k[i] = (k[i] as number) / s;
  return k;
}

/** Convolve with a symmetric 1-D kernel along x then y, replicating edges (clamping only near the borders). */
export function separableBlur(src: Float32Array, w: number, h: number, k: Float32Array): Float32Array {
  const r = (k.length - 1) >> 1;
  const tmp = new Float32Array(src.length);
  const out = new Float32Array(src.length);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      let s = 0;
      if (x >= r && x < w - r) {
        for (let j = -r; j <= r; j++) s += (k[j + r] as number) * (src[row + x + j] as number);
      } else {
        for (let j = -r; j <= r; j++) s += (k[j + r] as number) * (src[row + Math.min(w - 1, Math.max(0, x + j))] as number);
      }
      tmp[row + x] = s;
    }
  }
  for (let y = 0; y < h; y++) {
    const inside = y >= r && y < h - r;
    for (let j = -r; j <= r; j++) {
      const kj = k[j + r] as number;
      const srow = (inside ? y + j : Math.min(h - 1, Math.max(0, y + j))) * w;
      const orow = y * w;
      for (let x = 0; x < w; x++) out[orow + x] = (out[orow + x] as number) + kj * (tmp[srow + x] as number);
    }
  }
  return out;
}

export const smallGaussianBlur = (src: Float32Array, w: number, h: number, sigma: number): Float32Array =>
  separableBlur(src, w, h, gaussKernel(sigma));

/** out[i] = f(i) over a fresh plane; a plain loop (TypedArray.from with a map callback is slow in V8). */
export function mapPlane(n: number, f: (i: number) => number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = f(i);
  return out;
}
