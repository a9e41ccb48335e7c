import { boxRadiiForGauss } from '../imaging/index.js';
import { FILM_BLUR_WASM } from './film-blur-wasm.js';
import { kernelsIn, wasmMemory, WASM_PAGE, type WasmMemory } from './wasm-host.js';

/**
 * The film's Gaussian blurs (the lungs' occupancy, the scatter and the processing's bands) as imaging's gaussianBlur
 * makes them, three box passes each way, with the passes in WebAssembly (assembly/film-blur.ts). A fresh worker's
 * first film ran the JavaScript passes cold; measured side by side in Chromium, a blur took 70.8 ms as cold JavaScript
 * and 36.4 ms as WebAssembly, with the same pixels (src/decks/README.md). The plane is copied into the module's memory
 * and back, which costs a fraction of one pass.
 */
type RowH = (src: number, dst: number, row: number, w: number, r: number, inv: number) => void;
type ColsStart = (src: number, acc: number, w: number, h: number, r: number) => void;
type RowV = (src: number, dst: number, acc: number, addRow: number, subRow: number, out: number, w: number, inv: number) => void;

interface Blur {
  readonly memory: WasmMemory;
  readonly rowH: RowH;
  readonly colsStart: ColsStart;
  readonly rowV: RowV;
}

let blur: Blur | null = null;

/** The blur, its memory holding at least `bytes` (grown, never shrunk: films come in many sizes). */
function blurFor(bytes: number): Blur {
  if (!blur) {
    const memory = wasmMemory(bytes);
    const k = kernelsIn<{ boxRowH: RowH; boxColsStart: ColsStart; boxRowV: RowV }>(FILM_BLUR_WASM, memory);
    blur = { memory, rowH: k.boxRowH, colsStart: k.boxColsStart, rowV: k.boxRowV };
  } else if (blur.memory.buffer.byteLength < bytes) {
    blur.memory.grow(Math.ceil((bytes - blur.memory.buffer.byteLength) / WASM_PAGE));
  }
  return blur;
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
  const { memory, rowH, colsStart, rowV } = blurFor(acc + 8 * w);
  new Float32Array(memory.buffer, a, n).set(buf);
  const lastRow = (h - 1) * w;
  for (const r of boxRadiiForGauss(sigma)) {
    // A radius below 1 leaves a pass as it was (imaging's boxBlurH and boxBlurV copy it).
    if (r < 1) continue;
    const inv = 1 / (2 * r + 1);
    for (let y = 0; y < h; y++) rowH(a, b, y * w, w, r, inv);
    colsStart(b, acc, w, h, r);
    for (let y = 0; y < h; y++) rowV(b, a, acc, y + r < h ? (y + r) * w : lastRow, y - r >= 0 ? (y - r) * w : 0, y * w, w, inv);
  }
  buf.set(new Float32Array(memory.buffer, a, n));
}
