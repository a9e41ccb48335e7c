import { lowPass } from '../imaging/filters.js';
import type { FieldRect } from './physics.js';

/**
 * "For presentation" vendor processing of the raw counts: log transform (so pixel values are proportional to the
 * attenuation line integral), multi-scale contrast equalisation in the spirit of Agfa MUSICA (P. Vuylsteke &
 * E. Schoeters, Proc. SPIE 2167, 1994): compress the coarsest band to tame the lung/mediastinum dynamic range,
 * boost mid and fine bands for vessels and cortex, then a sigmoid tone curve and 12-bit quantisation.
 */

export interface ProcessingParams {
  readonly i0: number;
  readonly field: FieldRect;
  /**
   * Where the anatomy of interest lies (the thoracic cage): the tone curve is fitted to its histogram, as vendor
   * processing does after segmenting the lungs, so that air beside the patient goes black and lungs stay grey.
   */
  readonly toneRoi: FieldRect;
  /** Collimator penumbra in pixels (the electronic shutter follows the physical edge's softness). */
  readonly penumbra: number;
  /** Pixels per mm, so that band scales are anatomical, not pixel counts. */
  readonly pxPerMm: number;
  readonly gainLow: number;
  readonly gainMid: number;
  readonly gainFine: number;
  /** Sigmoid steepness of the tone curve. */
  readonly contrast: number;
}

export interface Processed {
  readonly data: Uint16Array;
  readonly windowCenter: number;
  readonly windowWidth: number;
}

/** Values at every `step`-th pixel of a rectangle, row by row (a sparse sample: exactness is not needed for a look-up). */
function sampleRect(w: number, r: FieldRect, at: (index: number) => number, step = 5): Float32Array {
  const x0 = Math.ceil(r.x0);
  const y0 = Math.ceil(r.y0);
  const nx = Math.max(0, Math.ceil((Math.floor(r.x1) - x0) / step));
  const ny = Math.max(0, Math.ceil((Math.floor(r.y1) - y0) / step));
  const a = new Float32Array(nx * ny);
  let k = 0;
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) a[k++] = at((y0 + j * step) * w + x0 + i * step);
  return a;
}

/** Percentiles of a plane restricted to a rectangle, on a sparse grid. */
function percentiles(v: Float32Array, w: number, r: FieldRect, qs: readonly number[], step = 5): number[] {
  const a = sampleRect(w, r, (i) => v[i] as number, step);
  a.sort();
  return qs.map((q) => (a.length ? (a[Math.min(a.length - 1, Math.floor(q * a.length))] as number) : 0));
}

/**
 * Natural log of a positive float from its IEEE-754 exponent and a 2048-entry table over the mantissa with linear
 * interpolation (absolute error < 1e-7, far below quantum noise); and deterministic on every engine.
 */
function fastLog(): (x: number) => number {
  const BITS = 11;
  const tab = new Float64Array((1 << BITS) + 1);
  for (let i = 0; i <= 1 << BITS; i++) tab[i] = Math.log(1 + i / (1 << BITS));
  const f32 = new Float32Array(1);
  const u32 = new Uint32Array(f32.buffer);
  const LN2 = Math.LN2;
  const shift = 23 - BITS;
  const fracMask = (1 << shift) - 1;
  const invFrac = 1 / (1 << shift);
  return (x: number): number => {
    f32[0] = x;
    const b = u32[0] as number;
    const e = (b >>> 23) - 127;
    const mant = b & 0x7fffff;
    const k = mant >>> shift;
    const f = (mant & fracMask) * invFrac;
    const t0 = tab[k] as number;
    return e * LN2 + t0 + ((tab[k + 1] as number) - t0) * f;
  };
}

/** Consumes `counts` (overwritten with the log image); `scratch` planes (same size) hold the bands if given. */
export function processForPresentation(
  counts: Float32Array,
  w: number,
  h: number,
  pp: ProcessingParams,
  scratch?: Float32Array,
  scratch2?: Float32Array,
): Processed {
  const n = w * h;
  const inner: FieldRect = {
    x0: pp.field.x0 + 12,
    y0: pp.field.y0 + 12,
    x1: pp.field.x1 - 12,
    y1: pp.field.y1 - 12,
  };
  // Clip at the densest anatomy so the shutter region and the lead marker do not drag the band filters (halos).
  // Percentiles are taken on the counts: the log is monotone (decreasing), so they map straight across.
  const [cHi, cLo] = percentiles(counts, w, inner, [0.005, 0.998]) as [number, number];
  const toLog = (c: number): number => Math.log(pp.i0 / Math.max(c, 0.5));
  const vLo = toLog(cLo);
  const vHi = toLog(cHi);
  const top = vHi + 0.15 * (vHi - vLo);
  const v = counts;
  const lnI0 = Math.log(pp.i0);
  const fastLn = fastLog();
  for (let i = 0; i < n; i++) {
    const c = v[i] as number;
    const l = lnI0 - fastLn(c > 0.5 ? c : 0.5);
    v[i] = l > top ? top : l;
  }

  const s = pp.pxPerMm;
  const low = lowPass(v, w, h, 22 * s, 8, scratch2);
  const mid = lowPass(v, w, h, 2.2 * s, 3, scratch);
  // Band recombination is evaluated twice, on a sparse grid for the histogram and then per pixel in the final
  // loop, which saves writing a full output plane.
  const gL = pp.gainLow;
  const gM = pp.gainMid;
  const gF = pp.gainFine;
  const bandAt = (i: number): number => {
    const lo = low[i] as number;
    const md = mid[i] as number;
    return gL * lo + gM * (md - lo) + gF * ((v[i] as number) - md);
  };
  const sampled = (r: FieldRect): Float32Array => sampleRect(w, r, bandAt).sort();
  const roi: FieldRect = {
    x0: Math.max(inner.x0, pp.toneRoi.x0),
    y0: Math.max(inner.y0, pp.toneRoi.y0),
    x1: Math.min(inner.x1, pp.toneRoi.x1),
    y1: Math.min(inner.y1, pp.toneRoi.y1),
  };
  const q = (a: Float32Array, f: number): number => (a.length ? (a[Math.min(a.length - 1, Math.floor(f * a.length))] as number) : 0);
  const roiVals = sampled(roi);
  const allVals = sampled(inner);
  const oLo = q(roiVals, 0.01);
  const oHi = q(roiVals, 0.998);
  const wq0 = q(allVals, 0.005);
  const wq1 = q(allVals, 0.999);
  const span = Math.max(oHi - oLo, 1e-6);
  // Tone curve: logistic around the middle of the anatomical range, renormalised to hit 0 and 1 at the ends.
  const k = pp.contrast;
  const sig = (t: number): number => 1 / (1 + Math.exp(-k * (t - 0.5)));
  // Darkest lung lands just above black, the densest mediastinum just below white: headroom for bone and lead.
  const s0 = sig(-0.1);
  const s1 = sig(1.6);
  const tone = (o: number): number => {
    const y = (sig((o - oLo) / span) - s0) / (s1 - s0);
    return Math.round((y < 0 ? 0 : y > 1 ? 1 : y) * 4095);
  };
  // Tabulate the curve finely over the range that can occur (values beyond clamp to the end codes).
  const TL = 8192;
  const tMin = oLo - 0.1 * span;
  const tMax = oHi + 0.1 * span;
  const lut = new Uint16Array(TL + 1);
  for (let i = 0; i <= TL; i++) lut[i] = tone(tMin + ((tMax - tMin) * i) / TL);
  const scale = TL / (tMax - tMin);
  // Electronic shuttering: outside the detected collimation the image is blended to white, as most vendors
  // burn in, so no unexposed detector area glares at the reader (a soft ramp over the physical penumbra).
  const f = pp.field;
  const pen = pp.penumbra;
  const edge = (p: number, lo: number, hi: number): number => {
    const a = Math.min(1, Math.max(0, (p - lo + pen) / (2 * pen)));
    const b = Math.min(1, Math.max(0, (hi + pen - p) / (2 * pen)));
    return a * a * (3 - 2 * a) * (b * b * (3 - 2 * b));
  };
  const colIn = new Float32Array(w);
  for (let x = 0; x < w; x++) colIn[x] = edge(x, f.x0, f.x1);
  const data = new Uint16Array(n);
  for (let y = 0; y < h; y++) {
    const rowIn = edge(y, f.y0, f.y1);
    for (let x = 0, i = y * w; x < w; x++, i++) {
      const qv = (bandAt(i) - tMin) * scale;
      const t = lut[qv <= 0 ? 0 : qv >= TL ? TL : (qv + 0.5) | 0] as number;
      const inField = rowIn * (colIn[x] as number);
      data[i] = inField >= 1 ? t : Math.round(4095 - (4095 - t) * inField);
    }
  }
  // The tone curve is monotone, so the window from percentiles of `out` equals that of the stored values.
  const lo = Math.max(0, tone(wq0) - 60);
  const hi = Math.min(4095, tone(wq1) + 60);
  return { data, windowCenter: Math.round((lo + hi) / 2), windowWidth: Math.max(64, Math.round(hi - lo)) };
}
