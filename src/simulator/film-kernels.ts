import { FILM_EXPOSURE_WASM } from './film-exposure-wasm.js';
import { FILM_PROCESSING_WASM } from './film-processing-wasm.js';
import { FILM_RASTER_WASM } from './film-raster-wasm.js';
import { kernelsIn, type WasmMemory } from './wasm-host.js';

/**
 * The film's per-pixel rows in WebAssembly, working in a film's memory (tube-memory.ts filmPlanes), arguments named
 * by their byte offsets into it: the soft tissues' (assembly/film-raster.ts: the trunk of body-wall.ts, the cavities,
 * the occupancy and the lungs of lungs.ts), the exposure's (assembly/film-exposure.ts: the line-integral map of
 * compose.ts, the primary counts, the noise and the detector's blur of exposure.ts) and the processing's
 * (assembly/film-processing.ts: the log, the recombined bands and the tone pass of processing.ts). WebAssembly because
 * a fresh worker's first film ran these rows as cold JavaScript, interpreted and then compiled while both cores were
 * busy; the pixels are the same (the golden hashes in simulate-chest.test.ts are unchanged).
 */
export interface ExposureKernels {
  composeRow(S: number, A: number, B: number, V: number, out: number, y: number, w: number, cw: number, ic: number, maxX: number, maxY: number, kV: number, cosT: number, sinT: number, cx: number, cy: number): void;
  primaryRow(L: number, out: number, expTab: number, col: number, wrow: number, w: number, ry: number, lo: number, hi: number, step: number, last: number): void;
  noisyRow(prim: number, scat: number, row: number, table: number, mask: number, w: number, spr: number, st0: number): number;
  blurRow(row: number, dst: number, w: number, a: number, c0: number): void;
  blurCols(up: number, mid: number, dn: number, out: number, o: number, w: number, a: number, c0: number): void;
  scatterRow(Sd: number, r0: number, r1: number, fy: number, gv: number, gw: number, scat: number, w: number, K: number): void;
}

export interface ProcessingKernels {
  logRow(v: number, row: number, w: number, l0: number, logTab: number, ln2: number): void;
  logHalfRow(v: number, out: number, row: number, w: number, orow: number, wy: number, l0: number, logTab: number, ln2: number): void;
  bandsRow(C: number, g0: number, g1: number, g2: number, lift: number, n: number, i0: number, count: number, gainCoarse: number, gainMid: number, gainFine: number, lk: number, tn: number): void;
  toneRow(data: number, v: number, o: number, w: number, C: number, r0: number, r1: number, fy: number, scale: number, off: number, cr: number, gs: number, lut: number, tl: number): void;
  toneRowHalf(
    data: number, v: number, o: number, w: number, C: number, r0: number, r1: number, fy: number, scale: number, off: number, cr: number, cw: number, ci0: number, ci1: number, cf: number, gs: number,
    lut: number, tl: number,
  ): void;
  expandRow(d: number, out: number, o: number, w: number, r0: number, r1: number, fy: number, i0: number, i1: number, f: number): void;
}

export interface RasterKernels {
  trunkRow(
    S: number, row: number, xa: number, xb: number, X0: number, fcx: number, k: number, cx: number, hwL: number, hwR: number, hd: number, fd: number, fL: number, fR: number,
    prof: number, lut: number, muFat: number, dMu: number,
  ): void;
  cavityRow(
    A: number, o: number, xa: number, xb: number, X0: number, cx: number, k: number, sg: number, mid: number, ihM: number, ihL: number, hd: number, Y: number, zc: number,
    domeZ: number, iKp: number, iKa: number, domeCol: number, medial: number, lateral: number, lut: number,
  ): void;
  lungRow(A: number, O: number, S: number, row: number, w: number, yc: number, dome: number, fade: number, kLung: number): void;
  addRow(dst: number, src: number, o: number, n: number): void;
  superEllipsoidRow(
    d: number, o: number, x0: number, x1: number, dy: number, cx: number, cs: number, sn: number, ia: number, ib: number, p4: boolean, q4: boolean, scale: number,
    fade: boolean,
  ): void;
  prismRow(d: number, o: number, x0: number, x1: number, dy: number, cx: number, cs: number, sn: number, a: number, b: number, soft: number, value: number): void;
  spanRow(d: number, o: number, x0: number, x1: number, xa: number, xb: number, value: number): void;
  bodyRow(
    d: number, o: number, x0: number, x1: number, dy: number, cx: number, cs: number, sn: number, a: number, b: number, obl: number, k: number, t: number, c: number,
    cortexMm: number, tex: number, trow: number, ox: number, mask: number, kC: number, kM: number,
  ): void;
}

export const exposureKernels = (memory: WasmMemory): ExposureKernels => kernelsIn<ExposureKernels>(FILM_EXPOSURE_WASM, memory);
export const processingKernels = (memory: WasmMemory): ProcessingKernels => kernelsIn<ProcessingKernels>(FILM_PROCESSING_WASM, memory);
export const rasterKernels = (memory: WasmMemory): RasterKernels => kernelsIn<RasterKernels>(FILM_RASTER_WASM, memory);
