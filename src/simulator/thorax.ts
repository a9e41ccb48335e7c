import type { Rng } from '../domain/rng.js';
import { monotoneCurve, tabulate, type Knot } from './curves.js';
import { buildHeart, type HeartShape } from './heart.js';
import type { PatientParams } from './patient.js';

/**
 * Soft-tissue geometry of the chest in patient millimetres (X to image right, Y down, Z anterior): body outline,
 * the two pleural cavities with their apices and diaphragmatic domes, the cardiac silhouette and the mediastinal
 * contours. Dimensions follow adult reference anatomy (e.g. cardiothoracic ratio < 0.5, right dome 1-3 cm above the
 * left, left hilum higher than the right; Felson, "Chest Roentgenology", 1973).
 */

/** Side index: 0 = patient right (image left, X < 0), 1 = patient left (image right, X > 0). */
export type SideIdx = 0 | 1;
export const sideSign = (s: SideIdx): number => (s === 0 ? -1 : 1);

export interface Ellipse2 {
  readonly x: number;
  readonly y: number;
  readonly a: number;
  readonly b: number;
  readonly angle: number;
}

export interface ThoraxModel {
  /** Y of vertebral body centre: 1 = T1 ... 12 = T12, 13 = L1, 0 = C7, -1 = C6. */
  readonly yT: (level: number) => number;
  readonly spineX: (Y: number) => number;
  readonly shoulderY: readonly [number, number];
  readonly bodyCx: (Y: number) => number;
  readonly bodyHalfWidth: readonly [(Y: number) => number, (Y: number) => number];
  readonly bodyHalfDepth: (Y: number) => number;
  readonly apexY: readonly [number, number];
  /** Unsigned distance of the lung's medial / lateral edge from the midline at height Y (before apex rounding). */
  readonly medial: readonly [(Y: number) => number, (Y: number) => number];
  readonly lateral: readonly [(Y: number) => number, (Y: number) => number];
  readonly apexCircle: readonly [{ cx: number; r: number }, { cx: number; r: number }];
  readonly cavityHalfDepth: (Y: number) => number;
  readonly domeTop: readonly [number, number];
  readonly cpY: readonly [number, number];
  readonly domeY: (side: SideIdx, ax: number) => number;
  readonly recessMm: number;
  readonly lungBottomY: number;
  readonly heart: HeartShape;
  readonly knob: Ellipse2;
  readonly hilum: readonly [{ X: number; Y: number }, { X: number; Y: number }];
  readonly carinaY: number;
  readonly maxHalfWidth: readonly [number, number];
}

const LUNG_P = 2.6;

/** Unsigned-span lung thickness (mm) for one side at (X, Y), including the apex cupola and the dome recess. */
export function cavityThickness(m: ThoraxModel, side: SideIdx, X: number, Y: number): number {
  const ax = X * sideSign(side);
  if (ax <= 0 || Y < (m.apexY[side] as number)) return 0;
  const [med, lat] = lungSpan(m, side, Y);
  if (ax <= med || ax >= lat) return 0;
  const half = (lat - med) / 2;
  const u = Math.abs(ax - (med + lat) / 2) / half;
  const D = m.cavityHalfDepth(Y);
  let t = 2 * D * Math.sqrt(Math.max(0, 1 - Math.pow(u, LUNG_P)));
  const yd = m.domeY(side, ax);
  // Below the dome crest only the posterior costophrenic recess holds lung; a paraboloid dome gives a sqrt fall-off.
  if (Y > yd) t -= 2 * D * Math.pow((Y - yd) / m.recessMm, DOME_EXP);
  return t > 0 ? t : 0;
}

/**
 * Below the crest the diaphragm is nearly flat front-to-back before it curves down into the posterior recess, so
 * the lung lost below the crest grows like dy^0.35 rather than linearly: this is what keeps the dome edge crisp.
 */
export const DOME_EXP = 0.35;

/**
 * Unsigned [medial, lateral] extent of a lung at height Y. The apex is an elliptical cupola: both borders converge
 * on the apex centre, scaled so the outline is continuous where the cupola meets the chest wall.
 */
export function lungSpan(m: ThoraxModel, side: SideIdx, Y: number): [number, number] {
  let med = m.medial[side](Y);
  let lat = m.lateral[side](Y);
  const ap = m.apexCircle[side];
  const cyc = (m.apexY[side] as number) + ap.r;
  if (Y < cyc) {
    const e = Math.sqrt(Math.max(0, 1 - ((cyc - Y) / ap.r) ** 2));
    med = ap.cx - (ap.cx - med) * e;
    lat = ap.cx + (lat - ap.cx) * e;
  }
  return [med, lat];
}

export function buildThorax(p: PatientParams, rng: Rng): ThoraxModel {
  const sz = p.size;
  const dv = 24.5 * sz; // thoracic vertebral pitch (body + disc) in projection
  const yT1 = 58 * sz + p.shiftYmm;
  const yT = (lvl: number): number => {
    if (lvl <= 1) return yT1 + (lvl - 1) * 19 * sz;
    if (lvl <= 12) return yT1 + (lvl - 1) * dv;
    return yT1 + 11 * dv + (lvl - 12) * 31 * sz;
  };
  const scol = p.scoliosisMm;
  const spineX = (Y: number): number => scol * Math.sin(Math.PI * Math.min(1, Math.max(0, (Y - yT(1)) / (yT(13) - yT(1)))));
  const w = sz * p.chestWidth;
  const dep = sz * p.bodyDepth;
  const asym = 1 + 0.025 * rng.normal();
  const maxHW: [number, number] = [138 * w * asym, 138 * w / asym];

  const domeTopR = yT(1) + (p.inspirationRibs - 1) * dv + 20 * sz;
  const domeTop: [number, number] = [domeTopR, domeTopR + p.domeDifferenceMm];
  const cpY: [number, number] = [domeTop[0] + (38 + 8 * rng.next()) * sz, domeTop[1] + (36 + 8 * rng.next()) * sz];
  const apexY: [number, number] = [yT(1) - 2 * sz + 4 * rng.normal(), yT(1) - 2 * sz + 4 * rng.normal()];
  const shoulderY: [number, number] = [yT(1) + 8 * sz - p.shoulderTiltMm / 2, yT(1) + 8 * sz + p.shoulderTiltMm / 2];

  const lateral = ([0, 1] as const).map((s) => {
    const a = apexY[s] as number;
    const W = maxHW[s] as number;
    const cp = cpY[s] as number;
    const knots: Knot[] = [
      [a, 0.34 * W],
      [a + 25 * sz, 0.7 * W],
      [a + 60 * sz, 0.85 * W],
      [a + 115 * sz, 0.95 * W],
      [(domeTop[s] as number) - 30 * sz, 1.0 * W],
      [cp, 0.975 * W],
      [cp + 80 * sz, 0.9 * W],
    ];
    return tabulate(monotoneCurve(knots), a - 5, cp + 120, 1);
  }) as unknown as [(Y: number) => number, (Y: number) => number];

  const unfold = Math.max(0, (p.age - 45) / 40); // the aorta unfolds and widens the right upper mediastinum with age
  const medial: [(Y: number) => number, (Y: number) => number] = [
    tabulate(
      monotoneCurve([
        [yT(1), 24 * sz],
        [yT(3), 27 * sz],
        [yT(5), (30 + 8 * unfold) * sz],
        [yT(7), 24 * sz],
        [yT(9), 17 * sz],
        [yT(13), 15 * sz],
      ]),
      yT(0),
      yT(14),
      1,
    ),
    tabulate(
      monotoneCurve([
        [yT(1), 20 * sz],
        [yT(3), 22 * sz],
        [yT(5) + 10, 25 * sz],
        [yT(7), 21 * sz],
        [yT(9), 17 * sz],
        [yT(13), 15 * sz],
      ]),
      yT(0),
      yT(14),
      1,
    ),
  ];
  const apexCircle: [{ cx: number; r: number }, { cx: number; r: number }] = [
    { cx: 0.4 * maxHW[0], r: 0.34 * maxHW[0] },
    { cx: 0.4 * maxHW[1], r: 0.34 * maxHW[1] },
  ];
  const top = Math.min(apexY[0], apexY[1]);
  const cavityHalfDepth = tabulate(
    monotoneCurve([
      [top, 0],
      [top + 12 * sz, 34 * dep],
      [top + 45 * sz, 60 * dep],
      [top + 120 * sz, 80 * dep],
      [domeTop[0], 92 * dep],
      [cpY[1] + 80, 94 * dep],
    ]),
    top - 5,
    cpY[1] + 120,
    1,
  );

  const medDrop = 16 * sz;
  const domeY = (side: SideIdx, ax: number): number => {
    const W = maxHW[side] as number;
    const xt = 0.47 * W;
    const yt = domeTop[side] as number;
    if (ax >= xt) return yt + ((cpY[side] as number) - yt) * Math.pow((ax - xt) / (0.975 * W - xt), 2.3);
    const u = (xt - ax) / xt;
    return yt + medDrop * u * u;
  };
  const recessMm = (55 + 15 * rng.next()) * sz;

  const thorW = maxHW[0] + maxHW[1];
  const heart = buildHeart(p.cardiothoracicRatio * thorW, domeTop[1] + 8 * sz, dep, rng);
  const knob: Ellipse2 = {
    x: (22 + 6 * unfold + 3 * rng.normal()) * sz,
    y: yT(4) + 4 * sz,
    a: (14 + 4 * unfold) * sz,
    b: 13 * sz,
    angle: 0,
  };
  const carinaY = yT(5) - 4 * sz;
  return {
    yT,
    spineX,
    shoulderY,
    bodyCx: (Y) => 0.3 * spineX(Y),
    bodyHalfWidth: ([0, 1] as const).map((s) => {
      const ys = shoulderY[s] as number;
      const W = 1.2 * (maxHW[s] as number);
      return tabulate(
        monotoneCurve([
          [ys - 95, 50 * sz],
          [ys - 50, 56 * sz],
          [ys - 32, 0.45 * W],
          [ys - 14, 0.85 * W],
          [ys + 4, 1.02 * W],
          [ys + 30, 1.07 * W],
          [ys + 80, 1.04 * W],
          [domeTop[0], 1.01 * W],
          [domeTop[0] + 160, 0.96 * W],
        ]),
        -200,
        800,
        1,
      );
    }) as unknown as [(Y: number) => number, (Y: number) => number],
    bodyHalfDepth: tabulate(
      monotoneCurve([
        [shoulderY[0] - 95, 50 * dep],
        [shoulderY[0] - 30, 62 * dep],
        [shoulderY[0] + 10, 85 * dep],
        [shoulderY[0] + 70, 100 * dep],
        [domeTop[0], 112 * dep],
        [domeTop[0] + 150, 118 * dep],
      ]),
      -200,
      800,
      1,
    ),
    apexY,
    medial,
    lateral,
    apexCircle,
    cavityHalfDepth,
    domeTop,
    cpY,
    domeY,
    recessMm,
    lungBottomY: Math.max(cpY[0], cpY[1]) + recessMm,
    heart,
    knob,
    hilum: [
      { X: -(58 + 6 * rng.next()) * sz, Y: carinaY + (24 + 6 * rng.next()) * sz },
      { X: (60 + 6 * rng.next()) * sz, Y: carinaY + (8 + 6 * rng.next()) * sz },
    ],
    carinaY,
    maxHalfWidth: maxHW,
  };
}
