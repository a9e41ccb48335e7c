import { blurPlane } from './film-blur.js';
import { DELTA } from './attenuation.js';
import { flatX, flatY, mag, type Frame } from './geometry.js';
import type { Mediastinum, SoftEllipsoid } from './mediastinum.js';
import { addRadialBlob, addSuperEllipsoid, type Canvas } from './raster.js';
import { LUNG_PEAK, LUNG_POW_LATERAL, LUNG_POW_MEDIAL, lungSpan, sideSign, type ThoraxModel } from './thorax.js';
import { tubeNodes } from './tube3d.js';
import { addTube, drawTube, flushTube, type Box, type Scratch } from './tubes.js';

/**
 * The pleural cavities and what displaces their air, on the coarse plane. `A` receives the lung's air chord (mm):
 * the cavity's chord less the mediastinal soft tissue on the same ray (heart, great vessels, hilar arteries,
 * fat pads), which is what draws the cardiac and mediastinal contours. The heart moves during the exposure, so its
 * occupancy is blurred by about a millimetre (the left ventricular border is the least sharp).
 */

const LUT = 1024;
/** The lung's depth profile (thorax.ts) tabulated. */
const profile = (pw: number): Float32Array => {
  const t = new Float32Array(LUT + 2);
  for (let i = 0; i <= LUT + 1; i++) t[i] = Math.sqrt(Math.max(0, 1 - Math.min(1, i / LUT) ** pw));
  return t;
};
const MEDIAL = profile(LUNG_POW_MEDIAL);
const LATERAL = profile(LUNG_POW_LATERAL);
const PEAK = LUNG_PEAK;

/** Cavity air chord of both lungs into `A` (mm). */
export function drawCavities(fc: Frame, m: ThoraxModel, A: Float32Array): void {
  const { width: w, height: h } = fc;
  const k = fc.s * mag(fc, 0);
  const domeCol = new Float32Array(w);
  const iKp = 1 / m.domeKPost;
  const iKa = 1 / m.domeKAnt;
  for (const side of [0, 1] as const) {
    const sg = sideSign(side);
    for (let x = 0; x < w; x++) domeCol[x] = m.domeY(side, Math.abs(fc.X0 + (x + 0.5 - fc.cx) / k));
    const y0 = Math.max(0, Math.floor(flatY(fc, m.apexY[side] as number, 0)));
    const y1 = Math.min(h - 1, Math.ceil(flatY(fc, m.lungBottomY, 0)));
    for (let y = y0; y <= y1; y++) {
      const Y = fc.Y0 + (y + 0.5 - fc.cy) / k;
      const zc = m.cavityZ(Y);
      const [med, lat] = lungSpan(m, side, Y);
      if (lat <= med) continue;
      const mid = med + PEAK * (lat - med);
      const ihM = 1 / (mid - med);
      const ihL = 1 / (lat - mid);
      const hd = m.cavityHalfDepth(Y);
      const xa = Math.max(0, Math.floor(fc.cx + (sg * (sg < 0 ? lat : med) - fc.X0) * k));
      const xb = Math.min(w - 1, Math.ceil(fc.cx + (sg * (sg < 0 ? med : lat) - fc.X0) * k));
      cavityRow(A, y * w, xa, xb, fc.X0, fc.cx, k, sg, mid, ihM, ihL, hd, Y, zc, m.domeZ, iKp, iKa, domeCol);
    }
  }
}

/** One row of a cavity's air chord (a row function: see "Row functions" in README.md). */
function cavityRow(
  A: Float32Array, o: number, xa: number, xb: number, X0: number, cx: number, k: number, sg: number, mid: number, ihM: number, ihL: number,
  hd: number, Y: number, zc: number, domeZ: number, iKp: number, iKa: number, domeCol: Float32Array,
): void {
  for (let x = xa; x <= xb; x++) {
    const ax = (X0 + (x + 0.5 - cx) / k) * sg;
    const inner = ax < mid;
    const q = (inner ? mid - ax : ax - mid) * (inner ? ihM : ihL) * LUT;
    if (q >= LUT) continue;
    const qi = q | 0;
    const P = inner ? MEDIAL : LATERAL;
    const hh = hd * ((P[qi] as number) + ((P[qi + 1] as number) - (P[qi] as number)) * (q - qi));
    // belowDome (thorax.ts) inlined: paraboloid recesses behind and in front of the dome's crest.
    const dy = Y - (domeCol[x] as number);
    let t = 2 * hh;
    if (dy > 0) {
      const back = domeZ - Math.sqrt(dy * iKp) - (zc - hh);
      const front = zc + hh - (domeZ + Math.sqrt(dy * iKa));
      t = Math.min(t, (back > 0 ? back : 0) + (front > 0 ? front : 0));
    }
    if (t > 0) A[o + x] = (A[o + x] as number) + t;
  }
}

function ellipsoid(cv: Canvas, fc: Frame, e: SoftEllipsoid, mu: number): void {
  const k = fc.s * mag(fc, e.Z);
  addSuperEllipsoid(cv, { cx: flatX(fc, e.X, e.Z), cy: flatY(fc, e.Y, e.Z), a: e.a * k, b: e.b * k, c: e.c * k, angle: e.angle ?? 0, k: mu / k });
}

/**
 * Mediastinal occupancy (mm of soft tissue along the beam) into `O`; fat pads also lower `S` (fat is lighter than
 * water). `T` is a scratch plane for the heart before its motion blur.
 */
export function drawOccupancy(fc: Frame, md: Mediastinum, sc: Scratch, O: Float32Array, S: Float32Array, T: Float32Array): void {
  const cv: Canvas = { data: O, width: fc.width, height: fc.height };
  const hr = md.heart;
  const k = fc.s * mag(fc, hr.z);
  const radii = new Float32Array(hr.radii.length);
  for (let i = 0; i < radii.length; i++) radii[i] = (hr.radii[i] as number) * k;
  T.fill(0);
  addRadialBlob({ data: T, width: fc.width, height: fc.height }, { cx: flatX(fc, hr.cx, hr.z), cy: flatY(fc, hr.cy, hr.z), radii, c: hr.halfDepth * k, k: 1 / k });
  // Cardiac motion: about 1 mm of blur during a 10-20 ms exposure.
  blurPlane(T, fc.width, fc.height, Math.max(0.6, 0.9 * fc.s));
  for (let i = 0; i < O.length; i++) O[i] = (O[i] as number) + (T[i] as number);
  for (const t of md.tubes) addTube(sc, tubeNodes(fc, t), O, 1);
  for (const b of md.blobs) ellipsoid(cv, fc, b, 1);
  for (const f of md.fat) {
    ellipsoid(cv, fc, f, 1);
    ellipsoid({ data: S, width: fc.width, height: fc.height }, fc, f, DELTA.fat);
  }
}

/** A = max(0, cavity - occupancy) above the domes (below them only the recesses hold lung, behind the heart). */
export function combineLungs(fc: Frame, m: ThoraxModel, A: Float32Array, O: Float32Array, S: Float32Array, lucency = 1): void {
  const { width: w, height: h } = fc;
  const dome = new Float32Array(w);
  const k = fc.s * mag(fc, 0);
  for (let x = 0; x < w; x++) {
    const X = fc.X0 + (x + 0.5 - fc.cx) / k;
    dome[x] = flatY(fc, m.domeY(X < 0 ? 0 : 1, Math.abs(X)), 0);
  }
  // Below a dome's crest only the posterior recess, behind the heart, holds lung: the heart's share fades within
  // ~3 mm, so the left dome shows through the heart as it does on a well-penetrated film.
  const fade = 1 / (3 * k);
  for (let y = 0; y < h; y++) lungRow(A, O, S, y * w, w, y + 0.5, dome, fade, lucency);
}

/** One row of combineLungs (a row function). */
function lungRow(A: Float32Array, O: Float32Array, S: Float32Array, row: number, w: number, yc: number, dome: Float32Array, fade: number, lucency: number): void {
  for (let x = 0, i = row; x < w; x++, i++) {
    const a = A[i] as number;
    if (a <= 0) continue;
    const dy = yc - (dome[x] as number);
    const o = dy <= 0 ? (O[i] as number) : (O[i] as number) * Math.max(0, 1 - dy * fade);
    const t = a > o ? a - o : 0;
    A[i] = t;
    S[i] = (S[i] as number) + DELTA.lung * lucency * t;
  }
}

/** Trachea and main bronchi (air columns in the mediastinum), one union so the carina is not counted twice. */
export function drawAirways(fc: Frame, md: Mediastinum, sc: Scratch, S: Float32Array): void {
  let box: Box | null = null;
  for (const a of md.airways) box = drawTube(sc, tubeNodes(fc, a), box);
  if (box) flushTube(sc, box, S, DELTA.air, DELTA.air);
}
