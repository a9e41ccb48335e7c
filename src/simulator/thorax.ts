import type { Rng } from '../domain/index.js';
import { monotoneCurve, tabulate, type Knot } from './curves.js';
import type { PatientParams } from './patient.js';

/**
 * The chest's frame in patient millimetres (see geometry.ts for the axes): vertebral levels, the trunk's outline
 * and depth, the pleural cavities with their apices and diaphragmatic domes. Adult proportions follow reference
 * anatomy: T1-T12 about 26 cm, internal thoracic width 25-30 cm, right dome 1-3 cm above the left, the costophrenic
 * angles acute (Felson, "Chest Roentgenology", 1973, ch. 1; Fraser and Pare, "Diagnosis of Diseases of the Chest",
 * 4th ed., ch. 1). The domes are paraboloids in depth: below a dome's crest only the anterior and (deeper)
 * posterior recesses hold lung, so the crest is sharp and the lung fades below it with no lower outline.
 */
export type SideIdx = 0 | 1;
export const sideSign = (s: SideIdx): number => (s === 0 ? -1 : 1);

export interface ThoraxModel {
  readonly sz: number;
  /** Y of a vertebral body's centre: 1 = T1 (Y = 0) ... 12 = T12, 13 = L1; 0 = C7, -1 = C6. */
  readonly yT: (level: number) => number;
  /** Vertebral level at height Y (inverse of yT). */
  readonly levelAt: (Y: number) => number;
  readonly spineX: (Y: number) => number;
  /** Depth of the vertebral bodies' centre (kyphosis pushes the mid-thoracic spine back). */
  readonly spineZ: (Y: number) => number;
  /** Vertebral body half-width at height Y. */
  readonly spineHalfWidth: (Y: number) => number;
  readonly shoulderY: readonly [number, number];
  /** Skin outline of the trunk (neck, shoulders, chest wall, abdomen): unsigned half-width per side. */
  readonly trunkHalfWidth: readonly [(Y: number) => number, (Y: number) => number];
  readonly trunkHalfDepth: (Y: number) => number;
  readonly trunkCx: (Y: number) => number;
  /** Unsigned half-width of the bony cage's inner surface (= the lungs' lateral edge before the apex). */
  readonly lateral: readonly [(Y: number) => number, (Y: number) => number];
  readonly medial: readonly [(Y: number) => number, (Y: number) => number];
  readonly apexY: readonly [number, number];
  readonly apexCup: readonly [{ readonly cx: number; readonly r: number }, { readonly cx: number; readonly r: number }];
  readonly cavityHalfDepth: (Y: number) => number;
  readonly cavityZ: (Y: number) => number;
  /** Dome crest height at unsigned lateral distance ax; depth of the crest; curvature behind and in front. */
  readonly domeY: (side: SideIdx, ax: number) => number;
  readonly domeZ: number;
  readonly domeKPost: number;
  readonly domeKAnt: number;
  readonly domeTop: readonly [number, number];
  readonly cpY: readonly [number, number];
  readonly lungBottomY: number;
  readonly carinaY: number;
  readonly maxHalfWidth: readonly [number, number];
}

/** Mean thoracic pitch grows caudally (T1-T2 ~19 mm, T11-T12 ~28 mm); cervical ~16 mm, lumbar ~34 mm. */
function levels(sz: number): { yT: (l: number) => number; levelAt: (Y: number) => number } {
  const pitch = (l: number): number => (l < 1 ? 16.5 : l < 12 ? 19 + 0.9 * (l - 1) : 33) * sz;
  const table: number[] = [];
  // Levels -4 (C3) .. 16 (L4) in steps of 1.
  let y = 0;
  for (let l = 1; l > -4; l--) {
    y -= pitch(l - 1);
    table.unshift(y);
  }
  table.push(0);
  y = 0;
  for (let l = 1; l < 16; l++) {
    y += pitch(l);
    table.push(y);
  }
  const L0 = -4;
  const yT = (l: number): number => {
    const t = Math.min(Math.max(l - L0, 0), table.length - 1.0001);
    const i = Math.floor(t);
    return (table[i] as number) + ((table[i + 1] as number) - (table[i] as number)) * (t - i);
  };
  const levelAt = (Y: number): number => {
    let i = 0;
    while (i < table.length - 2 && (table[i + 1] as number) < Y) i++;
    const a = table[i] as number;
    const b = table[i + 1] as number;
    return L0 + i + (Y - a) / (b - a);
  };
  return { yT, levelAt };
}

const curve = (knots: Knot[], x0: number, x1: number): ((x: number) => number) => tabulate(monotoneCurve(knots), x0, x1, 1);

export function buildThorax(p: PatientParams, inspirationRibs: number, rng: Rng): ThoraxModel {
  const sz = p.size;
  const { yT, levelAt } = levels(sz);
  const w = sz * p.chestWidth;
  const dep = sz * p.bodyDepth;
  const asym = 1 + 0.02 * rng.normal();
  const maxHW: [number, number] = [132 * w * asym, 132 * w / asym];
  const scol = p.scoliosisMm;
  const span = yT(13) - yT(1);
  const spineX = (Y: number): number => scol * Math.sin(Math.PI * Math.min(1, Math.max(0, (Y - yT(1)) / span)));
  const kyph = 18 * p.kyphosis * sz;
  const spineZ = (Y: number): number => -58 * dep - kyph * Math.sin(Math.PI * Math.min(1, Math.max(0, (Y - yT(0)) / (yT(12) - yT(0)))));
  const spineHalfWidth = (Y: number): number => (12 + 1.1 * Math.min(16, Math.max(-3, levelAt(Y)))) * sz;

  // The right dome crosses the chosen posterior rib near the mid-clavicular line (inspiration).
  const domeTopR = yT(inspirationRibs) + 34 * sz;
  const domeTop: [number, number] = [domeTopR, domeTopR + p.domeDifferenceMm];
  const cpDrop = p.hyperinflated ? 0.55 : 1;
  const cpY: [number, number] = [domeTop[0] + (34 + 10 * rng.next()) * sz * cpDrop, domeTop[1] + (32 + 10 * rng.next()) * sz * cpDrop];
  const apexY: [number, number] = [yT(0) - (14 + 6 * rng.next()) * sz, yT(0) - (14 + 6 * rng.next()) * sz];
  const shoulderY: [number, number] = [yT(1) - 4 * sz - p.shoulderTiltMm / 2, yT(1) - 4 * sz + p.shoulderTiltMm / 2];

  const lateral = ([0, 1] as const).map((s) => {
    const W = maxHW[s] as number;
    const a = apexY[s] as number;
    const cp = cpY[s] as number;
    return curve([
      [a + 18 * sz, 0.56 * W],
      [a + 45 * sz, 0.74 * W],
      [a + 90 * sz, 0.87 * W],
      [a + 150 * sz, 0.95 * W],
      [(domeTop[s] as number) - 25 * sz, W],
      [cp, 0.985 * W],
      [cp + 90 * sz, 0.9 * W],
    ], a - 10, cp + 200);
  }) as unknown as [(Y: number) => number, (Y: number) => number];
  // Behind the mediastinum the lungs reach the paravertebral gutters, so the cavity's medial edge is the spine's.
  const medial = ([0, 1] as const).map(() => (Y: number) => spineHalfWidth(Y) + 6 * sz) as unknown as [(Y: number) => number, (Y: number) => number];
  const apexCup = ([0, 1] as const).map((s) => ({ cx: 0.38 * (maxHW[s] as number), r: 22 * sz })) as unknown as [{ cx: number; r: number }, { cx: number; r: number }];

  const top = Math.min(apexY[0], apexY[1]);
  const cavityHalfDepth = curve([
    [top, 10 * dep],
    [top + 15 * sz, 34 * dep],
    [top + 50 * sz, 58 * dep],
    [top + 120 * sz, 76 * dep],
    [domeTop[0], 88 * dep],
    [cpY[1] + 80, 90 * dep],
  ], top - 10, cpY[1] + 250);
  const cavityZ = curve([
    [top, -30 * dep],
    [top + 60 * sz, -16 * dep],
    [domeTop[0], -6 * dep],
  ], top - 10, cpY[1] + 250);

  // Emphysema flattens the domes: less rise to the crest and a shallower fall to the costophrenic angle.
  const flat = p.hyperinflated ? 0.4 : 1;
  const medDrop = 14 * sz * flat;
  const domeY = (side: SideIdx, ax: number): number => {
    const W = maxHW[side] as number;
    const xt = 0.5 * W;
    const yt = domeTop[side] as number;
    if (ax >= xt) return yt + ((cpY[side] as number) - yt) * (Math.max(0, ax - xt) / (0.985 * W - xt)) ** 2.2;
    const u = (xt - ax) / xt;
    return yt + medDrop * u * u;
  };
  // Posterior recess ~4-6 cm below the crest at the back, anterior recess shallower.
  const backDrop = (38 + 22 * rng.next()) * sz;
  const domeKPost = backDrop / (80 * dep) ** 2;
  const domeKAnt = (35 * sz) / (70 * dep) ** 2;

  const trunkHalfWidth = ([0, 1] as const).map((s) => {
    const ys = shoulderY[s] as number;
    const W = maxHW[s] as number;
    const wall = (16 + p.fatMm) * sz;
    return curve([
      [ys - 110 * sz, 54 * sz],
      [ys - 55 * sz, 58 * sz],
      [ys - 38 * sz, 74 * sz],
      [ys - 20 * sz, 0.85 * W],
      [ys - 2 * sz, 1.08 * W],
      [ys + 18 * sz, W + 56 * sz],
      [ys + 60 * sz, W + 58 * sz],
      [ys + 110 * sz, W + wall + 10 * sz],
      [domeTop[0], W + wall],
      [domeTop[0] + 140 * sz, W + wall + 6 * sz],
    ], -300, 700);
  }) as unknown as [(Y: number) => number, (Y: number) => number];
  const ys0 = shoulderY[0];
  const trunkHalfDepth = curve([
    [ys0 - 110 * sz, 52 * sz],
    [ys0 - 40 * sz, 62 * dep],
    [ys0 + 10 * sz, 84 * dep],
    [ys0 + 70 * sz, 98 * dep],
    [domeTop[0], 108 * dep],
    [domeTop[0] + 150 * sz, 116 * dep],
  ], -300, 700);

  const carinaY = yT(4.6);
  return {
    sz,
    yT,
    levelAt,
    spineX,
    spineZ,
    spineHalfWidth,
    shoulderY,
    trunkHalfWidth,
    trunkHalfDepth,
    trunkCx: (Y) => 0.3 * spineX(Y),
    lateral,
    medial,
    apexY,
    apexCup,
    cavityHalfDepth,
    cavityZ,
    domeY,
    domeZ: 12 * dep,
    domeKPost,
    domeKAnt,
    domeTop,
    cpY,
    lungBottomY: Math.max(cpY[0], cpY[1]) + backDrop * 1.3,
    carinaY,
    maxHalfWidth: maxHW,
  };
}

/**
 * Unsigned [medial, lateral] extent of a pleural cavity at height Y. The apex is a cupola: above the point where
 * the cupola meets the walls, both borders converge on its centre along an ellipse.
 */
export function lungSpan(m: ThoraxModel, side: SideIdx, Y: number): [number, number] {
  const a = m.apexY[side] as number;
  if (Y < a) return [0, 0];
  let med = m.medial[side](Y);
  let lat = m.lateral[side](Y);
  const cup = m.apexCup[side];
  const yJ = a + cup.r * 1.6;
  if (Y < yJ) {
    const e = Math.sqrt(Math.max(0, 1 - ((yJ - Y) / (yJ - a)) ** 2));
    const medJ = m.medial[side](yJ);
    const latJ = m.lateral[side](yJ);
    med = cup.cx - (cup.cx - medJ) * e;
    lat = cup.cx + (latJ - cup.cx) * e;
  }
  return [med, lat];
}

/**
 * Depth profile across a lung (medial half, lateral half): thin beside the spine (the paravertebral gutter lies
 * behind the mediastinum), deepest 60% of the way out, rounding off steeply at the chest wall.
 */
export const LUNG_PEAK = 0.6;
export const LUNG_POW_MEDIAL = 1.7;
export const LUNG_POW_LATERAL = 3;

/**
 * Air thickness (mm) of one lung along the beam at (X, Y): the cavity's chord (a rounded profile across its width)
 * less what the domes take below their crest (paraboloid recesses).
 */
export function cavityChord(m: ThoraxModel, side: SideIdx, X: number, Y: number): number {
  const ax = X * sideSign(side);
  const [med, lat] = lungSpan(m, side, Y);
  if (ax <= med || ax >= lat) return 0;
  const mid = med + LUNG_PEAK * (lat - med);
  const inner = ax < mid;
  const u = inner ? (mid - ax) / (mid - med) : (ax - mid) / (lat - mid);
  const h = m.cavityHalfDepth(Y) * Math.sqrt(Math.max(0, 1 - u ** (inner ? LUNG_POW_MEDIAL : LUNG_POW_LATERAL)));
  return belowDome(m, side, ax, Y, h);
}

/** Lung chord of half-depth h at lateral distance ax and height Y, after the dome (see the file comment). */
export function belowDome(m: ThoraxModel, side: SideIdx, ax: number, Y: number, h: number): number {
  const dy = Y - m.domeY(side, ax);
  if (dy <= 0) return 2 * h;
  const zc = m.cavityZ(Y);
  const z0 = m.domeZ;
  const back = Math.max(0, z0 - Math.sqrt(dy / m.domeKPost) - (zc - h));
  const front = Math.max(0, zc + h - (z0 + Math.sqrt(dy / m.domeKAnt)));
  return Math.min(2 * h, back + front);
}
