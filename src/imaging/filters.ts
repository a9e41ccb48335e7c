/**
 * Separable blurs and resampling on Float32 planes. Gaussian blurs are approximated by three successive box
 * blurs (central limit theorem; box widths as in W. Wells, "Efficient synthesis of Gaussian filters by cascaded
 * uniform filters", IEEE PAMI 8(2), 1986), each a running sum, so the cost does not grow with sigma.
 */

/** Horizontal box blur of radius r (window 2r+1) with edge clamping, src -> dst (may not alias). */
export function boxBlurH(src: Float32Array, dst: Float32Array, w: number, h: number, r: number): void {
  if (r < 1) {
    dst.set(src);
    return;
  }
  const inv = 1 / (2 * r + 1);
  for (let y = 0; y < h; y++) boxRowH(src, dst, y * w, w, r, inv);
}

/**
 * One row of boxBlurH. The blurs' loops are row functions, called once per row: V8 optimises a small function called
 * often from its first rows, where a loop nest in a function called a few times runs unoptimised until replaced
 * mid-run, which a fresh worker's first, cold film pays for.
 */
function boxRowH(src: Float32Array, dst: Float32Array, row: number, w: number, r: number, inv: number): void {
  const first = src[row] as number;
  const last = src[row + w - 1] as number;
  // Window for x = 0 is [-r, r]: r+1 clamped copies of the first sample, then samples 1..r (r is added below).
  let acc = first * (r + 1);
  for (let i = 1; i < r; i++) acc += src[row + Math.min(i, w - 1)] as number;
  for (let x = 0; x < w; x++) {
    const addIdx = x + r;
    acc += addIdx < w ? (src[row + addIdx] as number) : last;
    dst[row + x] = acc * inv;
    const subIdx = x - r;
    acc -= subIdx >= 0 ? (src[row + subIdx] as number) : first;
  }
}

/** Vertical box blur, row-major so that memory is walked sequentially (one accumulator per column). */
export function boxBlurV(src: Float32Array, dst: Float32Array, w: number, h: number, r: number): void {
  if (r < 1) {
    dst.set(src);
    return;
  }
  const inv = 1 / (2 * r + 1);
  const acc = new Float64Array(w);
  const lastRow = (h - 1) * w;
  for (let x = 0; x < w; x++) acc[x] = (src[x] as number) * (r + 1);
  for (let i = 1; i < r; i++) {
    const row = Math.min(i, h - 1) * w;
    for (let x = 0; x < w; x++) acc[x] = (acc[x] as number) + (src[row + x] as number);
  }
  for (let y = 0; y < h; y++) {
    const addRow = y + r < h ? (y + r) * w : lastRow;
    const subRow = y - r >= 0 ? (y - r) * w : 0;
    boxRowV(src, dst, acc, addRow, subRow, y * w, w, inv);
  }
}

/** One row of boxBlurV from the running column sums, which then step down a row (a row function). */
function boxRowV(src: Float32Array, dst: Float32Array, acc: Float64Array, addRow: number, subRow: number, out: number, w: number, inv: number): void {
  for (let x = 0; x < w; x++) {
    const a = (acc[x] as number) + (src[addRow + x] as number);
    dst[out + x] = a * inv;
    acc[x] = a - (src[subRow + x] as number);
  }
}

/** Box radii whose three-fold cascade has standard deviation ~sigma (variance of a width-n box: (n^2-1)/12). */
export function boxRadiiForGauss(sigma: number, passes = 3): number[] {
  const ideal = Math.sqrt((12 * sigma * sigma) / passes + 1);
  let wl = Math.floor(ideal);
  if (wl % 2 === 0) wl--;
  const wu = wl + 2;
  const m = Math.round((12 * sigma * sigma - passes * wl * wl - 4 * passes * wl - 3 * passes) / (-4 * wl - 4));
  const radii: number[] = [];
  for (let i = 0; i < passes; i++) radii.push(((i < m ? wl : wu) - 1) / 2);
  return radii;
}

/** In-place approximate Gaussian blur; `tmp` is scratch of the same size (allocated if omitted). */
export function gaussianBlur(buf: Float32Array, w: number, h: number, sigma: number, tmp?: Float32Array): void {
  if (sigma <= 0.3) return;
  const scratch = tmp ?? new Float32Array(buf.length);
  for (const r of boxRadiiForGauss(sigma)) {
    boxBlurH(buf, scratch, w, h, r);
    boxBlurV(scratch, buf, w, h, r);
  }
}
