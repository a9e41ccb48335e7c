import type { Rng } from '../domain/index.js';
import { DELTA, MU } from './attenuation.js';
import type { FindingPlan } from './findings.js';
import { mag, project, type Frame } from './geometry.js';
import type { Mediastinum } from './mediastinum.js';
import { addPrism, addSuperEllipsoid, fillPolygon, type Canvas } from './raster.js';
import { sideSign, type ThoraxModel } from './thorax.js';
import { tubeNodes, type TubePoint } from './tube3d.js';
import { addTube, type Scratch } from './tubes.js';

/**
 * Devices on and in the patient, drawn on the fine plane as line integrals over water: steel and titanium are far
 * denser than bone, catheters carry a barium-loaded stripe, plastic is nearly invisible. Courses follow the anatomy
 * they lie in (a central line down the jugular vein into the SVC, a nasogastric tube down the oesophagus through the
 * hiatus, pacing leads through the subclavian vein to the right atrium and ventricle).
 */
type P3 = { X: number; Y: number; Z: number };

/** Smooth 3-D curve through control points (Catmull-Rom), sampled every ~2 mm, as tube points of radius r. */
function spline(ctrl: readonly P3[], r: number): TubePoint[] {
  const out: TubePoint[] = [];
  const n = ctrl.length;
  for (let i = 0; i + 1 < n; i++) {
    const p0 = ctrl[Math.max(0, i - 1)] as P3;
    const p1 = ctrl[i] as P3;
    const p2 = ctrl[i + 1] as P3;
    const p3 = ctrl[Math.min(n - 1, i + 2)] as P3;
    const len = Math.hypot(p2.X - p1.X, p2.Y - p1.Y, p2.Z - p1.Z);
    const steps = Math.max(2, Math.ceil(len / 2));
    for (let k = 0; k < steps; k++) {
      const t = k / steps;
      const cr = (a: number, b: number, c: number, d: number): number =>
        0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t * t + (-a + 3 * b - 3 * c + d) * t * t * t);
      out.push({ X: cr(p0.X, p1.X, p2.X, p3.X), Y: cr(p0.Y, p1.Y, p2.Y, p3.Y), Z: cr(p0.Z, p1.Z, p2.Z, p3.Z), r });
    }
  }
  const last = ctrl[n - 1] as P3;
  out.push({ ...last, r });
  return out;
}

interface Ctx {
  readonly f: Frame;
  readonly m: ThoraxModel;
  readonly md: Mediastinum;
  readonly sc: Scratch;
  readonly B: Float32Array;
  readonly cv: Canvas;
  readonly rng: Rng;
}

const wire = (c: Ctx, pts: TubePoint[], k: number): void => addTube(c.sc, tubeNodes(c.f, pts), c.B, k);

function ecg(c: Ctx, n: number): void {
  const { m, rng, f } = c;
  const sz = m.sz;
  const zSkin = (Y: number): number => m.trunkHalfDepth(Y) * (f.projection === 'PA' ? 0.95 : 1);
  const W = (m.maxHalfWidth[0] + m.maxHalfWidth[1]) / 2;
  const sites: [number, number][] = [[-0.7, m.yT(2)], [0.7, m.yT(2)], [0.75, m.domeTop[1] + 30], [-0.7, m.domeTop[0] + 40], [0.2, m.yT(8)]];
  for (let i = 0; i < n; i++) {
    const [fx, Y0] = sites[i] as [number, number];
    const X = fx * W + 15 * rng.normal();
    const Y = Y0 + 15 * rng.normal();
    const Z = zSkin(Y);
    const q = project(f, X, Y, Z);
    const k = f.s * mag(f, Z);
    // Foam pad and gel (faint), silver sensor, steel snap stud (a bright ring) and the lead's clip.
    addPrism(c.cv, q.x, q.y, 17 * sz * k, 17 * sz * k, 0, MU.water * 1.2);
    addPrism(c.cv, q.x, q.y, 5 * k, 5 * k, 0, 0.05);
    addPrism(c.cv, q.x, q.y, 2.6 * k, 2.6 * k, 0, DELTA.steel * 0.6);
    addPrism(c.cv, q.x, q.y, 1.5 * k, 1.5 * k, 0, -DELTA.steel * 0.45);
    const ang = rng.range(0, 2 * Math.PI);
    const clip = [0, 1, 2, 3].map((j) => {
      const u = (j === 0 || j === 3 ? -1 : 1) * 3.5 * k;
      const v = (j < 2 ? 0 : 1) * 11 * k + 3 * k;
      return { x: q.x + u * Math.cos(ang) - v * Math.sin(ang), y: q.y + u * Math.sin(ang) + v * Math.cos(ang) };
    });
    fillPolygon(c.cv, clip, DELTA.steel * 0.35);
    // The lead wire: a loose curve off the patient towards the monitor.
    const out = { X: X + Math.sin(ang) * -30, Y: Y + Math.cos(ang) * 30, Z };
    const ctrl: P3[] = [out];
    let px = out.X;
    let py = out.Y;
    const dirX = (X < 0 ? -1 : 1) * rng.range(0.2, 1);
    for (let s = 0; s < 7; s++) {
      px += dirX * rng.range(20, 60) + rng.normal() * 25;
      py += rng.range(20, 70);
      ctrl.push({ X: px, Y: py, Z: Z + 5 });
    }
    wire(c, spline(ctrl, 0.45), DELTA.steel * 0.6);
  }
}

function sternotomy(c: Ctx): void {
  const { m, rng } = c;
  const sz = m.sz;
  const n = 5 + rng.int(3);
  const z = m.trunkHalfDepth(m.yT(5)) * 0.88;
  for (let i = 0; i < n; i++) {
    const Y = m.yT(2.8) + (i + 0.3 * rng.normal()) * (120 * sz) / (n - 1);
    const a = (11 + 3 * rng.next()) * sz;
    const loop: TubePoint[] = [];
    for (let t = 0; t <= 2 * Math.PI + 0.01; t += Math.PI / 10) loop.push({ X: a * Math.cos(t) + 2 * rng.normal() * 0.2, Y: Y + 2.2 * Math.sin(t) + 0.15 * t, Z: z + 6 * Math.sin(t), r: 0.45 });
    // The twisted ends: a tight coil beside the sternum.
    const side = rng.chance(0.5) ? 1 : -1;
    for (let t = 0; t <= 6 * Math.PI; t += Math.PI / 5) loop.push({ X: side * (a + 1 + t * 0.5), Y: Y + 1.3 * Math.sin(t), Z: z + 1.3 * Math.cos(t), r: 0.45 });
    wire(c, loop, DELTA.steel);
  }
}

function clips(c: Ctx, site: NonNullable<FindingPlan['clips']>): void {
  const { m, md, rng } = c;
  const n = site === 'cabg' ? 6 + rng.int(6) : 3 + rng.int(4);
  for (let i = 0; i < n; i++) {
    const h = md.heart;
    const at: P3 = site === 'cholecystectomy'
      ? { X: -(55 + 20 * rng.next()), Y: m.domeTop[0] + 45 + 25 * rng.next(), Z: 10 }
      : site === 'axillary'
        ? { X: (rng.chance(0.5) ? -1 : 1) * ((m.maxHalfWidth[0] as number) + 5 + 15 * rng.next()), Y: m.yT(3) + 30 * rng.next(), Z: 0 }
        : { X: h.cx + (h.radii[0] as number) * (0.6 + 0.4 * rng.next()), Y: h.cy - 50 + 80 * rng.next(), Z: h.z + 40 };
    const ang = rng.range(0, Math.PI);
    const leg = 3.5 + 2 * rng.next();
    const v = (t: number): P3 => ({ X: at.X + leg * Math.cos(ang + t), Y: at.Y + leg * Math.sin(ang + t), Z: at.Z });
    wire(c, [{ ...v(0.35), r: 0.45 }, { ...at, r: 0.45 }, { ...v(-0.35), r: 0.45 }], DELTA.titanium * 1.3);
  }
}

function pacemaker(c: Ctx, side: 0 | 1, leads: 1 | 2): void {
  const { m, md, f, rng } = c;
  const sg = sideSign(side);
  const W = m.maxHalfWidth[side] as number;
  const Z = m.trunkHalfDepth(m.yT(3)) * 0.85;
  const gen = { X: sg * (0.62 * W + 10 * rng.normal()), Y: m.yT(3.2) + 10 * rng.normal(), Z };
  const q = project(f, gen.X, gen.Y, gen.Z);
  const k = f.s * mag(f, Z);
  const ang = 0.4 * rng.normal();
  addSuperEllipsoid(c.cv, { cx: q.x, cy: q.y, a: 24 * k, b: 26 * k, c: 3.5 * k, p: 4, q: 4, angle: ang, k: DELTA.titanium / k });
  addSuperEllipsoid(c.cv, { cx: q.x + 3 * k, cy: q.y + 5 * k, a: 18 * k, b: 13 * k, c: 3 * k, p: 4, q: 4, angle: ang, k: (DELTA.steel * 0.5) / k });
  // Header with the leads' connector blocks.
  addSuperEllipsoid(c.cv, { cx: q.x - 6 * k * Math.sin(ang), cy: q.y - 24 * k * Math.cos(ang), a: 14 * k, b: 5 * k, c: 3 * k, p: 4, q: 4, angle: ang, k: (DELTA.steel * 0.7) / k });
  const svc = md.tubes[1] as readonly TubePoint[];
  const entry: P3 = { X: sg * 0.45 * W, Y: m.yT(2.2), Z: 10 };
  const svcLow = svc[svc.length - 1] as TubePoint;
  const ra: P3 = { X: svcLow.X + 8, Y: svcLow.Y + 25, Z: 25 };
  const rv: P3 = { X: md.heart.cx + 0.4 * (md.heart.radii[0] as number), Y: md.heart.cy + 0.55 * (md.heart.radii[90] as number), Z: 45 };
  const path = (tip: P3, bow: number): TubePoint[] => spline([
    { X: gen.X - sg * 5, Y: gen.Y - 22, Z },
    { X: gen.X - sg * 30, Y: gen.Y - 40 + bow, Z: Z - 5 },
    entry,
    { X: svcLow.X, Y: (entry.Y + svcLow.Y) / 2, Z: 12 },
    { X: svcLow.X + 2, Y: svcLow.Y, Z: 15 },
    tip,
  ], 0.9);
  wire(c, path(rv, 0), DELTA.steel * 0.35);
  if (leads === 2) wire(c, path({ X: ra.X + 10, Y: ra.Y - 20, Z: 30 }, 8), DELTA.steel * 0.35);
}

function centralLine(c: Ctx, side: 0 | 1, route: 'jugular' | 'subclavian'): void {
  const { m, md } = c;
  const sg = sideSign(side);
  const svc = md.tubes[1] as readonly TubePoint[];
  const top = svc[0] as TubePoint;
  const tip = { X: (svc[2] as TubePoint).X + 4, Y: (svc[2] as TubePoint).Y - 10, Z: 14 };
  const ctrl: P3[] = route === 'jugular'
    ? [{ X: sg * 40, Y: m.yT(-4), Z: 30 }, { X: sg * 32, Y: m.yT(-1), Z: 20 }, { X: top.X * (side === 0 ? 1 : -1), Y: top.Y + 10, Z: 16 }, { X: top.X, Y: top.Y + 40, Z: 14 }, tip]
    : [{ X: sg * (m.maxHalfWidth[side] as number) * 0.7, Y: m.yT(2.5), Z: 40 }, { X: sg * 45, Y: m.yT(1.8), Z: 20 }, { X: top.X, Y: top.Y + 20, Z: 16 }, tip];
  // Barium-loaded polyurethane, 2.3 mm across: a fine white line with a slightly lucent lumen.
  addTube(c.sc, tubeNodes(c.f, spline(ctrl, 1.15), 0.5), c.B, DELTA.stripe * 0.9, DELTA.stripe * 0.2);
}

function tube(c: Ctx, ctrl: P3[], r: number): void {
  addTube(c.sc, tubeNodes(c.f, spline(ctrl, r), 1.2), c.B, 0.012, 0);
  wire(c, spline(ctrl.map((q) => ({ ...q, X: q.X + r * 0.8 })), 0.45), DELTA.stripe);
}

export function drawDevices(f: Frame, m: ThoraxModel, md: Mediastinum, plan: FindingPlan, sc: Scratch, B: Float32Array, rng: Rng): void {
  const c: Ctx = { f, m, md, sc, B, cv: { data: B, width: f.width, height: f.height }, rng };
  if (plan.ecg) ecg(c, plan.ecg.electrodes);
  if (plan.sternotomy) sternotomy(c);
  if (plan.clips) clips(c, plan.clips);
  if (plan.pacemaker) pacemaker(c, plan.pacemaker.side, plan.pacemaker.leads);
  if (plan.centralLine) centralLine(c, plan.centralLine.side, plan.centralLine.route);
  const cy = m.carinaY;
  if (plan.ett) tube(c, [{ X: 0, Y: m.yT(-6), Z: 40 }, { X: 0, Y: m.yT(-2), Z: 12 }, { X: -1, Y: m.yT(1), Z: 4 }, { X: -1, Y: cy - (35 + 20 * rng.next()), Z: -2 }], 5.5);
  if (plan.ngt) {
    const gx = 55 + 20 * rng.next();
    tube(c, [{ X: -4, Y: m.yT(-6), Z: 20 }, { X: 6, Y: m.yT(0), Z: m.spineZ(m.yT(2)) + 40 }, { X: 12, Y: m.yT(6), Z: m.spineZ(m.yT(6)) + 38 }, { X: 22, Y: m.yT(10), Z: 0 }, { X: 35, Y: m.domeTop[1] + 20, Z: 0 }, { X: gx, Y: m.domeTop[1] + 40, Z: -5 }], 2);
  }
}
