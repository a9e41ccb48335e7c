/**
 * A JPEG-like round trip of an 8-bit grey plane, the "recompression" of error-level analysis: 8 x 8 blocks, level
 * shift by 128, orthonormal 2-D DCT-II (the scaling of ITU-T T.81 section A.3.3), division by the luminance
 * quantisation table of T.81 Annex K (Table K.1) scaled to a quality as in IJG libjpeg (jcparam.c,
 * jpeg_quality_scaling), rounding, then dequantisation, DCT-III (inverse), rounding and clamping to 0..255. No
 * entropy coding (lossless, so it changes nothing) and no chroma.
 */

/** T.81 Annex K, Table K.1, in row-major (not zig-zag) order. */
const LUMA_Q50 = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
  18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
] as const;

/** The table for a quality 1..100: scale 5000/q below 50, 200 - 2q above; entries clamped to 1..255 (baseline). */
export function quantTable(quality: number): Float64Array {
  const q = Math.min(100, Math.max(1, Math.round(quality)));
  const scale = q < 50 ? 5000 / q : 200 - 2 * q;
  return Float64Array.from(LUMA_Q50, (b) => Math.min(255, Math.max(1, Math.floor((b * scale + 50) / 100))));
}

/** Orthonormal DCT-II basis: C[u * 8 + x] = a(u) cos((2x + 1) u pi / 16), a(0) = sqrt(1/8), a(u) = sqrt(2/8). */
const C = new Float64Array(64);
for (let u = 0; u < 8; u++) {
  for (let x = 0; x < 8; x++) C[u * 8 + x] = (u === 0 ? Math.SQRT1_2 : 1) * 0.5 * Math.cos(((2 * x + 1) * u * Math.PI) / 16);
}

/** Even rows of C on x = 0..3 (E[k * 4 + i] = C[2k][i]) and odd rows (O[k * 4 + i] = C[2k+1][i]). */
const E = new Float64Array(16);
const O = new Float64Array(16);
for (let k = 0; k < 4; k++) {
  for (let i = 0; i < 4; i++) {
    E[k * 4 + i] = C[2 * k * 8 + i] as number;
    O[k * 4 + i] = C[(2 * k + 1) * 8 + i] as number;
  }
}

/**
 * 8-point DCT-II of v[o], v[o+s], ..., v[o+7s] in place, by the even/odd split C[u][7-x] = (-1)^u C[u][x]: the even
 * outputs see only x_i + x_{7-i}, the odd only x_i - x_{7-i}, so 32 multiplies instead of 64.
 */
function dct8(v: Float64Array, o: number, s: number): void {
  const x0 = v[o] as number, x1 = v[o + s] as number, x2 = v[o + 2 * s] as number, x3 = v[o + 3 * s] as number;
  const x4 = v[o + 4 * s] as number, x5 = v[o + 5 * s] as number, x6 = v[o + 6 * s] as number, x7 = v[o + 7 * s] as number;
  const s0 = x0 + x7, s1 = x1 + x6, s2 = x2 + x5, s3 = x3 + x4;
  const d0 = x0 - x7, d1 = x1 - x6, d2 = x2 - x5, d3 = x3 - x4;
  for (let k = 0; k < 4; k++) {
    const e = k * 4;
    v[o + 2 * k * s] = (E[e] as number) * s0 + (E[e + 1] as number) * s1 + (E[e + 2] as number) * s2 + (E[e + 3] as number) * s3;
    v[o + (2 * k + 1) * s] = (O[e] as number) * d0 + (O[e + 1] as number) * d1 + (O[e + 2] as number) * d2 + (O[e + 3] as number) * d3;
  }
}

/** The inverse (DCT-III) of dct8, in place: x_i = Even_i + Odd_i, x_{7-i} = Even_i - Odd_i. */
function idct8(v: Float64Array, o: number, s: number): void {
  const c0 = v[o] as number, c1 = v[o + s] as number, c2 = v[o + 2 * s] as number, c3 = v[o + 3 * s] as number;
  const c4 = v[o + 4 * s] as number, c5 = v[o + 5 * s] as number, c6 = v[o + 6 * s] as number, c7 = v[o + 7 * s] as number;
  for (let i = 0; i < 4; i++) {
    const ev = (E[i] as number) * c0 + (E[4 + i] as number) * c2 + (E[8 + i] as number) * c4 + (E[12 + i] as number) * c6;
    const od = (O[i] as number) * c1 + (O[4 + i] as number) * c3 + (O[8 + i] as number) * c5 + (O[12 + i] as number) * c7;
    v[o + i * s] = ev + od;
    v[o + (7 - i) * s] = ev - od;
  }
}

/** Quantise and dequantise one 8 x 8 block of level-shifted samples in place (rows, then columns; then back). */
function roundTripBlock(b: Float64Array, q: Float64Array): void {
  for (let r = 0; r < 8; r++) dct8(b, r * 8, 1);
  for (let c = 0; c < 8; c++) dct8(b, c, 8);
  for (let i = 0; i < 64; i++) b[i] = Math.round((b[i] as number) / (q[i] as number)) * (q[i] as number);
  for (let c = 0; c < 8; c++) idct8(b, c, 8);
  for (let r = 0; r < 8; r++) idct8(b, r * 8, 1);
}

/** Block at (bx, by) minus 128 into b; rows and columns past the plane replicate its last ones. */
function loadBlock(src: ArrayLike<number>, w: number, h: number, bx: number, by: number, b: Float64Array): void {
  if (bx >= 0 && by >= 0 && bx + 8 <= w && by + 8 <= h) {
    for (let y = 0; y < 8; y++) {
      const o = (by + y) * w + bx;
      for (let x = 0; x < 8; x++) b[y * 8 + x] = (src[o + x] as number) - 128;
    }
    return;
  }
  for (let y = 0; y < 8; y++) {
    const sy = Math.min(h - 1, Math.max(0, by + y));
    for (let x = 0; x < 8; x++) b[y * 8 + x] = (src[sy * w + Math.min(w - 1, Math.max(0, bx + x))] as number) - 128;
  }
}

/** The part of block b (level-shifted) that lies on the plane, rounded and clamped to 0..255, into out. */
function storeBlock(b: Float64Array, w: number, h: number, bx: number, by: number, out: Uint8Array): void {
  for (let y = Math.max(0, -by); y < 8 && by + y < h; y++) {
    const o = (by + y) * w + bx;
    for (let x = Math.max(0, -bx); x < 8 && bx + x < w; x++) {
      const v = (b[y * 8 + x] as number) + 128.5;
      out[o + x] = v <= 0 ? 0 : v >= 255 ? 255 : v | 0; // floor(x + 0.5): round half up
    }
  }
}

/**
 * Round trip of a w x h plane of 0..255 values through the quantiser of the given quality, block grid starting at
 * (-offsetX, -offsetY) modulo 8 (offset 0: blocks at multiples of 8). Partial edge blocks replicate their last
 * column and row, as encoders pad. Returns a new plane of integers 0..255.
 */
export function jpegRoundTrip(src: ArrayLike<number>, w: number, h: number, quality: number, offsetX = 0, offsetY = 0): Uint8Array {
  const q = quantTable(quality);
  const out = new Uint8Array(w * h);
  const blk = new Float64Array(64);
  const ox = ((offsetX % 8) + 8) % 8;
  const oy = ((offsetY % 8) + 8) % 8;
  for (let by = -oy; by < h; by += 8) {
    for (let bx = -ox; bx < w; bx += 8) {
      loadBlock(src, w, h, bx, by, blk);
      roundTripBlock(blk, q);
      storeBlock(blk, w, h, bx, by, out);
    }
  }
  return out;
}
