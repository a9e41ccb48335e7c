import { FILM_EXPOSURE_WASM } from './film-exposure-wasm.js';
import { compileWasm, instantiate, type WasmMemory } from './wasm-host.js';

/**
 * The exposure's per-pixel rows in WebAssembly (assembly/film-exposure.ts), working in a film's memory
 * (tube-memory.ts filmPlanes): the line-integral map (compose.ts), the primary counts, the noise and the detector's
 * blur (exposure.ts). Arguments named by their byte offsets into that memory. WebAssembly because a fresh worker's
 * first film ran these rows as cold JavaScript, interpreted and then compiled while both cores were busy; the pixels
 * are the same (the golden hashes in simulate-chest.test.ts are unchanged).
 */
export interface ExposureKernels {
  composeRow(S: number, A: number, B: number, V: number, out: number, y: number, w: number, cw: number, ic: number, maxX: number, maxY: number, kV: number, cosT: number, sinT: number, cx: number, cy: number): void;
  primaryRow(L: number, out: number, expTab: number, col: number, wrow: number, w: number, ry: number, lo: number, hi: number, step: number, last: number): void;
  noisyRow(prim: number, scat: number, row: number, table: number, mask: number, w: number, spr: number, st0: number): number;
  blurRow(row: number, dst: number, w: number, a: number, c0: number): void;
  blurCols(up: number, mid: number, dn: number, out: number, o: number, w: number, a: number, c0: number): void;
}

let compiled: object | null = null;
const instances = new WeakMap<WasmMemory, ExposureKernels>();

/** The kernels working in `memory` (one instance per film memory). */
export function exposureKernels(memory: WasmMemory): ExposureKernels {
  let k = instances.get(memory);
  if (!k) {
    compiled ??= compileWasm(FILM_EXPOSURE_WASM);
    k = instantiate(compiled, memory) as unknown as ExposureKernels;
    instances.set(memory, k);
  }
  return k;
}
