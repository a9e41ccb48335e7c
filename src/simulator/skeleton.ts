import type { Rng } from '../domain/rng.js';
import { DELTA } from './attenuation.js';
import { project, projX, projY, type Frame, type Px } from './frame.js';
import type { PatientParams } from './patient.js';
import type { SuperEllipsoid, TubeSeg } from './raster.js';
import { sideSign, type SideIdx, type ThoraxModel } from './thorax.js';
import { tubeSegments, type TubePoint } from './tube3d.js';

/**
 * The bony thorax as projectable primitives: ribs and clavicles as hollow tubes along 3-D centrelines (cortex
 * around a marrow core, so the projection shows bright margins: outer chord minus inner chord), vertebrae as
 * rounded-box shells with pedicle rings and spinous processes, scapulae as thin plates with thick borders.
 */

export interface BoneTube {
  readonly segs: readonly TubeSeg[];
  readonly cortexPx: number;
  readonly kCortex: number;
  readonly kMarrow: number;
}

export interface BoneShell {
  readonly e: SuperEllipsoid;
  readonly shellPx: number;
  readonly kInner: number;
}

export interface Skeleton {
  readonly tubes: BoneTube[];
  readonly shells: BoneShell[];
  readonly plates: { readonly pts: Px[]; readonly value: number }[];
  /** Projected medial clavicle heads [right, left] and the spinous process at the same level, for the rotation cue. */
  readonly clavicleHeads: readonly [Px, Px];
  readonly spinousAtClavicles: Px;
}

/** Rib n of one side: an arc round the chest, rising slightly off the spine, then sloping down to the costal cartilage. */
function ribPoints(m: ThoraxModel, p: PatientParams, side: SideIdx, n: number, rng: Rng): TubePoint[] {
  const sg = sideSign(side);
  const sz = p.size;
  const insp = 1 + 0.09 * (10 - p.inspirationRibs);
  const jit = (): number => 1 + 0.07 * rng.normal();
  const dropLat = (16 + 2.9 * n) * sz * insp * jit();
  const dropAnt = (n === 1 ? 20 : 30 + 3.2 * n) * sz * insp * jit();
  const yHead = m.yT(n) + 2 * rng.normal();
  const yLat = yHead + dropLat;
  const A = (n === 1 ? 0.62 : 1) * (m.lateral[side](yLat) + 8 * sz) * (1 + 0.015 * rng.normal());
  const B = m.cavityHalfDepth(yLat) + 14 * sz;
  const xAnt = [0, 34, 46, 56, 64, 72, 80, 90, 98, 106, 112, 0, 0][n] as number;
  const phi0 = Math.asin(Math.min(0.9, (19 * sz) / A));
  const phi1 = n === 11 ? 1.45 : n === 12 ? 1.05 : Math.PI - Math.asin(Math.min(0.95, (xAnt * sz) / A));
  const rPost = (n === 1 ? 5.6 : n >= 10 ? 5.2 - 0.5 * (n - 10) : 4.3 + 0.1 * n) * sz * jit();
  const rAnt = (n === 1 ? 6.5 : 6.0) * sz;
  const steps = 32;
  const pts: TubePoint[] = [];
  for (let i = 0; i <= steps; i++) {
    const phi = phi0 + ((phi1 - phi0) * i) / steps;
    let Y: number;
    let r: number;
    let depth: number;
    if (phi <= Math.PI / 2) {
      const u = (phi - phi0) / (Math.PI / 2 - phi0);
      Y = yHead - 4 * sz * Math.sin(Math.PI * Math.min(1, u * 1.7)) + dropLat * Math.pow(u, 1.35);
      r = rPost * (1 - 0.3 * u * u);
      depth = 0.52 - 0.14 * u * u;
    } else {
      const v = (phi - Math.PI / 2) / (Math.PI - Math.asin(0.3) - Math.PI / 2);
      Y = yLat + dropAnt * Math.pow(Math.min(v, 1.2), 1.1);
      r = rPost * 0.7 + (rAnt - rPost * 0.7) * Math.min(1, v * 1.5);
      // The anterior rib is a flat plate seen face-on with a thin cortex: fainter than the posterior rib.
      depth = 0.32 - 0.17 * Math.min(1, v * 1.3);
    }
    pts.push({ X: sg * A * Math.sin(phi), Y, Z: -B * Math.cos(phi), r, depth });
  }
  return pts;
}

function claviclePoints(m: ThoraxModel, p: PatientParams, side: SideIdx, rng: Rng): TubePoint[] {
  const sg = sideSign(side);
  const sz = p.size;
  const y0 = m.yT(3) - 6 * sz + 3 * rng.normal();
  const rise = (14 + 14 * rng.next()) * sz + (side === 0 ? 1 : -1) * p.shoulderTiltMm * 0.5;
  const W = m.maxHalfWidth[side] as number;
  // [X mm, fraction of the lateral rise, Z mm, radius mm]
  const knots: [number, number, number, number][] = [
    [17 * sz, 0, 72, 9.5],
    [32 * sz, 0.1, 78, 7.5],
    [60 * sz, 0.28, 72, 6.2],
    [0.62 * W, 0.62, 55, 5.6],
    [0.9 * W, 0.9, 30, 6.4],
    [1.12 * W, 1.0, 8, 7.2],
    [1.22 * W, 0.96, 0, 7.0],
  ];
  return knots.map(([x, fy, z, r]) => ({
    X: sg * x,
    Y: y0 - fy * rise,
    Z: z * sz,
    r: r * sz,
    depth: x > 0.9 * W ? 0.55 : 0.9,
  }));
}

export function buildSkeleton(m: ThoraxModel, p: PatientParams, f: Frame, rng: Rng): Skeleton {
  const s = f.s;
  const sz = p.size;
  const tubes: BoneTube[] = [];
  const shells: BoneShell[] = [];
  const plates: { pts: Px[]; value: number }[] = [];
  const kC = DELTA.cortical / s;
  const kM = DELTA.marrow / s;
  const heads: Px[] = [];

  for (const side of [0, 1] as const) {
    const rr = rng.fork(`ribs${side}`);
    for (let n = 1; n <= 12; n++) {
      tubes.push({ segs: tubeSegments(f, ribPoints(m, p, side, n, rr)), cortexPx: 1.3 * sz * s, kCortex: kC, kMarrow: kM });
    }
    const clav = claviclePoints(m, p, side, rng);
    const head = clav[0] as TubePoint;
    heads.push(project(f, head.X, head.Y, head.Z));
    tubes.push({ segs: tubeSegments(f, clav), cortexPx: 1.8 * sz * s, kCortex: kC, kMarrow: kM });

    // Scapula: with the shoulders rolled forward for a PA film only the medial border reaches the lung.
    const sg = sideSign(side);
    const W = m.maxHalfWidth[side] as number;
    const ys = m.shoulderY[side] as number;
    const mx = W - p.scapulaOverlapMm;
    const sup = { X: sg * (mx - 12 * sz), Y: ys + 8 * sz, Z: -90 * sz };
    const med = { X: sg * (mx - 4 * sz), Y: m.yT(4), Z: -95 * sz };
    const inf = { X: sg * (mx + 14 * sz), Y: m.yT(7) + 6 * sz, Z: -80 * sz };
    const neck = { X: sg * (W + 28 * sz), Y: ys + 40 * sz, Z: -45 * sz };
    const glen = { X: sg * (W + 36 * sz), Y: ys + 22 * sz, Z: -40 * sz };
    const blade = [sup, med, inf, neck, glen].map((q) => project(f, q.X, q.Y, q.Z));
    plates.push({ pts: blade, value: DELTA.cortical * 3.2 * sz });
    const border = (pts: { X: number; Y: number; Z: number }[], r: number, depth: number): void => {
      tubes.push({
        segs: tubeSegments(f, pts.map((q) => ({ ...q, r: r * sz, depth }))),
        cortexPx: 1.1 * sz * s,
        kCortex: kC,
        kMarrow: kM,
      });
    };
    border([sup, med, inf], 2.6, 0.8);
    border([inf, { X: (inf.X + neck.X) / 2, Y: (inf.Y + neck.Y) / 2 + 6 * sz, Z: -60 * sz }, neck], 4.6, 1.0);
    border([med, { X: sg * (W - 10 * sz), Y: ys + 22 * sz, Z: -70 * sz }, { X: sg * (W + 42 * sz), Y: ys - 2 * sz, Z: -30 * sz }], 4.2, 0.9);
    // Coracoid process points forward, so it is seen nearly end-on as a ring below the lateral clavicle.
    border([{ X: sg * (W + 6 * sz), Y: ys + 26 * sz, Z: -20 * sz }, { X: sg * (W + 2 * sz), Y: ys + 30 * sz, Z: 15 * sz }], 6, 0.9);
    // Glenoid rim and humeral head at the edge of the field.
    const hx = projX(f, sg * (W + 60 * sz), -30 * sz);
    const hy = projY(f, ys + 40 * sz, -30 * sz);
    shells.push({ e: { cx: hx, cy: hy, a: 24 * sz * s, b: 25 * sz * s, c: 24 * sz * s, k: kC }, shellPx: 1.6 * sz * s, kInner: kM });
    border([{ X: sg * (W + 62 * sz), Y: ys + 55 * sz, Z: -30 * sz }, { X: sg * (W + 76 * sz), Y: ys + 230 * sz, Z: -20 * sz }], 12, 1);
  }

  // Spine: C5 to L2. Bodies are rounded boxes; pedicles are seen end-on as cortical ovals at the upper corners.
  let spinous: Px = { x: 0, y: 0 };
  let bestDy = Infinity;
  const clavY = m.yT(3) - 6 * sz;
  for (let lvl = -2; lvl <= 14; lvl++) {
    const Y = m.yT(lvl);
    const X = m.spineX(Y);
    const t = Math.min(1, Math.max(0, (lvl - 1) / 11));
    const cerv = lvl < 1;
    const lumb = lvl > 12;
    const a = (cerv ? 12.5 : lumb ? 23 : 15 + 6 * t) * sz;
    const b = (cerv ? 6.5 : lumb ? 12 : 8 + 2.5 * t) * sz;
    const c = (cerv ? 8 : lumb ? 16 : 11 + 4 * t) * sz;
    const Zb = -55 * sz;
    const tilt = 0.04 * rng.normal();
    shells.push({
      // Flat endplates (q = 4), but cancellous bone only ~70 % as dense as rib marrow and a thin shell: through
      // the mediastinum the column should be visible, not drawn.
      e: { cx: projX(f, X, Zb), cy: projY(f, Y, Zb), a: a * s, b: b * 1.05 * s, c: c * s, p: 4, q: 4, angle: tilt, k: kC },
      shellPx: 0.5 * sz * s,
      kInner: kM * 0.7,
    });
    for (const sg of [-1, 1]) {
      const Zp = -72 * sz;
      shells.push({
        e: { cx: projX(f, X + sg * (a - 4 * sz), Zp), cy: projY(f, Y - 0.3 * b, Zp), a: 2.9 * sz * s, b: 4.6 * sz * s, c: 3.0 * sz * s, k: kC },
        shellPx: 1.1 * sz * s,
        kInner: kM,
      });
      const tp = lumb ? 26 : cerv ? 8 : 14;
      tubes.push({
        segs: tubeSegments(f, [
          { X: X + sg * (a - 3 * sz), Y: Y - 0.35 * b, Z: -80 * sz, r: 3.4 * sz, depth: 0.45 },
          { X: X + sg * (a + 0.6 * tp * sz), Y: Y - (lumb ? 0.2 : 0.6) * b, Z: -84 * sz, r: 2.8 * sz, depth: 0.45 },
          { X: X + sg * (a + tp * sz), Y: Y - (lumb ? 0.2 : 0.8) * b, Z: -86 * sz, r: 1.8 * sz, depth: 0.45 },
        ]),
        cortexPx: 1.0 * sz * s,
        kCortex: kC,
        kMarrow: kM,
      });
    }
    // Spinous processes slope down and lie far posterior: rotation displaces them most.
    const Zs = -100 * sz;
    const sy = Y + (lumb ? 0.2 : 0.75) * b;
    const sp = { cx: projX(f, X, Zs), cy: projY(f, sy, Zs), a: 3.0 * sz * s, b: (lumb ? 10 : 7) * sz * s, c: 3.5 * sz * s, k: kC };
    shells.push({ e: sp, shellPx: 1.2 * sz * s, kInner: kM });
    if (Math.abs(sy - clavY) < bestDy) {
      bestDy = Math.abs(sy - clavY);
      spinous = { x: sp.cx, y: sp.cy };
    }
  }
  return { tubes, shells, plates, clavicleHeads: [heads[0] as Px, heads[1] as Px], spinousAtClavicles: spinous };
}
