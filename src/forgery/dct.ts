/**
 * The 8x8 two-dimensional DCT-II and its inverse (DCT-III), orthonormal, as JPEG uses them (ITU-T T.81, A.3.3),
 * and the JPEG luminance quantisation table (T.81, Annex K, Table K.1) scaled the IJG way by a quality factor.
 */
const N = 8;
const COS = new Float64Array(N * N); // COS[u * 8 + x] = c(u) cos((2x + 1) u pi / 16)
for (let u = 0; u < N; u++) {
  const cu = u === 0 ? Math.SQRT1_2 : 1;
  for (let x = 0; x < N; x++) COS[u * N + x] = 0.5 * cu * Math.cos(((2 * x + 1) * u * Math.PI) / 16);
}

const LUMA = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
  18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];

/** IJG scaling: quality 1..100 (50 = the table itself); `unit` scales 8-bit steps to the image's bit depth. */
export function quantTable(quality: number, unit = 1): Float64Array {
  const q = Math.min(100, Math.max(1, quality));
  const scale = q < 50 ? 5000 / q : 200 - 2 * q;
  return Float64Array.from(LUMA, (v) => Math.max(1, Math.floor((v * scale + 50) / 100)) * unit);
}

/** In place on a 64-element row-major block: spatial -> frequency. */
export function dct8x8(block: Float64Array, tmp = new Float64Array(64)): void {
  for (let y = 0; y < N; y++) {
    for (let u = 0; u < N; u++) {
      let s = 0;
      for (let x = 0; x < N; x++) s += (COS[u * N + x] as number) * (block[y * N + x] as number);
      tmp[y * N + u] = s;
    }
  }
  for (let u = 0; u < N; u++) {
    for (let v = 0; v < N; v++) {
      let s = 0;
      for (let y = 0; y < N; y++) s += (COS[v * N + y] as number) * (tmp[y * N + u] as number);
      block[v * N + u] = s;
    }
  }
}

/** In place: frequency -> spatial. */
export function idct8x8(block: Float64Array, tmp = new Float64Array(64)): void {
  for (let v = 0; v < N; v++) {
    for (let x = 0; x < N; x++) {
      let s = 0;
      for (let u = 0; u < N; u++) s += (COS[u * N + x] as number) * (block[v * N + u] as number);
      tmp[v * N + x] = s;
    }
  }
  for (let y = 0; y < N; y++) {
    for (let x = 0; x < N; x++) {
      let s = 0;
      for (let v = 0; v < N; v++) s += (COS[v * N + y] as number) * (tmp[v * N + x] as number);
      block[y * N + x] = s;
    }
  }
}
