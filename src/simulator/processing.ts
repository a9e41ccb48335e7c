import type { Look } from './acquisition.js';
import { CollimatorField, type FieldShape } from './field.js';
import { blurred, buffer, columns, expand, rowAt, shrink, type Grid } from './grids.js';

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
const LOG_TAB = new Float64Array((1 << LOG_BITS) + 1);
for (let i = 0; i <= 1 << LOG_BITS; i++) LOG_TAB[i] = Math.log(1 + i / (1 << LOG_BITS));
const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);
const LOG_SHIFT = 23 - LOG_BITS;
const LOG_MASK = (1 << LOG_SHIFT) - 1;
const LOG_INV = 1 / (1 << LOG_SHIFT);

/** Natural log of a positive float from its exponent and a table of the mantissa (relative error ~1e-7). */
function fastLn(x: number): number {
  F32[0] = x;
  const b = U32[0] as number;
  const k = (b & 0x7fffff) >>> LOG_SHIFT;
  const t0 = LOG_TAB[k] as number;
  return ((b >>> 23) - 127) * Math.LN2 + t0 + ((LOG_TAB[k + 1] as number) - t0) * ((b & LOG_MASK) * LOG_INV);
}

/** tab at the nearest index to q, clamped to the table. */
function lookUp(tab: Float32Array, q: number): number {
  const n = tab.length - 1;
  return tab[q <= 0 ? 0 : q >= n ? n : (q + 0.5) | 0] as number;
}

/** v := ln(I0 / counts) in place, and its f x f block means (f = 1 or 2) as a grid. */
function logAndHalve(v: Float32Array, w: number, h: number, f: number, lnI0: number): Grid {
  if (f === 1) {
    for (let i = 0; i < w * h; i++) {
      const c = v[i] as number;
      v[i] = lnI0 - fastLn(c > 0.5 ? c : 0.5);
    }
    return { data: v, width: w, height: h };
  }
  const hw = Math.ceil(w / 2);
  const hh = Math.ceil(h / 2);
  const out = buffer('p:logHalf', hw * hh);
  out.fill(0);
  const l0 = +lnI0;
  // An odd last row counts double.
  for (let y = 0; y < h; y++) logHalfRow(v, out, y * w, w, (y >> 1) * hw, y === h - 1 && h % 2 === 1 ? 0.5 : 0.25, l0);
  return { data: out, width: hw, height: hh };
}

/** One row of logAndHalve's f = 2 pass (a row function: see "Row functions" in README.md). */
function logHalfRow(v: Float32Array, out: Float32Array, row: number, w: number, orow: number, wy: number, l0: number): void {
  // Pairs of pixels into one cell (weight 1/4 each); an odd last column counts double.
  const pairs = w >> 1;
  let i = row;
  for (let j = 0; j < pairs; j++, i += 2) {
    const c0 = v[i] as number;
    const c1 = v[i + 1] as number;
    const a = l0 - fastLn(c0 > 0.5 ? c0 : 0.5);
    const b = l0 - fastLn(c1 > 0.5 ? c1 : 0.5);
    v[i] = a;
    v[i + 1] = b;
    out[orow + j] = (out[orow + j] as number) + (a + b) * wy;
  }
  if (w % 2 === 1) {
    const c = v[i] as number;
    const a = l0 - fastLn(c > 0.5 ? c : 0.5);
    v[i] = a;
    out[orow + pairs] = (out[orow + pairs] as number) + 2 * a * wy;
  }
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
 * Consumes `counts` (overwritten with the log image). The bands are computed on a pyramid of coarse grids (half
 * resolution, then ~1.2 mm and ~5 mm cells), recombined at half resolution, and the fine band is added back per
 * pixel: the same decomposition as full-size low-pass planes at a fraction of the memory traffic.
 */
export function processForPresentation(counts: Float32Array, w: number, h: number, pp: ProcessingParams): Processed {
  const n = w * h;
  const lnI0 = Math.log(pp.i0);
  const v = counts;
  const s = pp.pxPerMm;
  const f2 = s > 3 ? 2 : 1;
  // Log transform and the half-resolution grid in one pass over the counts.
  const half = logAndHalve(v, w, h, f2, lnI0);
  const k1 = Math.max(2, Math.round((1.2 * s) / f2));
  const k0 = Math.max(2, Math.round((5 * s) / (f2 * k1)));
  const mid = shrink(half, k1, 'p:mid');
  const low = shrink(mid, k0, 'p:low');
  const g2 = blurred(half, (0.9 * s) / f2, 'p:g2');
  const g1 = expand(blurred(mid, (3.5 * s) / (f2 * k1), 'p:g1'), k1, half.width, half.height, 'p:g1up');
  const g0 = expand(expand(blurred(low, (22 * s) / (f2 * k1 * k0), 'p:g0'), k0, mid.width, mid.height, 'p:g0mid'), k1, half.width, half.height, 'p:g0up');
  const L = pp.look;
  // Power-law lift of the mid bands through a table (amplitude in log units up to +-M).
  const M = 0.35;
  const TN = 2048;
  const lift = new Float32Array(2 * TN + 1);
  for (let i = -TN; i <= TN; i++) {
    const x = (i / TN) * 2 * M;
    lift[i + TN] = Math.sign(x) * M * (Math.abs(x) / M) ** L.power;
  }
  const lk = TN / (2 * M);
  // Everything but the fine band, at half resolution: out = C + gainFine * v, C = ... - gainFine * g2.
  const Cd = buffer('p:C', half.width * half.height);
  for (let i = 0; i < Cd.length; i++) {
    const a = g0.data[i] as number;
    const b = g1.data[i] as number;
    const c = g2.data[i] as number;
    Cd[i] = L.gainCoarse * a + L.gainMid * lookUp(lift, (b - a) * lk + TN) + 0.85 * L.gainMid * lookUp(lift, (c - b) * lk + TN) - L.gainFine * c;
  }
  const C = { data: Cd, width: half.width, height: half.height };
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
  const TL = 4096;
  const tMin = lo - 0.5 * span;
  const tMax = hi + 0.3 * span;
  const lut = new Uint16Array(TL + 1);
  for (let i = 0; i <= TL; i++) {
    const t = (tMin + ((tMax - tMin) * i) / TL - lo) / span;
    // The shoulder approaches light grey, not white: bone and the densest soft tissue stay readable.
    const y = toe + (0.96 - toe) * ((sig(t) - s0) / (1 - s0));
    lut[i] = Math.round(Math.min(1, Math.max(0, y)) * 4095);
  }
  const scale = TL / (tMax - tMin);
  const data = new Uint16Array(n);
  const field = new CollimatorField(pp.field, w, h);
  // 'raw': the unexposed margin keeps its (scatter-lit) signal but the vendor's latitude clips it to light grey.
  const maskVal = pp.shutter === 'black' ? 0 : pp.shutter === 'white' ? 4095 : -1;
  const rawCap = Math.round(4095 * 0.86);
  // One pass: add the fine band back, apply the tone curve, then the shutter. Each row of C is first interpolated
  // in y and scaled to LUT units (cr), then read at full resolution along x.
  const off = -tMin * scale;
  const gs = gF * scale;
  const cr = new Float32Array(C.width);
  const ci0 = cols.i0;
  const ci1 = cols.i1;
  const cf = cols.f;
  for (let y = 0; y < h; y++) {
    const [r0, r1, fy] = rowAt(C, f2, y);
    for (let j = 0; j < cr.length; j++) cr[j] = ((Cd[r0 + j] as number) + ((Cd[r1 + j] as number) - (Cd[r0 + j] as number)) * fy) * scale + off;
    const o = y * w;
    if (f2 === 1) toneRow(data, v, o, w, cr, gs, lut, TL);
    else toneRowHalf(data, v, o, w, cr, ci0, ci1, cf, gs, lut, TL);
    if (!field.open) {
      field.span(y);
      const { lo, hi } = field;
      for (let x = 0; x < w; x++) {
        if (x >= lo && x <= hi) x = hi + 1;
        if (x >= w) break;
        const inField = (field.weight(x + 0.5, y + 0.5) - 0.02) / 0.98;
        if (inField >= 1) continue;
        const t = data[o + x] as number;
        data[o + x] = maskVal >= 0 ? Math.round(maskVal + (t - maskVal) * inField) : Math.round(t - Math.max(0, t - rawCap) * (1 - inField));
      }
    }
  }
  const all = sample(w, h, { x0: 0, y0: 0, x1: w - 1, y1: h - 1 }, (i) => data[i] as number, 9);
  // The default window keeps headroom at both ends, as a department's presets do: lead and bone stay below white.
  const q0 = quant(all, 0.002);
  const q1 = quant(all, 0.998);
  const wLo = Math.max(0, q0 - 0.06 * (q1 - q0));
  const wHi = Math.min(4095, q1 + 0.1 * (q1 - q0));
  return { data, windowCenter: Math.round((wLo + wHi) / 2), windowWidth: Math.max(64, Math.round(wHi - wLo)) };
}

/** One row of the tone pass at f = 1 (a row function). */
function toneRow(data: Uint16Array, v: Float32Array, o: number, w: number, cr: Float32Array, gs: number, lut: Uint16Array, TL: number): void {
  for (let x = 0; x < w; x++) {
    const q = (cr[x] as number) + gs * (v[o + x] as number);
    data[o + x] = lut[q <= 0 ? 0 : q >= TL ? TL : (q + 0.5) | 0] as number;
  }
}

/** One row of the tone pass at f = 2, the coarse part read between half-resolution columns. */
function toneRowHalf(
  data: Uint16Array, v: Float32Array, o: number, w: number, cr: Float32Array, ci0: Int32Array, ci1: Int32Array, cf: Float32Array, gs: number,
  lut: Uint16Array, TL: number,
): void {
  for (let x = 0; x < w; x++) {
    const ca = cr[ci0[x] as number] as number;
    const q = ca + ((cr[ci1[x] as number] as number) - ca) * (cf[x] as number) + gs * (v[o + x] as number);
    data[o + x] = lut[q <= 0 ? 0 : q >= TL ? TL : (q + 0.5) | 0] as number;
  }
}
