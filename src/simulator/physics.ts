import type { Rng } from '../domain/rng.js';
import { lowPass } from '../imaging/filters.js';
import type { Overlay } from './marker.js';

/**
 * Image formation on a flat-panel detector from the line-integral map: Beer-Lambert primary I0*exp(-sum mu t),
 * anode heel effect, collimator shutters, grid-reduced scatter, Poisson quantum noise on the expected counts, and
 * the scintillator's blur. Noise is added to counts before any log so it is signal dependent: behind the
 * mediastinum fewer quanta arrive, so the log image is noisier there (Bushberg et al., "The Essential Physics of
 * Medical Imaging", 3rd ed., ch. 4 and 7).
 */

export interface FieldRect {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface ExposureParams {
  /** Expected quanta per pixel in the open beam at the field centre. */
  readonly i0: number;
  /** Heel effect: relative intensity change from the field centre to the anode (−) / cathode (+) edge. */
  readonly heel: number;
  readonly anodeUp: boolean;
  readonly field: FieldRect;
  /** Collimator penumbra (pixels). */
  readonly penumbra: number;
  /** Scatter-to-primary ratio relative to the local average primary (with a grid, ~0.3-0.6 over lungs). */
  readonly spr: number;
  readonly scatterSigmaPx: number;
  /** In-plane rotation of the patient (radians, about the image centre): L is sampled through it. */
  readonly tilt: number;
  /** Objects lying on the detector (the lead marker), in detector pixels, not rotated with the patient. */
  readonly overlay?: Overlay;
}

/** Lead shutters are not perfectly opaque, and off-focal radiation leaks past them. */
const SHUTTER_LEAK = 0.004;

/** Soft 0..1 ramp across a collimator edge at `edge` (smoothstep over +-penumbra). */
function ramp(x: number, edge: number, pen: number): number {
  const t = (x - edge + pen) / (2 * pen);
  if (t <= 0) return 0;
  if (t >= 1) return 1;
  return t * t * (3 - 2 * t);
}

/** Relative open-field intensity: heel gradient along the (vertical) anode-cathode axis and cos^3 obliquity. */
export function fieldProfile(w: number, h: number, e: ExposureParams): { col: Float32Array; row: Float32Array } {
  const row = new Float32Array(h);
  const col = new Float32Array(w);
  const f = e.field;
  const r2 = (w * w + h * h) / 4;
  for (let y = 0; y < h; y++) {
    const t = (y + 0.5) / h - 0.5; // -0.5 top .. 0.5 bottom
    const towardCathode = e.anodeUp ? t : -t;
    // The heel effect grows steeply near the anode, so the profile is slightly curved, not linear.
    const heel = 1 + e.heel * 2 * towardCathode - 0.6 * e.heel * (towardCathode + 0.5) * (towardCathode - 0.5);
    const coll = ramp(y, f.y0, e.penumbra) * (1 - ramp(y, f.y1, e.penumbra));
    // Distance falloff: SID ~1800 mm, field half-diagonal ~280 mm -> a few percent at the corners.
    const oy = (y - h / 2) ** 2 / r2;
    row[y] = heel * (SHUTTER_LEAK + (1 - SHUTTER_LEAK) * coll) * (1 - 0.02 * oy);
  }
  for (let x = 0; x < w; x++) {
    const coll = ramp(x, f.x0, e.penumbra) * (1 - ramp(x, f.x1, e.penumbra));
    const ox = (x - w / 2) ** 2 / r2;
    col[x] = (SHUTTER_LEAK + (1 - SHUTTER_LEAK) * coll) * (1 - 0.02 * ox);
  }
  return { col, row };
}

/**
 * Gaussian deviates for every pixel without 3 million calls into the seeded generator: a table of normals drawn
 * from the injected Rng, addressed by an xorshift32 stream (G. Marsaglia, J. Stat. Softw. 8(14), 2003) that is
 * itself seeded from that Rng, so the noise stays a pure function of the case seed.
 */
export function normalSource(rng: Rng): () => number {
  // 8192 entries stay in L1 cache; with random addressing the samples are still independent standard normals.
  const N = 1 << 13;
  const table = new Float32Array(N);
  for (let i = 0; i < N; i++) table[i] = rng.normal();
  let s = (Math.floor(rng.next() * 4294967295) | 1) >>> 0;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return table[s & (N - 1)] as number;
  };
}

/** Returns detected quanta per pixel (noisy, detector-blurred). `L` is consumed (reused as scratch). */
export function expose(L: Float32Array, w: number, h: number, e: ExposureParams, rng: Rng, out?: Float32Array): Float32Array {
  const { col, row } = fieldProfile(w, h, e);
  const P = out ?? new Float32Array(w * h);
  // exp(-L) from a table with linear interpolation (step 1/512, relative error < 5e-7): Math.exp per pixel was
  // the single most expensive line of the simulator.
  const EXP_STEP = 512;
  const EXP_MAX = 24;
  const expTab = new Float64Array(EXP_MAX * EXP_STEP + 2);
  for (let i = 0; i < expTab.length; i++) expTab[i] = Math.exp(-i / EXP_STEP);
  const lastIdx = EXP_MAX * EXP_STEP;
  // The patient's tilt is applied here by bilinear sampling of L (same mapping as filters.rotatePlane), which
  // saves a separate full-image resampling pass.
  const cs = Math.cos(e.tilt);
  const sn = Math.sin(e.tilt);
  const cx = w / 2;
  const cy = h / 2;
  const ov = e.overlay;
  for (let y = 0; y < h; y++) {
    const ry = (row[y] as number) * e.i0;
    const dy = y - cy;
    let sx = cx - cs * cx + sn * dy;
    let sy = cy + sn * cx + cs * dy;
    const inOv = ov !== undefined && y >= ov.y0 && y < ov.y0 + ov.h;
    for (let x = 0, i = y * w; x < w; x++, i++, sx += cs, sy -= sn) {
      const qx = sx < 0 ? 0 : sx > w - 1.001 ? w - 1.001 : sx;
      const qy = sy < 0 ? 0 : sy > h - 1.001 ? h - 1.001 : sy;
      const x0 = qx | 0;
      const y0 = qy | 0;
      const fx = qx - x0;
      const fy = qy - y0;
      const j = y0 * w + x0;
      const top = (L[j] as number) * (1 - fx) + (L[j + 1] as number) * fx;
      const bot = (L[j + w] as number) * (1 - fx) + (L[j + w + 1] as number) * fx;
      let li = top * (1 - fy) + bot * fy;
      if (inOv && x >= ov.x0 && x < ov.x0 + ov.w) li += ov.data[(y - ov.y0) * ov.w + x - ov.x0] as number;
      let q = li * EXP_STEP;
      q = q < 0 ? 0 : q > lastIdx ? lastIdx : q;
      const k = q | 0;
      const t = expTab[k] as number;
      P[i] = ry * (col[x] as number) * (t + ((expTab[k + 1] as number) - t) * (q - k));
    }
  }
  // Scatter: a very smooth veil proportional to the nearby primary, computed on a coarse grid (it has no detail).
  const S = lowPass(P, w, h, e.scatterSigmaPx, 8, L);
  const gauss = normalSource(rng);
  // Poisson(n) ~ Normal(n, n) at these counts, then the horizontal half of the detector blur on the same row.
  const row1 = new Float32Array(w);
  for (let y = 0; y < h; y++) {
    const o = y * w;
    for (let x = 0; x < w; x++) {
      const n = (P[o + x] as number) + e.spr * (S[o + x] as number);
      const v = n + Math.sqrt(n) * gauss();
      row1[x] = v > 0 ? v : 0;
    }
    P[o] = 0.75 * (row1[0] as number) + 0.25 * (row1[1] as number);
    for (let x = 1; x < w - 1; x++) P[o + x] = 0.25 * (row1[x - 1] as number) + 0.5 * (row1[x] as number) + 0.25 * (row1[x + 1] as number);
    P[o + w - 1] = 0.25 * (row1[w - 2] as number) + 0.75 * (row1[w - 1] as number);
  }
  detectorBlurV(P, w, h);
  return P;
}

/**
 * Light spread in the CsI scintillator: a [1 2 1]/4 binomial kernel in x and y (two passes of a 2-tap box,
 * sigma ~0.7 px). It blurs the quantum noise too, since the noise originates before the light spreads. The
 * horizontal pass is fused into the noise loop above; this is the vertical one.
 */
export function detectorBlurV(buf: Float32Array, w: number, h: number): void {
  const prev = new Float32Array(w);
  const cur = new Float32Array(w);
  prev.set(buf.subarray(0, w));
  for (let y = 0; y < h; y++) {
    const o = y * w;
    cur.set(buf.subarray(o, o + w));
    const nxt = y < h - 1 ? o + w : o;
    for (let x = 0; x < w; x++) {
      buf[o + x] = 0.25 * (prev[x] as number) + 0.5 * (cur[x] as number) + 0.25 * (buf[nxt + x] as number);
    }
    prev.set(cur);
  }
}
