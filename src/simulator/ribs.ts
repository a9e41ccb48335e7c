import type { Rng } from '../domain/index.js';
import { DELTA } from './attenuation.js';
import { boneTube, type BoneSet } from './bones.js';
import type { PatientParams } from './patient.js';
import { lungSpan, sideSign, type SideIdx, type ThoraxModel } from './thorax.js';
import type { TubePoint } from './tube3d.js';

/**
 * Ribs on their true courses (Gray's Anatomy, 41st ed., ch. 53; Felson, ch. 1). Each rib leaves its vertebra at the
 * head, runs back and out past the tubercle to its angle, then round the chest wall, descending, to the
 * costochondral junction in front, 3-4 interspaces lower than its head. On a frontal film the posterior rib is a
 * broad, nearly horizontal band near the spine that slopes down laterally; where the rib turns forward the beam
 * runs along it and it is a dense curved line; the anterior rib slopes down medially, fainter, and stops at the
 * cartilage, which is invisible unless calcified. The rib's section is flat (about 12 x 5 mm), its thin face
 * turned to the lung, so the posterior and anterior parts are seen face-on and the lateral part edge-on.
 */

/** Fall (mm) from head to anterior end for ribs 1-12 of an average man in mid inspiration. */
const DROP = [0, 42, 64, 76, 84, 90, 95, 98, 100, 96, 86, 70, 50] as const;
/** Unsigned X (fraction of the cage's half-width) of the costochondral junction; 11 and 12 float. */
const JUNCTION = [0, 0.3, 0.42, 0.5, 0.55, 0.6, 0.66, 0.74, 0.82, 0.88, 0.92, 0, 0] as const;

export interface RibPath {
  readonly pts: TubePoint[];
  /** The anterior end (costochondral junction), where the cartilage starts. */
  readonly end: TubePoint;
}

export function ribPath(m: ThoraxModel, _p: PatientParams, side: SideIdx, n: number, insp: number, rng: Rng): RibPath {
  const sg = sideSign(side);
  const sz = m.sz;
  const jit = (): number => 1 + 0.05 * rng.normal();
  const yH = m.yT(n) - 0.25 * (m.yT(n + 1) - m.yT(n)) + 1.5 * rng.normal();
  const drop = (DROP[n] as number) * sz * (1 + 0.09 * (10 - insp)) * jit();
  const yLat = yH + 0.42 * drop;
  const lat = lungSpan(m, side, yLat)[1];
  const tr = (n === 1 ? 3 : n >= 11 ? 2.4 : 3.2) * sz;
  const Xlat = (lat > 0 ? lat : 0.5 * (m.maxHalfWidth[side] as number)) + tr + 1;
  const cz = m.cavityZ(yLat);
  const Dz = (n === 1 ? 0.75 : 1) * m.cavityHalfDepth(yLat) + tr + 3 * sz;
  const bw = m.spineHalfWidth(yH);
  const Xs = m.spineX(yH);
  const Zs = m.spineZ(yH);
  const th0 = Math.asin(Math.min(0.95, (bw + 40 * sz) / Xlat));
  const jx = JUNCTION[n] as number;
  const th1 = jx > 0 ? Math.PI - Math.asin(Math.min(0.97, (jx * (m.maxHalfWidth[side] as number)) / Xlat)) : n === 11 ? 1.95 : 1.55;
  const half = (n === 1 ? 8 : n >= 11 ? 4.2 : n === 2 ? 6.8 : 5.8) * sz * jit();
  const thick = (n === 1 ? 2.8 : 2.5 + 0.06 * n) * sz * jit();
  const pts: TubePoint[] = [];
  // Head, neck and tubercle: round, rising slightly from the vertebra to the transverse process.
  // The head tucks into the side of the vertebral body and the neck runs under the transverse process: both are
  // thinner and partly hidden, so the posterior rib has no round cap beside the spine.
  const medial: [number, number, number, number, number][] = [
    [bw - 4 * sz, Zs + 4 * sz, 0, 3.2, 0.45],
    [bw + 12 * sz, Zs - 14 * sz, -2.5, 3.8, 0.7],
    [bw + 26 * sz, Zs - 26 * sz, -3, 4.8, 0.9],
  ];
  for (const [x, z, dy, r, k] of medial) pts.push({ X: Xs + sg * x, Y: yH + dy * sz, Z: z, r: r * sz, k });
  const steps = 22;
  let end: TubePoint = pts[pts.length - 1] as TubePoint;
  // Height along the course: past the angle the posterior rib slopes steadily down and out (an arc convex
  // upwards), turns forward, then slopes down and medially in front. About 60% of the fall is reached where the rib turns forward.
  const dropLat = 0.6 * drop;
  const thL = Math.min(Math.PI / 2, th1);
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const th = th0 + (th1 - th0) * t;
    const x = Xlat * Math.sin(th);
    const z = cz - Dz * Math.cos(th);
    const x0 = Xlat * Math.sin(th0);
    const Y = th <= thL
      ? yH - 3 * sz + (dropLat + 3 * sz) * Math.max(0, (x - x0) / (Xlat * Math.sin(thL) - x0 || 1)) ** 1.15
      : yH + dropLat + (drop - dropLat) * Math.max(0, (th - thL) / (th1 - thL || 1)) ** 0.95;
    const front = th1 > Math.PI / 2 + 0.2 ? Math.min(1, Math.max(0, (th - Math.PI / 2) / (th1 - Math.PI / 2))) : 0;
    // The anterior rib is a thinner, flatter plate: fainter than the posterior rib, and fading towards the cartilage.
    const r = half * (1 + 0.1 * Math.sin(Math.PI * t) - 0.05 * front);
    const rb = thick * (1 - 0.3 * front);
    const nx = (sg * x) / (Xlat * Xlat);
    const nz = (z - cz) / (Dz * Dz);
    end = { X: Xs * (1 - t) + sg * x, Y, Z: z, r, rb, nx, ny: 0, nz, k: (n >= 10 ? 0.75 : 1) * (1 - 0.12 * Math.min(1, t * 2) - 0.4 * front) };
    pts.push(end);
  }
  return { pts, end };
}

/** Costal cartilage from the anterior end to the sternum (ribs 1-7) or to the cartilage above (8-10). */
function cartilage(m: ThoraxModel, side: SideIdx, n: number, end: TubePoint): TubePoint[] {
  const sg = sideSign(side);
  const sz = m.sz;
  const st = (n <= 7 ? 18 + 2 * n : 30 + 14 * (n - 7)) * sz;
  const rise = n <= 2 ? -4 * sz : n <= 7 ? (n - 1) * 5 * sz : (n - 5) * 12 * sz;
  const zS = end.Z + 8 * sz;
  return [
    { X: end.X, Y: end.Y, Z: end.Z, r: end.r * 0.9, rb: 3 * sz, nx: sg * 0.3, ny: 0, nz: 1 },
    { X: (end.X + sg * st) / 2, Y: end.Y - rise * 0.4 + 3 * sz, Z: zS, r: end.r * 0.8 },
    { X: sg * st, Y: end.Y - rise, Z: zS, r: end.r * 0.75 },
  ];
}

/** Both rib cages into `bones`. Calcified cartilage with age; a cervical rib and healed fractures when given. */
export function buildRibs(
  m: ThoraxModel,
  p: PatientParams,
  insp: number,
  rng: Rng,
  bones: BoneSet,
  extras: { cervicalRib: SideIdx | null; healedFracture: { side: SideIdx; rib: number } | null; cartilage: number },
): RibPath[][] {
  const calc = extras.cartilage;
  const all: RibPath[][] = [];
  for (const side of [0, 1] as const) {
    const rr = rng.fork(`ribs${side}`);
    const paths: RibPath[] = [];
    for (let n = 1; n <= 12; n++) {
      const path = ribPath(m, p, side, n, insp, rr);
      paths.push(path);
      const cortex = (n === 1 ? 1.1 : 0.8) * m.sz;
      bones.tubes.push(boneTube(path.pts, cortex, 0.5, DELTA.cortical, DELTA.marrow * 0.6));
      if (n <= 10) {
        const c = cartilage(m, side, n, path.end);
        // Calcification is patchy: the texture makes it granular; the first costal cartilage calcifies first.
        const k = calc * (n === 1 ? 1 : 0.45) * (0.5 + rr.next());
        bones.tubes.push(boneTube(c, 1.2 * m.sz, 1.6, DELTA.cortical * 0.25 * k, DELTA.cortical * 0.35 * k, true));
      }
    }
    if (extras.cervicalRib === side) {
      const c7 = ribPath(m, p, side, 1, insp, rr).pts.slice(0, 14).map((q) => ({ ...q, Y: q.Y - (m.yT(1) - m.yT(0)), r: q.r * 0.7 }));
      bones.tubes.push(boneTube(c7, 0.9 * m.sz, 0.4));
    }
    all.push(paths);
  }
  if (extras.healedFracture) {
    const { side, rib } = extras.healedFracture;
    const path = all[side]?.[rib - 1];
    if (path) {
      // Callus: a fusiform thickening of the lateral rib, denser than the shaft, slightly angled.
      const q = path.pts[Math.floor(path.pts.length * 0.55)] as TubePoint;
      const d = 9 * m.sz;
      bones.tubes.push(boneTube([
        { X: q.X, Y: q.Y - d, Z: q.Z - 4, r: q.r * 0.6 },
        { X: q.X + sideSign(side) * 2, Y: q.Y + 1, Z: q.Z, r: q.r * 1.25, rb: (q.rb ?? q.r) * 1.6, nx: q.nx ?? 0, ny: 0, nz: q.nz ?? 0 },
        { X: q.X, Y: q.Y + d, Z: q.Z + 4, r: q.r * 0.6 },
      ], 1.6 * m.sz, 0.2));
    }
  }
  return all;
}
