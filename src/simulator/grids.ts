import { blurPlane } from './film-blur.js';

/**
 * Coarse grids for smooth planes (scatter, the processing's low bands): block-averaged by an integer factor and
 * read back by bilinear interpolation with block centres at (i + 0.5) * k, without ever writing a full-size copy.
 * Buffers are kept between calls (one case after another in the worker) to spare the garbage collector.
 */
export interface Grid {
  readonly data: Float32Array;
  readonly width: number;
  readonly height: number;
}

const pool = new Map<string, Float32Array>();
/**
 * A pooled buffer of n floats named `tag` (contents left from the last use). Pools grow and are never shrunk: films
 * come in many sizes, and a fresh allocation per size costs page faults and GC.
 */
export function buffer(tag: string, n: number): Float32Array {
  let b = pool.get(tag);
  if (!b || b.length < n) {
    b = new Float32Array(n);
    pool.set(tag, b);
  }
  return b.length === n ? b : b.subarray(0, n);
}

/** Block mean by an integer factor k (edge blocks average what they have) into a pooled buffer named `tag`. */
export function shrink(src: Grid, k: number, tag: string): Grid {
  const { data: s, width: w, height: h } = src;
  const sw = Math.ceil(w / k);
  const sh = Math.ceil(h / k);
  const out = buffer(tag, sw * sh);
  out.fill(0);
  const cnt = buffer(`${tag}:n`, sw * sh);
  cnt.fill(0);
  for (let y = 0; y < h; y++) addBlockSums(s, out, cnt, y * w, w, ((y / k) | 0) * sw, sw, k);
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / (cnt[i] as number);
  return { data: out, width: sw, height: sh };
}

/**
 * Adds one source row to its output row of k-pixel block sums and pixel counts; the last block of a row holds what
 * is left (a row function: see "Row functions" in README.md).
 */
function addBlockSums(src: Float32Array, sum: Float32Array, cnt: Float32Array, row: number, w: number, orow: number, sw: number, k: number): void {
  for (let bx = 0, x = 0; bx < sw; bx++) {
    const xe = Math.min(x + k, w);
    let acc = 0;
    for (let xx = x; xx < xe; xx++) acc += src[row + xx] as number;
    sum[orow + bx] = (sum[orow + bx] as number) + acc;
    cnt[orow + bx] = (cnt[orow + bx] as number) + (xe - x);
    x = xe;
  }
}

/** A blurred copy (sigma in this grid's pixels) in a pooled buffer, or in `into`. */
export function blurred(g: Grid, sigma: number, tag: string, into?: Float32Array): Grid {
  const out = into ?? buffer(tag, g.data.length);
  out.set(g.data);
  blurPlane(out, g.width, g.height, sigma);
  return { data: out, width: g.width, height: g.height };
}

/** Column look-up for bilinear reads of a grid `k` times coarser than a target `w` wide. */
export interface Columns {
  readonly i0: Int32Array;
  readonly i1: Int32Array;
  readonly f: Float32Array;
}

export function columns(g: Grid, k: number, w: number): Columns {
  const i0 = new Int32Array(w);
  const i1 = new Int32Array(w);
  const f = new Float32Array(w);
  for (let x = 0; x < w; x++) {
    const sx = Math.min(Math.max((x + 0.5) / k - 0.5, 0), g.width - 1);
    const a = Math.floor(sx);
    i0[x] = a;
    i1[x] = Math.min(a + 1, g.width - 1);
    f[x] = sx - a;
  }
  return { i0, i1, f };
}

/** Row weights for target row y: [offset of row j0, offset of row j1, fraction]. */
export function rowAt(g: Grid, k: number, y: number): [number, number, number] {
  const sy = Math.min(Math.max((y + 0.5) / k - 0.5, 0), g.height - 1);
  const j0 = Math.floor(sy);
  return [j0 * g.width, Math.min(j0 + 1, g.height - 1) * g.width, sy - j0];
}
