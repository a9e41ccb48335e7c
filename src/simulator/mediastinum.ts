import type { Rng } from '../domain/index.js';
import { outlineRadii } from './outline.js';
import type { PatientParams } from './patient.js';
import type { ThoraxModel } from './thorax.js';
import type { TubePoint } from './tube3d.js';

/**
 * The mediastinum as the soft tissue that takes the place of lung along the beam. Its contours on a frontal film
 * are made by named structures (Felson, "Chest Roentgenology", ch. 11): on the right the brachiocephalic vein and
 * SVC (straight), the right atrium (convex), the IVC at the cardiophrenic angle, the azygos arch at the
 * tracheobronchial angle; on the left the subclavian artery, the aortic knob, the aorto-pulmonary window, the main
 * pulmonary artery, the left atrial appendage and the long convex left ventricle down to the apex with its fat pad.
 * The descending aorta makes the line beside the spine seen through the heart.
 */
export interface HeartShape {
  readonly cx: number;
  readonly cy: number;
  readonly z: number;
  /** Outline radius (mm) at angle 2 pi i/n (atan2(dY, dX)). */
  readonly radii: Float32Array;
  readonly halfDepth: number;
}

export interface SoftEllipsoid {
  readonly X: number;
  readonly Y: number;
  readonly Z: number;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly angle?: number;
}

export interface Mediastinum {
  readonly heart: HeartShape;
  /** Vessels and chambers that displace lung (blood ~ water). */
  readonly tubes: readonly (readonly TubePoint[])[];
  readonly blobs: readonly SoftEllipsoid[];
  /** Fat (pericardial fat pads): displaces lung but is less dense than water. */
  readonly fat: readonly SoftEllipsoid[];
  /** Trachea and main bronchi: air columns inside the mediastinum. */
  readonly airways: readonly (readonly TubePoint[])[];
  /** End of the main bronchi at each hilum, where the lobar bronchi and arteries begin. */
  readonly hilum: readonly [{ X: number; Y: number; Z: number }, { X: number; Y: number; Z: number }];
  /** The hilar pulmonary arteries (right and left), drawn with the lung vessels. */
  readonly hilarArteries: readonly (readonly TubePoint[])[];
  /** Right interlobar artery end, the left pulmonary artery's end (roots of the lower arterial trees). */
  readonly paEnds: readonly [{ X: number; Y: number; Z: number; r: number }, { X: number; Y: number; Z: number; r: number }];
  readonly knob: { readonly X: number; readonly Y: number; readonly r: number };
  readonly leftAtrium: { readonly X: number; readonly Y: number; readonly Z: number };
}

/** Heart of transverse diameter Wh (mm) whose base rests at Y = ybot: outline through chamber landmarks. */
function buildHeart(Wh: number, ybot: number, dep: number, rng: Rng): HeartShape {
  const Hh = Wh * (0.72 + 0.1 * rng.next());
  const xr = -Wh * (0.3 + 0.06 * rng.next());
  const j = (): number => 0.02 * Wh * rng.normal();
  const land: [number, number][] = [
    [xr + 0.16 * Wh + j(), ybot - 0.96 * Hh], // right atrium meets the SVC
    [xr + 0.03 * Wh + j(), ybot - 0.7 * Hh],
    [xr + j(), ybot - 0.38 * Hh],
    [xr + 0.03 * Wh, ybot - 0.06 * Hh],
    [xr + 0.3 * Wh, ybot + 0.12 * Hh],
    [xr + 0.72 * Wh, ybot + 0.12 * Hh],
    [xr + 0.97 * Wh + j(), ybot + 0.02 * Hh], // apex, on the diaphragm
    [xr + Wh, ybot - 0.18 * Hh],
    [xr + 0.9 * Wh + j(), ybot - 0.5 * Hh], // left ventricle: a long, even convexity
    [xr + 0.76 * Wh + j(), ybot - 0.78 * Hh], // left atrial appendage
    [xr + 0.62 * Wh, ybot - 1.0 * Hh],
    [xr + 0.38 * Wh, ybot - 1.06 * Hh],
  ];
  const cx = xr + 0.5 * Wh;
  const cy = ybot - 0.5 * Hh;
  return { cx, cy, z: 20 * dep, radii: outlineRadii(cx, cy, land, 360), halfDepth: (62 + 8 * rng.next()) * dep };
}

export function buildMediastinum(m: ThoraxModel, p: PatientParams, rng: Rng): Mediastinum {
  const sz = m.sz;
  const dep = sz * p.bodyDepth;
  const u = p.aortaUnfolding;
  const thorW = m.maxHalfWidth[0] + m.maxHalfWidth[1];
  const heart = buildHeart(p.cardiothoracicRatio * thorW, m.domeTop[1] + 3 * sz, dep, rng);
  const top = heart.cy - (heart.radii[270] as number);
  const cy = m.carinaY;
  const sx = (Y: number): number => m.spineX(Y);
  const rAo = (12.5 + 3 * u) * sz;
  const knob = { X: (24 + 9 * u + 3 * rng.normal()) * sz + sx(m.yT(4)), Y: m.yT(3.9) - 4 * u * sz, r: rAo };
  const desc = (l: number, dx: number): TubePoint => ({ X: sx(m.yT(l)) + dx * sz, Y: m.yT(l), Z: m.spineZ(m.yT(l)) + 34 * dep, r: rAo * 0.92 });
  const aorta: TubePoint[] = [
    { X: 2 * sz, Y: top + 18 * sz, Z: 28 * dep, r: rAo },
    { X: -(16 + 10 * u) * sz, Y: cy - 8 * sz, Z: 30 * dep, r: rAo },
    { X: -(10 + 6 * u) * sz, Y: knob.Y - 6 * sz, Z: 14 * dep, r: rAo },
    { X: knob.X - 12 * sz, Y: knob.Y - 10 * sz, Z: -10 * dep, r: rAo },
    { X: knob.X, Y: knob.Y, Z: -30 * dep, r: rAo },
    desc(5.5, 20 + 4 * u),
    desc(8, 18 + 3 * u),
    desc(12.5, 12),
  ];
  const svc: TubePoint[] = [
    { X: -(24 + 2 * rng.normal()) * sz, Y: m.yT(0), Z: 16 * dep, r: 8 * sz },
    { X: -(28 + 3 * u) * sz, Y: cy - 10 * sz, Z: 14 * dep, r: 10 * sz },
    { X: -(27 + 3 * u) * sz, Y: top + 20 * sz, Z: 12 * dep, r: 10.5 * sz },
  ];
  const paTrunk: TubePoint[] = [
    { X: 8 * sz, Y: top + 28 * sz, Z: 42 * dep, r: 13 * sz },
    { X: 20 * sz, Y: cy + 16 * sz, Z: 14 * dep, r: 13 * sz },
  ];
  const leftPa: TubePoint[] = [
    { X: 20 * sz, Y: cy + 16 * sz, Z: 14 * dep, r: 11 * sz },
    { X: 40 * sz, Y: cy + 2 * sz, Z: -2 * dep, r: 9 * sz },
    { X: (58 + 4 * rng.next()) * sz, Y: cy + 10 * sz, Z: -12 * dep, r: 7 * sz },
  ];
  const rightPa: TubePoint[] = [
    { X: 18 * sz, Y: cy + 18 * sz, Z: 12 * dep, r: 11 * sz },
    { X: -22 * sz, Y: cy + 22 * sz, Z: 2 * dep, r: 10.5 * sz },
    { X: -(44 + 4 * rng.next()) * sz, Y: cy + 28 * sz, Z: -6 * dep, r: 9.5 * sz },
    { X: -(54 + 4 * rng.next()) * sz, Y: cy + 62 * sz, Z: -18 * dep, r: 7.5 * sz },
  ];
  const neck: TubePoint[][] = [
    // Left subclavian and common carotid arteries rising from the arch; brachiocephalic veins.
    [{ X: knob.X - 6 * sz, Y: knob.Y - 8 * sz, Z: -16 * dep, r: 6 * sz }, { X: (22 + 4 * u) * sz, Y: m.yT(1.5), Z: -10 * dep, r: 6 * sz }, { X: 30 * sz, Y: m.yT(-0.5), Z: -6 * dep, r: 5.5 * sz }],
    [{ X: 4 * sz, Y: knob.Y - 12 * sz, Z: 18 * dep, r: 6.5 * sz }, { X: 12 * sz, Y: m.yT(0), Z: 10 * dep, r: 5.5 * sz }],
    [{ X: -8 * sz, Y: knob.Y - 10 * sz, Z: 22 * dep, r: 7 * sz }, { X: -16 * sz, Y: m.yT(0.3), Z: 12 * dep, r: 6.5 * sz }],
    [{ X: 30 * sz, Y: m.yT(1.2), Z: 22 * dep, r: 6 * sz }, { X: -20 * sz, Y: m.yT(2.4), Z: 26 * dep, r: 7 * sz }],
  ];
  const la = { X: 6 * sz, Y: cy + 48 * sz, Z: -18 * dep };
  const blobs: SoftEllipsoid[] = [
    { X: la.X, Y: la.Y, Z: la.Z, a: 34 * sz, b: 22 * sz, c: 24 * dep },
    // Azygos arch at the right tracheobronchial angle, IVC at the right cardiophrenic angle.
    { X: -13 * sz, Y: cy - 4 * sz, Z: -14 * dep, a: 6 * sz, b: 7 * sz, c: 14 * dep },
    { X: heart.cx - 0.46 * (heart.radii[180] as number), Y: m.domeTop[0] + 6 * sz, Z: -4 * dep, a: 14 * sz, b: 22 * sz, c: 16 * dep },
    // Thymic remnant and fat in the anterior mediastinum, oesophagus behind the trachea.
    { X: -2 * sz, Y: m.yT(2.6), Z: 36 * dep, a: 18 * sz, b: 30 * sz, c: 14 * dep },
    { X: 4 * sz, Y: m.yT(5), Z: m.spineZ(m.yT(5)) + 36 * dep, a: 9 * sz, b: 90 * sz, c: 9 * dep },
  ];
  const apex = { X: heart.cx + 0.42 * (heart.radii[0] as number), Y: m.domeTop[1] - 4 * sz };
  const fat: SoftEllipsoid[] = [
    { X: apex.X, Y: apex.Y, Z: 30 * dep, a: (18 + 10 * rng.next()) * sz, b: (14 + 8 * rng.next()) * sz, c: 24 * dep, angle: -0.5 },
    { X: heart.cx - 0.35 * (heart.radii[180] as number), Y: m.domeTop[0] - 2 * sz, Z: 34 * dep, a: 12 * sz, b: 10 * sz, c: 18 * dep },
  ];
  const rB = 6.8 * sz;
  const hR = { X: -(30 + 3 * rng.next()) * sz, Y: cy + 22 * sz, Z: -8 * dep };
  const hL = { X: (34 + 3 * rng.next()) * sz, Y: cy + 18 * sz, Z: -10 * dep };
  const airways: TubePoint[][] = [
    [
      { X: sx(m.yT(-2)), Y: m.yT(-2.5), Z: 10 * dep, r: 8.5 * sz, rb: 7.5 * sz, nx: 0, ny: 0, nz: 1 },
      { X: sx(m.yT(1)), Y: m.yT(1), Z: 2 * dep, r: 9 * sz, rb: 8 * sz, nx: 0, ny: 0, nz: 1 },
      { X: -2 * sz, Y: cy - 20 * sz, Z: -4 * dep, r: 9 * sz, rb: 8 * sz, nx: 0, ny: 0, nz: 1 },
      { X: 0, Y: cy, Z: -6 * dep, r: 8 * sz },
    ],
    [{ X: -2 * sz, Y: cy + 2 * sz, Z: -6 * dep, r: rB }, { X: -18 * sz, Y: cy + 12 * sz, Z: -8 * dep, r: rB * 0.95 }, { X: hR.X, Y: hR.Y, Z: hR.Z, r: 5.5 * sz }],
    [{ X: 2 * sz, Y: cy + 2 * sz, Z: -6 * dep, r: rB * 0.9 }, { X: 20 * sz, Y: cy + 14 * sz, Z: -8 * dep, r: rB * 0.85 }, { X: hL.X, Y: hL.Y, Z: hL.Z, r: 5.2 * sz }],
  ];
  const endR = rightPa[rightPa.length - 1] as TubePoint;
  const endL = leftPa[leftPa.length - 1] as TubePoint;
  return {
    heart,
    tubes: [aorta, svc, paTrunk, leftPa.slice(0, 2), rightPa.slice(0, 2), ...neck],
    hilarArteries: [rightPa.slice(1), leftPa.slice(1)],
    blobs,
    fat,
    airways,
    hilum: [hR, hL],
    paEnds: [{ X: endR.X, Y: endR.Y, Z: endR.Z, r: endR.r }, { X: endL.X, Y: endL.Y, Z: endL.Z, r: endL.r }],
    knob: { X: knob.X, Y: knob.Y, r: rAo },
    leftAtrium: la,
  };
}
