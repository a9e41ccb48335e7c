import type { Rng } from '../domain/index.js';
import type { ArmPose } from './body-wall.js';
import { boneTube, K_CORTEX, type BoneSet } from './bones.js';
import type { PatientParams } from './patient.js';
import { sideSign, type ThoraxModel } from './thorax.js';
import type { TubePoint } from './tube3d.js';

/**
 * Shoulder girdles and sternum. The clavicle is an S: convex forward in its medial two thirds, concave in its
 * lateral third, thick and round at the sternal end, flat and broad at the acromial end. The scapula is a thin
 * triangular blade with a thick lateral border and a spine that rises to the acromion; rolled forward for a PA film
 * it lies lateral to the lungs, on a portable AP film it overlies them. The humeral head sits against the glenoid
 * (Gray's Anatomy, 41st ed., ch. 46-47).
 */
export interface ShoulderLandmarks {
  /** Medial clavicle heads [right, left] in patient mm, for the rotation cue. */
  readonly clavicleHeads: readonly [TubePoint, TubePoint];
  /** Each clavicle's centre line [right, left], sternal end to acromial end, patient mm (where A6 kinks it). */
  readonly clavicles: readonly [readonly TubePoint[], readonly TubePoint[]];
}

function clavicle(m: ThoraxModel, _p: PatientParams, side: 0 | 1, acromion: { X: number; Y: number; Z: number }, rng: Rng): TubePoint[] {
  const sg = sideSign(side);
  const sz = m.sz;
  const y0 = m.yT(2.6) + 3 * rng.normal();
  const zA = m.trunkHalfDepth(y0) * 0.8;
  const dy = acromion.Y - y0;
  // [fraction of the way out, forward bulge (mm), height/2, thickness/2]
  const knots: [number, number, number, number][] = [
    [0, 0, 11, 9],
    [0.12, 4, 8, 7],
    [0.35, 8, 6.5, 6.5],
    [0.6, 4, 6, 6],
    [0.78, -4, 5.5, 8],
    [0.92, -6, 5, 11],
    [1, -4, 5, 12],
  ];
  const x0 = 16 * sz;
  return knots.map(([t, bulge, hh, th]) => {
    const X = sg * (x0 + (Math.abs(acromion.X) - x0) * t);
    const Z = zA + (acromion.Z - zA) * t + bulge * sz;
    // Seen from the front the shaft is a shallow S: dipping a little medially, then rising to the acromion.
    const Y = y0 + dy * t ** 1.8 + 5 * sz * Math.sin(Math.PI * Math.min(1, t * 1.4));
    return { X, Y, Z, r: hh * sz, rb: th * sz, nx: 0, ny: 0, nz: 1 };
  });
}

export function buildShoulders(m: ThoraxModel, p: PatientParams, pose: ArmPose, rng: Rng, bones: BoneSet): ShoulderLandmarks {
  const sz = m.sz;
  const heads: TubePoint[] = [];
  const clavicles: TubePoint[][] = [];
  for (const side of [0, 1] as const) {
    const sg = sideSign(side);
    const W = m.maxHalfWidth[side] as number;
    const ys = m.shoulderY[side] as number;
    const hum = pose.shoulder[side];
    const acromion = { X: sg * (W + 34 * sz), Y: ys + 4 * sz, Z: -16 * sz + 10 * p.protraction * sz };
    const clav = clavicle(m, p, side, acromion, rng);
    heads.push(clav[0] as TubePoint);
    clavicles.push(clav);
    bones.tubes.push(boneTube(clav, 1.6 * sz, 0.35));

    // Scapula: rolled forward and out with protraction.
    const pr = p.protraction;
    const xm = (0.42 + 0.42 * pr) * W;
    const zb = -m.trunkHalfDepth(m.yT(4)) * (0.82 - 0.25 * pr);
    const sup = { X: sg * (xm + 8 * sz), Y: m.yT(1.2), Z: zb };
    const med = { X: sg * xm, Y: m.yT(3.5), Z: zb - 4 * sz };
    const inf = { X: sg * (xm + 22 * sz), Y: m.yT(7.6), Z: zb + 8 * sz };
    const neck = { X: sg * (W + 16 * sz), Y: ys + 52 * sz, Z: hum.Z - 10 * sz };
    const glen = { X: sg * (W + 22 * sz), Y: ys + 34 * sz, Z: hum.Z - 6 * sz };
    const notch = { X: sg * (W - 10 * sz), Y: ys + 18 * sz, Z: zb + 10 * sz };
    bones.plates.push({ pts: [sup, med, inf, neck, glen, notch].map((q) => ({ X: q.X, Y: q.Y })), Z: zb, thicknessMm: 2.2 * sz, k: K_CORTEX * 0.55 });
    const border = (pts: { X: number; Y: number; Z: number }[], r: number, rb: number, cortex: number): void => {
      bones.tubes.push(boneTube(pts.map((q) => ({ ...q, r: r * sz, rb: rb * sz, nx: 0, ny: 0, nz: 1 })), cortex * sz, 0.3));
    };
    border([sup, med, inf], 1.8, 2.6, 0.7);
    border([inf, { X: (inf.X + neck.X) / 2 + sg * 4 * sz, Y: (inf.Y + neck.Y) / 2, Z: (inf.Z + neck.Z) / 2 }, neck], 4.2, 6, 1.2);
    border([{ ...med, Y: med.Y - 14 * sz }, { X: sg * (W - 6 * sz), Y: ys + 16 * sz, Z: zb + 4 * sz }, acromion], 4, 5, 1.0);
    border([notch, { X: sg * (W + 8 * sz), Y: ys + 22 * sz, Z: glen.Z }], 2.6, 3.5, 0.9);
    // Glenoid rim (seen obliquely as an oval) and the coracoid pointing forward, seen nearly end-on.
    bones.rings.push({ X: glen.X + sg * 4 * sz, Y: glen.Y, Z: glen.Z, a: 9 * sz, b: 18 * sz, depth: 10 * sz, wall: 2.2 * sz });
    border([{ X: sg * (W + 4 * sz), Y: ys + 20 * sz, Z: glen.Z + 14 * sz }, { X: sg * (W + 10 * sz), Y: ys + 26 * sz, Z: glen.Z + 44 * sz }], 5, 5, 1.2);

    // Humeral head against the glenoid, greater tuberosity laterally, then the shaft towards the elbow.
    bones.shells.push({ X: hum.X, Y: hum.Y, Z: hum.Z, a: 23 * sz, b: 24 * sz, c: 23 * sz, cortexMm: 1.1 * sz });
    const el = pose.elbow[side];
    const dir = { X: el.X - hum.X, Y: el.Y - hum.Y, Z: el.Z - hum.Z };
    const L = Math.hypot(dir.X, dir.Y, dir.Z);
    const at = (t: number, r: number): TubePoint => ({ X: hum.X + (dir.X * t) / L, Y: hum.Y + (dir.Y * t) / L, Z: hum.Z + (dir.Z * t) / L, r: r * sz });
    bones.tubes.push(boneTube([{ ...at(6, 16), X: at(6, 16).X + sg * 14 * sz }, at(36, 14), at(60, 11.5), at(L * 0.6, 11), at(L * 0.95, 12)], 3.2 * sz, 0.35));
  }
  // Sternum: manubrium and body, a flat plate seen face-on behind the spine's shadow.
  const zs = m.trunkHalfDepth(m.yT(5)) * 0.9;
  const my = m.yT(2.7);
  bones.plates.push({
    pts: [
      { X: -26 * sz, Y: my }, { X: 26 * sz, Y: my }, { X: 16 * sz, Y: my + 48 * sz }, { X: 15 * sz, Y: my + 150 * sz },
      { X: 6 * sz, Y: my + 175 * sz }, { X: -6 * sz, Y: my + 175 * sz }, { X: -15 * sz, Y: my + 150 * sz }, { X: -16 * sz, Y: my + 48 * sz },
    ],
    Z: zs,
    thicknessMm: 10 * sz,
    k: K_CORTEX * 0.18,
  });
  return { clavicleHeads: [heads[0] as TubePoint, heads[1] as TubePoint], clavicles: [clavicles[0] ?? [], clavicles[1] ?? []] };
}
