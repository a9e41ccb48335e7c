import { boxRadiiForGauss } from '../imaging/index.js';
import { FILM_BLUR_WASM } from './film-blur-wasm.js';
import { kernelsIn, wasmMemory, WASM_PAGE, type WasmMemory } from './wasm-host.js';

/**
 * The film's Gaussian blurs (the lungs' occupancy, the scatter and the processing's bands) as imaging's gaussianBlur
 * makes them, three box passes each way, with the passes in WebAssembly (assembly/film-blur.ts). A fresh worker's
 * first film ran the JavaScript passes cold; measured side by side in Chromium, a blur took 70.8 ms as cold JavaScript
 * and 36.4 ms as WebAssembly, with the same pixels (src/decks/README.md). The plane is copied into the module's memory
 * and back, which costs a fraction of one pass. The trabecular tile's periodic blur (render-bones.ts) is here too.
 */
interface BlurKernels {
  boxRowH(src: number, dst: number, row: number, w: number, r: number, inv: number): void;
  boxColsStart(src: number, acc: number, w: number, h: number, r: number): void;
  boxRowV(src: number, dst: number, acc: number, addRow: number, subRow: number, out: number, w: number, inv: number): void;
  wrapRowH(a: number, out: number, o: number, n: number, r: number, d: number): void;
  wrapColsStart(a: number, acc: number, n: number, r: number): void;
  wrapRowV(a: number, out: number, acc: number, o: number, add: number, sub: number, n: number, d: number): void;
}

let memory: WasmMemory | null = null;

/** The blur's kernels, their memory holding at least `bytes` (grown, never shrunk: films come in many sizes). */
function blurFor(bytes: number): { readonly memory: WasmMemory; readonly k: BlurKernels } {
  if (!memory) memory = wasmMemory(bytes);
  else if (memory.buffer.byteLength < bytes) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / WASM_PAGE));
  return { memory, k: kernelsIn<BlurKernels>(FILM_BLUR_WASM, memory) };
}

/** In-place approximate Gaussian blur of a w x h plane, pixel for pixel as imaging's gaussianBlur. */
export function blurPlane(buf: Float32Array, w: number, h: number, sigma: number): void {
  if (sigma <= 0.3) return;
  const n = w * h;
  if (buf.length !== n) throw new Error(`blurPlane: a ${w} x ${h} plane has ${n} values, not ${buf.length}`);
  // Memory: the plane (a), the other plane of each pass (b), the vertical pass's column sums (f64).
  const a = 0;
  const b = 4 * n;
  const acc = 8 * n;
  const { memory, k } = blurFor(acc + 8 * w);
  new Float32Array(memory.buffer, a, n).set(buf);
  const lastRow = (h - 1) * w;
  for (const r of boxRadiiForGauss(sigma)) {
    // A radius below 1 leaves a pass as it was (imaging's boxBlurH and boxBlurV copy it).
    if (r < 1) continue;
    const inv = 1 / (2 * r + 1);
    for (let y = 0; y < h; y++) k.boxRowH(a, b, y * w, w, r, inv);
    k.boxColsStart(b, acc, w, h, r);
    for (let y = 0; y < h; y++) k.boxRowV(b, a, acc, y + r < h ? (y + r) * w : lastRow, y - r >= 0 ? (y - r) * w : 0, y * w, w, inv);
  }
  buf.set(new Float32Array(memory.buffer, a, n));
}

/**
 * The trabecular tile's periodic blur (render-bones.ts), in place: three box passes of radius r each way on an
 * n x n tile whose rows and columns wrap around, wrapped indices stepped rather than taken modulo n, and the column
 * pass walking rows with one running sum per column.
 */
export function wrapBlurTile(tile: Float32Array, n: number, r: number): void {
  if (r < 1) return;
  const nn = n * n;
  if (tile.length !== nn) throw new Error(`wrapBlurTile: a ${n} x ${n} tile has ${nn} values, not ${tile.length}`);
  const a = 0;
  const t = 4 * nn;
  const acc = 8 * nn;
  const { memory, k } = blurFor(acc + 8 * n);
  const A = new Float32Array(memory.buffer, a, nn);
  const T = new Float32Array(memory.buffer, t, nn);
  A.set(tile);
  const d = 2 * r + 1;
  for (let pass = 0; pass < 3; pass++) {
    for (let y = 0; y < n; y++) k.wrapRowH(a, t, y * n, n, r, d);
    A.set(T);
    k.wrapColsStart(a, acc, n, r);
    let add = ((r + 1) % n) * n;
    let sub = ((n - r) % n) * n;
    for (let y = 0; y < n; y++) {
      k.wrapRowV(a, t, acc, y * n, add, sub, n, d);
      add += n;
      if (add === nn) add = 0;
      sub += n;
      if (sub === nn) sub = 0;
    }
    A.set(T);
  }
  tile.set(A);
}
