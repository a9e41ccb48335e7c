import type { Look } from './acquisition.js';
import { CollimatorField, type FieldShape } from './field.js';
import { processingKernels, type ProcessingKernels } from './film-kernels.js';
import { blurred, columns, rowAt, shrink, type Grid } from './grids.js';
import { ScratchArena, type FilmPlanes } from './tube-memory.js';

/**
 * "For presentation" processing of the raw counts, as vendors do it: log transform (pixel values proportional to
 * the attenuation line integral), a multi-scale decomposition whose coarse band is compressed (the lungs and the
 * mediastinum brought closer together) and whose mid bands are lifted by a power law that favours faint detail over
 * strong edges (Agfa MUSICA: P. Vuylsteke and E. Schoeters, Proc. SPIE 2167:551, 1994), a fine band for sharpness,
 * then a sigmoid tone curve fitted to the anatomy's histogram and 12-bit output. The linear band filters leave the
 * familiar halos: a dark rim in the lung beside the heart and the domes, a bright one along the bones. Outside the
 * collimated field the vendor shutter masks the image black or white, or leaves it as exposed.
 */
export interface ProcessingParams {
  readonly i0: number;
  readonly look: Look;
  readonly field: FieldShape;
  readonly shutter: 'raw' | 'black' | 'white';
  /** The anatomy of interest (chest), for fitting the tone curve. */
  readonly roi: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number };
  readonly pxPerMm: number;
}

export interface Processed {
  readonly data: Uint16Array;
  readonly windowCenter: number;
  readonly windowWidth: number;
}

const LOG_BITS = 11;
/** Half-width of the band lift's table, and the tone curve's last entry. */
const LIFT_N = 2048;
const TONE_N = 4096;
/**
 * The log's table of the mantissa: ln(1 + k / 2^11). The rows (assembly/film-processing.ts fastLn) take the natural
 * log of a positive float from its exponent and this table, interpolated (relative error ~1e-7).
 */
const LOG_TAB = new Float64Array((1 << LOG_BITS) + 1);
for (let i = 0; i <= 1 << LOG_BITS; i++) LOG_TAB[i] = Math.log(1 + i / (1 << LOG_BITS));

/** Bytes of the film's scratch (tube-memory.ts filmPlanes) the processing takes for a w x h film at pxPerMm. */
export function processingScratchBytes(w: number, h: number, pxPerMm: number): number {
  const b = ScratchArena.bytes;
  const f2 = halving(pxPerMm);
  const q = Math.ceil(w / f2) * Math.ceil(h / f2);
  const hw = Math.ceil(w / f2);
  const [mw, mh] = [Math.ceil(hw / 2), Math.ceil(Math.ceil(h / f2) / 2)];
  const midAtMost = mw * mh;
  const lowAtMost = Math.ceil(mw / 2) * Math.ceil(mh / 2);
  // The log table; the half grid (f = 2), the three bands and their recombination; the blurred mid and low grids and
  // the low band at mid size (the mid grid at least 2 times coarser, the low one 4 times); three column look-ups to
  // expand with and one for the tone pass; a row of the recombination; the band lift and the tone curve; the output.
  return (
    b(LOG_TAB.length, 8) + (f2 === 2 ? b(q, 4) : 0) + 4 * b(q, 4) + 2 * b(midAtMost, 4) + b(lowAtMost, 4) + 9 * b(hw, 4) + 3 * b(w, 4) + b(hw, 4) +
    b(2 * LIFT_N + 1, 4) + b(TONE_N + 1, 2) + b(w * h, 2)
  );
}

/**
 * A bilinear upsample of a coarse grid to w x h (k times finer) in the film's scratch, with block centres at
 * (i + 0.5) k, row by row in WebAssembly (film-kernels.ts expandRow); the grid must be in the film's memory.
 */
function expandIn(kern: ProcessingKernels, arena: ScratchArena, g: Grid, k: number, w: number, h: number): Grid {
  const c = columns(g, k, w);
  const [i0, i1, f] = [arena.i32(w), arena.i32(w), arena.f32(w)];
  i0.set(c.i0);
  i1.set(c.i1);
  f.set(c.f);
  const out = arena.f32(w * h);
  for (let y = 0; y < h; y++) {
    const [r0, r1, fy] = rowAt(g, k, y);
    kern.expandRow(g.data.byteOffset, out.byteOffset, y * w, w, r0, r1, fy, i0.byteOffset, i1.byteOffset, f.byteOffset);
  }
  return { data: out, width: w, height: h };
}

/** The processing works at half resolution on films finer than 3 pixels per millimetre. */
const halving = (pxPerMm: number): 1 | 2 => (pxPerMm > 3 ? 2 : 1);

/** v := ln(I0 / counts) in place, and its f x f block means (f = 1 or 2) as a grid (in `into`, f = 2). */
function logAndHalve(k: ProcessingKernels, v: Float32Array, w: number, h: number, f: number, lnI0: number, logTab: Float64Array, into: () => Float32Array): Grid {
  const [at, tab] = [v.byteOffset, logTab.byteOffset];
  if (f === 1) {
    for (let y = 0; y < h; y++) k.logRow(at, y * w, w, lnI0, tab, Math.LN2);
    return { data: v, width: w, height: h };
  }
  const hw = Math.ceil(w / 2);
  const hh = Math.ceil(h / 2);
  const out = into();
  out.fill(0);
  // Pairs of pixels into one cell (weight 1/4 each); an odd last column, and an odd last row, count double.
  for (let y = 0; y < h; y++) k.logHalfRow(at, out.byteOffset, y * w, w, (y >> 1) * hw, y === h - 1 && h % 2 === 1 ? 0.5 : 0.25, lnI0, tab, Math.LN2);
  return { data: out, width: hw, height: hh };
}

/** Values at every `step`-th pixel of a rectangle, sorted. */
function sample(w: number, h: number, r: ProcessingParams['roi'], at: (i: number) => number, step: number): Float32Array {
  const x0 = Math.max(0, Math.ceil(r.x0));
  const y0 = Math.max(0, Math.ceil(r.y0));
  const x1 = Math.min(w - 1, Math.floor(r.x1));
  const y1 = Math.min(h - 1, Math.floor(r.y1));
  const nx = x1 >= x0 ? Math.floor((x1 - x0) / step) + 1 : 0;
  const ny = y1 >= y0 ? Math.floor((y1 - y0) / step) + 1 : 0;
  const out = new Float32Array(nx * ny);
  let k = 0;
  for (let y = y0; y <= y1; y += step) for (let x = x0; x <= x1; x += step) out[k++] = at(y * w + x);
  return out.sort();
}

const quant = (a: Float32Array, q: number): number => (a.length ? (a[Math.min(a.length - 1, Math.floor(q * a.length))] as number) : 0);

/**
 * Consumes the film's counts plane (overwritten with the log image). The bands are computed on a pyramid of coarse
 * grids (half resolution, then ~1.2 mm and ~5 mm cells), recombined at half resolution, and the fine band is added
 * back per pixel: the same decomposition as full-size low-pass planes at a fraction of the memory traffic. The
 * per-pixel rows are WebAssembly (film-kernels.ts), in the film's scratch (processingScratchBytes).
 */
export function processForPresentation(planes: FilmPlanes, w: number, h: number, pp: ProcessingParams): Processed {
  const n = w * h;
  const lnI0 = Math.log(pp.i0);
  const v = planes.counts;
  const s = pp.pxPerMm;
  const f2 = halving(s);
  const kern = processingKernels(planes.memory);
  const arena = new ScratchArena(planes);
  const logTab = arena.f64(LOG_TAB.length);
  logTab.set(LOG_TAB);
  const hw = Math.ceil(w / f2);
  const hh = Math.ceil(h / f2);
  // Log transform and the half-resolution grid in one pass over the counts.
  const half = logAndHalve(kern, v, w, h, f2, lnI0, logTab, () => arena.f32(hw * hh));
  const k1 = Math.max(2, Math.round((1.2 * s) / f2));
  const k0 = Math.max(2, Math.round((5 * s) / (f2 * k1)));
  const mid = shrink(half, k1, 'p:mid');
  const low = shrink(mid, k0, 'p:low');
  const g2 = blurred(half, (0.9 * s) / f2, 'p:g2', arena.f32(hw * hh));
  const up = (g: Grid, k: number, w: number, h: number): Grid => expandIn(kern, arena, g, k, w, h);
  const g1 = up(blurred(mid, (3.5 * s) / (f2 * k1), 'p:g1', arena.f32(mid.data.length)), k1, hw, hh);
  const g0 = up(up(blurred(low, (22 * s) / (f2 * k1 * k0), 'p:g0', arena.f32(low.data.length)), k0, mid.width, mid.height), k1, hw, hh);
  const L = pp.look;
  // Power-law lift of the mid bands through a table (amplitude in log units up to +-M).
  const M = 0.35;
  const TN = LIFT_N;
  const lift = arena.f32(2 * TN + 1);
  for (let i = -TN; i <= TN; i++) {
    const x = (i / TN) * 2 * M;
    lift[i + TN] = Math.sign(x) * M * (Math.abs(x) / M) ** L.power;
  }
  const lk = TN / (2 * M);
  // Everything but the fine band, at half resolution: out = C + gainFine * v, C = ... - gainFine * g2.
  const Cd = arena.f32(hw * hh);
  for (let y = 0; y < hh; y++) kern.bandsRow(Cd.byteOffset, g0.data.byteOffset, g1.data.byteOffset, g2.data.byteOffset, lift.byteOffset, 2 * TN, y * hw, hw, L.gainCoarse, L.gainMid, L.gainFine, lk, TN);
  const C = { data: Cd, width: hw, height: hh };
  const cols = columns(C, f2, w);
  const gF = L.gainFine;
  const at = (x: number, y: number): number => {
    const sy = Math.min(Math.max((y + 0.5) / f2 - 0.5, 0), C.height - 1);
    const j0 = Math.floor(sy);
    const r0 = j0 * C.width;
    const r1 = Math.min(j0 + 1, C.height - 1) * C.width;
    const fy = sy - j0;
    const a = cols.i0[x] as number;
    const b = cols.i1[x] as number;
    const fx = cols.f[x] as number;
    const top = (Cd[r0 + a] as number) + ((Cd[r0 + b] as number) - (Cd[r0 + a] as number)) * fx;
    const bot = (Cd[r1 + a] as number) + ((Cd[r1 + b] as number) - (Cd[r1 + a] as number)) * fx;
    return top + (bot - top) * fy + gF * (v[y * w + x] as number);
  };
  const roiVals = sample(w, h, pp.roi, (i) => at(i % w, Math.floor(i / w)), 8);
  const lo = quant(roiVals, 0.01);
  const hi = quant(roiVals, 0.995);
  const span = Math.max(hi - lo, 1e-6);
  const k = L.contrast;
  const sig = (t: number): number => 1 / (1 + Math.exp(-k * (t - 0.5 - L.bias)));
  const s0 = sig(-0.12);
  const toe = L.toe;
  const TL = TONE_N;
  const tMin = lo - 0.5 * span;
  const tMax = hi + 0.3 * span;
  const lut = arena.u16(TL + 1);
  for (let i = 0; i <= TL; i++) {
    const t = (tMin + ((tMax - tMin) * i) / TL - lo) / span;
    // The shoulder approaches light grey, not white: bone and the densest soft tissue stay readable.
    const y = toe + (0.96 - toe) * ((sig(t) - s0) / (1 - s0));
    lut[i] = Math.round(Math.min(1, Math.max(0, y)) * 4095);
  }
  const scale = TL / (tMax - tMin);
  // The tone pass: add the fine band back and apply the tone curve. Each row of C is first interpolated in y and
  // scaled to LUT units, then read at full resolution along x.
  const off = -tMin * scale;
  const gs = gF * scale;
  const cr = arena.f32(hw);
  const [ci0, ci1, cf] = [arena.i32(w), arena.i32(w), arena.f32(w)];
  ci0.set(cols.i0);
  ci1.set(cols.i1);
  cf.set(cols.f);
  const out = arena.u16(n);
  for (let y = 0; y < h; y++) {
    const [r0, r1, fy] = rowAt(C, f2, y);
    if (f2 === 1) kern.toneRow(out.byteOffset, v.byteOffset, y * w, w, Cd.byteOffset, r0, r1, fy, scale, off, cr.byteOffset, gs, lut.byteOffset, TL);
    else kern.toneRowHalf(out.byteOffset, v.byteOffset, y * w, w, Cd.byteOffset, r0, r1, fy, scale, off, cr.byteOffset, hw, ci0.byteOffset, ci1.byteOffset, cf.byteOffset, gs, lut.byteOffset, TL);
  }
  const data = out.slice();
  const field = new CollimatorField(pp.field, w, h);
  if (!field.open) {
    // 'raw': the unexposed margin keeps its (scatter-lit) signal but the vendor's latitude clips it to light grey.
    const maskVal = pp.shutter === 'black' ? 0 : pp.shutter === 'white' ? 4095 : -1;
    const rawCap = Math.round(4095 * 0.86);
    for (let y = 0; y < h; y++) shutterRow(data, field, y, w, maskVal, rawCap);
  }
  const all = sample(w, h, { x0: 0, y0: 0, x1: w - 1, y1: h - 1 }, (i) => data[i] as number, 9);
  // The default window keeps headroom at both ends, as a department's presets do: lead and bone stay below white.
  const q0 = quant(all, 0.002);
  const q1 = quant(all, 0.998);
  const wLo = Math.max(0, q0 - 0.06 * (q1 - q0));
  const wHi = Math.min(4095, q1 + 0.1 * (q1 - q0));
  return { data, windowCenter: Math.round((wLo + wHi) / 2), windowWidth: Math.max(64, Math.round(wHi - wLo)) };
}

/** The vendor's shutter over row y outside the collimated field: masked to maskVal (>= 0), or clipped to rawCap. */
function shutterRow(data: Uint16Array, field: CollimatorField, y: number, w: number, maskVal: number, rawCap: number): void {
  field.span(y);
  const { lo, hi } = field;
  const o = y * w;
  for (let x = 0; x < w; x++) {
    if (x >= lo && x <= hi) x = hi + 1;
    if (x >= w) break;
    const inField = (field.weight(x + 0.5, y + 0.5) - 0.02) / 0.98;
    if (inField >= 1) continue;
    const t = data[o + x] as number;
    data[o + x] = maskVal >= 0 ? Math.round(maskVal + (t - maskVal) * inField) : Math.round(t - Math.max(0, t - rawCap) * (1 - inField));
  }
}
