import { blurPlane } from './film-blur.js';
import { rasterKernels } from './film-kernels.js';
import { DELTA } from './attenuation.js';
import { flatX, flatY, mag, type Frame } from './geometry.js';
import type { Mediastinum, SoftEllipsoid } from './mediastinum.js';
import { addRadialBlob, addSuperEllipsoid, type Canvas } from './raster.js';
import { LUNG_PEAK, LUNG_POW_LATERAL, LUNG_POW_MEDIAL, lungSpan, sideSign, type ThoraxModel } from './thorax.js';
import { tubeNodes } from './tube3d.js';
import { assertInFilm, ScratchArena, type FilmPlanes } from './tube-memory.js';
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

/** Bytes of the film's scratch the cavities and the lungs take (their profile tables and a row of domes). */
export function lungsScratchBytes(w: number): number {
  return 2 * ScratchArena.bytes(LUT + 2, 4) + ScratchArena.bytes(w, 4);
}

/** Cavity air chord of both lungs into `A` (mm), one of the film's planes, row by row in WebAssembly (cavityRow). */
export function drawCavities(fc: Frame, m: ThoraxModel, A: Float32Array, planes: FilmPlanes): void {
  assertInFilm(planes, 'drawCavities', A);
  const { width: w, height: h } = fc;
  const k = fc.s * mag(fc, 0);
  const arena = new ScratchArena(planes);
  const [medial, lateral, domeCol] = [arena.f32(LUT + 2), arena.f32(LUT + 2), arena.f32(w)];
  medial.set(MEDIAL);
  lateral.set(LATERAL);
  const kern = rasterKernels(planes.memory);
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
      // The recesses below the dome (thorax.ts belowDome) are inlined in the row: paraboloids behind and in front of
      // the dome's crest.
      kern.cavityRow(A.byteOffset, y * w, xa, xb, fc.X0, fc.cx, k, sg, mid, ihM, ihL, hd, Y, zc, m.domeZ, iKp, iKa, domeCol.byteOffset, medial.byteOffset, lateral.byteOffset, LUT);
    }
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
export function drawOccupancy(fc: Frame, md: Mediastinum, sc: Scratch, O: Float32Array, S: Float32Array, T: Float32Array, planes: FilmPlanes): void {
  assertInFilm(planes, 'drawOccupancy', O, T);
  const cv: Canvas = { data: O, width: fc.width, height: fc.height };
  const hr = md.heart;
  const k = fc.s * mag(fc, hr.z);
  const radii = new Float32Array(hr.radii.length);
  for (let i = 0; i < radii.length; i++) radii[i] = (hr.radii[i] as number) * k;
  T.fill(0);
  addRadialBlob({ data: T, width: fc.width, height: fc.height }, { cx: flatX(fc, hr.cx, hr.z), cy: flatY(fc, hr.cy, hr.z), radii, c: hr.halfDepth * k, k: 1 / k });
  // Cardiac motion: about 1 mm of blur during a 10-20 ms exposure.
  blurPlane(T, fc.width, fc.height, Math.max(0.6, 0.9 * fc.s));
  const kern = rasterKernels(planes.memory);
  for (let o = 0; o < O.length; o += fc.width) kern.addRow(O.byteOffset, T.byteOffset, o, Math.min(fc.width, O.length - o));
  for (const t of md.tubes) addTube(sc, tubeNodes(fc, t), O, 1);
  for (const b of md.blobs) ellipsoid(cv, fc, b, 1);
  for (const f of md.fat) {
    ellipsoid(cv, fc, f, 1);
    ellipsoid({ data: S, width: fc.width, height: fc.height }, fc, f, DELTA.fat);
  }
}

/**
 * A = max(0, cavity - occupancy) above the domes (below them only the recesses hold lung, behind the heart), row by
 * row in WebAssembly (lungRow); S gains the lung's (negative) contrast.
 */
export function combineLungs(fc: Frame, m: ThoraxModel, A: Float32Array, O: Float32Array, S: Float32Array, planes: FilmPlanes, lucency = 1): void {
  assertInFilm(planes, 'combineLungs', A, O, S);
  const { width: w, height: h } = fc;
  const dome = new ScratchArena(planes).f32(w);
  const k = fc.s * mag(fc, 0);
  for (let x = 0; x < w; x++) {
    const X = fc.X0 + (x + 0.5 - fc.cx) / k;
    dome[x] = flatY(fc, m.domeY(X < 0 ? 0 : 1, Math.abs(X)), 0);
  }
  // Below a dome's crest only the posterior recess, behind the heart, holds lung: the heart's share fades within
  // ~3 mm, so the left dome shows through the heart as it does on a well-penetrated film.
  const fade = 1 / (3 * k);
  const kern = rasterKernels(planes.memory);
  for (let y = 0; y < h; y++) kern.lungRow(A.byteOffset, O.byteOffset, S.byteOffset, y * w, w, y + 0.5, dome.byteOffset, fade, DELTA.lung * lucency);
}

/** Trachea and main bronchi (air columns in the mediastinum), one union so the carina is not counted twice. */
export function drawAirways(fc: Frame, md: Mediastinum, sc: Scratch, S: Float32Array): void {
  let box: Box | null = null;
  for (const a of md.airways) box = drawTube(sc, tubeNodes(fc, a), box);
  if (box) flushTube(sc, box, S, DELTA.air, DELTA.air);
}
