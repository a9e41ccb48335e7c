/**
 * Fourier-spectrum lens: log-magnitude of the 2-D DFT, zero frequency in the centre (domain/artifacts.ts
 * section 3, "FFT / radial spectrum": F1, F2). A periodic grid, such as the checkerboard of transposed-convolution
 * upsampling (Odena et al., Distill 2016) or an 8-pixel latent-decoder grid, puts bright dots away from the centre
 * (Frank et al. 2020; Durall et al., CVPR 2020).
 *
 * Size: the transform is N x M with N, M powers of two (radix-2 FFT), each the next power of two of the image side
 * but at most 2048. A smaller side is zero-padded (which only interpolates the spectrum more finely); a larger one is
 * centre-cropped, which keeps every frequency up to Nyquist, the band where grids show, where downsampling would
 * drop it. The data are weighted by a 2-D Hann window first, so the image border does not draw a bright cross
 * through the centre (Harris, Proc. IEEE 66(1), 1978). Display pixel (x, y) shows the frequency
 * ((x - floor(W/2)) / W, (y - floor(H/2)) / H) cycles per pixel, nearest bin: a period of P pixels along x lands at
 * W / P pixels from the centre, whatever the transform size.
 */
import type { GrayImage } from '../imaging/index.js';
import { fft, fftPlan, nextPowerOfTwo } from './fft.js';
import { LENS_BITS, LENS_MAX, quantiles12, windowFromRange } from './lens-image.js';

/** Largest transform side: 2048 x 2048 keeps the lens under its time budget (benchmark in the report). */
export const SPECTRUM_MAX_SIDE = 2048;

const hann = (n: number): Float64Array => {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.sin((Math.PI * (i + 0.5)) / n) ** 2;
  return out;
};

/** Scratch kept between calls (the lens worker computes one lens after another): fresh 30 MB planes cost more
 * in first-touch page faults than the arithmetic does on this machine. */
let scratch: { re: Float64Array; im: Float64Array } | null = null;
function scratchPlanes(n: number): { re: Float64Array; im: Float64Array } {
  if (!scratch || scratch.re.length !== n) scratch = { re: new Float64Array(n), im: new Float64Array(n) };
  return scratch;
}

/** Rows (and columns) transformed per block before being written out across (cache locality). */
const BLOCK = 16;

/** Hann-weighted image row, in 12-bit units, into dst[0..uw); the rest of dst is left as it is (zero). */
function loadRow(src: Uint16Array, start: number, uw: number, wx: Float64Array, gain: number, dst: Float64Array): void {
  for (let x = 0; x < uw; x++) dst[x] = (src[start + x] as number) * (wx[x] as number) * gain;
}

/**
 * Splits the transforms of row pairs packed as z = a + i b into the half spectra of a and b, written column-major:
 * A[k] = (Z[k] + Z[n-k]*) / 2, B[k] = (Z[k] - Z[n-k]*) / 2i (Press et al., Numerical Recipes, 3rd ed., 12.3.2).
 */
function unpackBlock(
  bRe: Float64Array, bIm: Float64Array, rows: number, nx: number, ny: number, y0: number, colRe: Float64Array, colIm: Float64Array,
): void {
  const hx = nx >> 1;
  for (let kx = 0; kx <= hx; kx++) {
    const nk = (nx - kx) & (nx - 1);
    for (let r = 0; r < rows; r += 2) {
      const b = r * nx;
      const zr = bRe[b + kx] as number;
      const zi = bIm[b + kx] as number;
      const cr = bRe[b + nk] as number;
      const ci = bIm[b + nk] as number;
      const o = kx * ny + y0 + r;
      colRe[o] = 0.5 * (zr + cr);
      colIm[o] = 0.5 * (zi - ci);
      if (r + 1 < rows) {
        colRe[o + 1] = 0.5 * (zi + ci);
        colIm[o + 1] = -0.5 * (zr - cr);
      }
    }
  }
}

/** 1 + |F|^2 of columns kx0..kx0+n-1 (column-major input) into the row-major half plane. */
function powerColumns(colRe: Float64Array, colIm: Float64Array, kx0: number, n: number, ny: number, cols: number, out: Float32Array): void {
  for (let ky = 0; ky < ny; ky++) {
    const o = ky * cols + kx0;
    for (let c = 0; c < n; c++) {
      const i = (kx0 + c) * ny + ky;
      const a = colRe[i] as number;
      const b = colIm[i] as number;
      out[o + c] = 1 + a * a + b * b;
    }
  }
}

/**
 * In place, x -> log2(x) / 2 for x >= 1: the IEEE 754 exponent plus a cubic in the mantissa m,
 * log2(1 + m) ~ m (1.42349 - 0.58777 m + 0.16559 m^2) (least squares on [0, 1), max error 0.0013, a fifth of a
 * 12-bit display step). Math.log cost 70 ms per 2048 x 2048 spectrum on the 2-core benchmark machine.
 */
function halfLog2InPlace(f: Float32Array): void {
  const bits = new Uint32Array(f.buffer, f.byteOffset, f.length);
  for (let i = 0; i < f.length; i++) {
    const u = bits[i] as number;
    const m = (u & 0x7fffff) * 1.1920928955078125e-7; // 2^-23
    f[i] = 0.5 * ((u >>> 23) - 127 + m * (1.4234941842161168 + m * (-0.5877692379833906 + m * 0.16558987718493334)));
  }
}

/**
 * log2(1 + |F|^2) / 2 (about log2 |F|) on the half plane kx = 0..nx/2, row-major with nx/2 + 1 bins per row; the other
 * half follows from F(-k) = F(k)* for real input. Rows go through the FFT two at a time (one complex transform).
 */
function halfPlaneLogMagnitude(image: GrayImage, nx: number, ny: number): Float32Array {
  const { width: w, height: h } = image;
  const uw = Math.min(w, nx);
  const uh = Math.min(h, ny);
  const x0 = (w - uw) >> 1;
  const y0 = (h - uh) >> 1;
  const wx = hann(uw);
  const wy = hann(uh);
  const k = LENS_MAX / (2 ** image.bitsStored - 1);
  const cols = (nx >> 1) + 1;
  const { re: colRe, im: colIm } = scratchPlanes(cols * ny);
  if (uh < ny) {
    colRe.fill(0);
    colIm.fill(0);
  }
  const blockRe = new Float64Array(BLOCK * nx);
  const blockIm = new Float64Array(BLOCK * nx);
  const rowPlan = fftPlan(nx);
  for (let yb = 0; yb < uh; yb += BLOCK) {
    const rows = Math.min(BLOCK, uh - yb);
    blockRe.fill(0);
    blockIm.fill(0);
    for (let r = 0; r < rows; r += 2) {
      const re = blockRe.subarray(r * nx, (r + 1) * nx);
      const im = blockIm.subarray(r * nx, (r + 1) * nx);
      const start = (y0 + yb + r) * w + x0;
      loadRow(image.data, start, uw, wx, (wy[yb + r] as number) * k, re);
      if (r + 1 < rows) loadRow(image.data, start + w, uw, wx, (wy[yb + r + 1] as number) * k, im);
      fft(rowPlan, re, im);
    }
    unpackBlock(blockRe, blockIm, rows, nx, ny, yb, colRe, colIm);
  }
  const colPlan = fftPlan(ny);
  const logMag = new Float32Array(cols * ny);
  for (let kx0 = 0; kx0 < cols; kx0 += BLOCK) {
    const n = Math.min(BLOCK, cols - kx0);
    for (let kx = kx0; kx < kx0 + n; kx++) fft(colPlan, colRe.subarray(kx * ny, (kx + 1) * ny), colIm.subarray(kx * ny, (kx + 1) * ny));
    powerColumns(colRe, colIm, kx0, n, ny, cols, logMag);
  }
  halfLog2InPlace(logMag);
  return logMag;
}

/** One display row: bin of each column from the half plane (its mirror row for the other half), scaled to 12 bits. */
function displayRow(
  logMag: Float32Array, row: number, rowMirror: number, colOf: Int32Array, flipOf: Uint8Array, out: Uint16Array,
  o: number, w: number, scale: number, max: number,
): void {
  for (let x = 0; x < w; x++) {
    const v = (logMag[(colOf[x] as number) + (flipOf[x] ? rowMirror : row)] as number) * scale;
    out[o + x] = v <= 0 ? 0 : v >= max ? max : (v + 0.5) | 0;
  }
}

export function fourierSpectrum(image: GrayImage): GrayImage {
  const { width: w, height: h } = image;
  const nx = Math.min(nextPowerOfTwo(w), SPECTRUM_MAX_SIDE);
  const ny = Math.min(nextPowerOfTwo(h), SPECTRUM_MAX_SIDE);
  const logMag = halfPlaneLogMagnitude(image, nx, ny);
  const cols = (nx >> 1) + 1;
  const bins = cols * ny;
  let lMax = 0;
  for (let i = 0; i < bins; i++) if ((logMag[i] as number) > lMax) lMax = logMag[i] as number;
  const scale = lMax > 0 ? LENS_MAX / lMax : 0;
  // Bin of each display column and row (kx, ky mod n), and whether the column lies in the mirrored half.
  const colOf = new Int32Array(w);
  const flipOf = new Uint8Array(w);
  for (let x = 0; x < w; x++) {
    const kx = ((Math.round(((x - (w >> 1)) * nx) / w) % nx) + nx) % nx;
    flipOf[x] = kx > nx >> 1 ? 1 : 0;
    colOf[x] = flipOf[x] ? nx - kx : kx;
  }
  const rowOf = new Int32Array(h);
  for (let y = 0; y < h; y++) rowOf[y] = ((Math.round(((y - (h >> 1)) * ny) / h) % ny) + ny) % ny;
  const data = new Uint16Array(w * h);
  for (let y = 0; y < h; y++) {
    const ky = rowOf[y] as number;
    displayRow(logMag, ky * cols, ((ny - ky) & (ny - 1)) * cols, colOf, flipOf, data, y * w, w, scale, LENS_MAX);
  }
  // Black at the median bin (the broadband floor of anatomy and mottle), white near the strongest peaks.
  const [lo = 0, hi = LENS_MAX] = quantiles12(data, [0.5, 0.9995]);
  const win = windowFromRange(lo, hi, 64);
  return { width: w, height: h, data, bitsStored: LENS_BITS, windowCenter: win.center, windowWidth: win.width };
}
