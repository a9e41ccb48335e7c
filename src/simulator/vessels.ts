import type { Rng } from '../domain/index.js';
import type { Mediastinum } from './mediastinum.js';
import { normalSource } from './noise.js';
import { cavityChord, lungSpan, sideSign, type SideIdx, type ThoraxModel } from './thorax.js';
import type { TubePoint } from './tube3d.js';

/**
 * Pulmonary arteries and veins as a radiologist sees them: from the hilum, a few large trunks run out through the
 * lung in gentle curves, tapering, and give off side branches at 40-75 degrees every one to two centimetres; each
 * side branch does the same. Radii at a branch point obey Murray's law r^3 = r1^3 + r2^3 (C. D. Murray, PNAS
 * 12:207, 1926), and the lumen also narrows slowly along a trunk. Vessels stay inside the pleural cavity (a branch
 * that would leave it turns back towards the lung's core or stops), so they fade out in the outer third. Lower-zone
 * vessels start larger: perfusion increases towards the bases in the upright lung (J. B. West, "Respiratory
 * Physiology", ch. 4). Bronchi run beside the arteries; only where one runs along the beam is its wall seen, as a thin
 * ring beside its artery's dot near the hilum.
 */
type V3 = [number, number, number];

export interface VesselTrees {
  readonly arteries: TubePoint[][];
  readonly veins: TubePoint[][];
  readonly bronchi: { readonly pts: TubePoint[]; readonly lumen: number }[];
}

interface Grower {
  readonly m: ThoraxModel;
  readonly side: SideIdx;
  readonly rng: Rng;
  /** Fast normal deviates for the wobble of every step (normalSource: a table addressed by xorshift). */
  readonly gauss: () => number;
  readonly out: TubePoint[][];
  readonly rMin: number;
  readonly bronchi: VesselTrees['bronchi'] | null;
  budget: number;
}

const norm = (v: V3): V3 => {
  const l = Math.hypot(v[0], v[1], v[2]) || 1;
  return [v[0] / l, v[1] / l, v[2] / l];
};

function perp(d: V3, gauss: () => number): V3 {
  const r: V3 = [gauss(), gauss(), gauss()];
  const k = r[0] * d[0] + r[1] * d[1] + r[2] * d[2];
  return norm([r[0] - k * d[0], r[1] - k * d[1], r[2] - k * d[2]]);
}

/** How far (mm) a point lies inside the lung, negative outside (from the cavity's chord at that X, Y). */
function margin(g: Grower, p: V3): number {
  const c = cavityChord(g.m, g.side, p[0], p[1]);
  if (c <= 0) return -1;
  return c / 2 - Math.abs(p[2] - g.m.cavityZ(p[1]));
}

/** Direction towards the lung's core at this height (used to steer away from the pleura). */
function inward(g: Grower, p: V3): V3 {
  const [med, lat] = lungSpan(g.m, g.side, p[1]);
  const cx = sideSign(g.side) * (med + 0.6 * (lat - med));
  return norm([cx - p[0], 0, g.m.cavityZ(p[1]) - p[2]]);
}

function strand(g: Grower, start: V3, dir: V3, r0: number, origin: V3, gen: number): void {
  if (r0 < g.rMin || g.budget <= 0) return;
  const rng = g.rng;
  // Thin vessels bend little over a few millimetres: they are sampled more coarsely.
  let step = r0 > 2 ? 3.5 : 5;
  const line: TubePoint[] = [{ X: start[0], Y: start[1], Z: start[2], r: r0 * 0.45 }];
  g.out.push(line);
  let p = start;
  let d = dir;
  let r = r0;
  let sinceBranch = 0;
  let nextBranch = (3 * r + 4) * (0.7 + 0.6 * rng.next());
  for (let k = 0; k < 400 && r >= g.rMin; k++) {
    const away = norm([p[0] - origin[0], p[1] - origin[1], 0.5 * (p[2] - origin[2])]);
    const bend = perp(d, g.gauss);
    d = norm([d[0] + 0.1 * bend[0] + 0.06 * away[0], d[1] + 0.1 * bend[1] + 0.06 * away[1], d[2] + 0.1 * bend[2] + 0.06 * away[2]]);
    let q: V3 = [p[0] + d[0] * step, p[1] + d[1] * step, p[2] + d[2] * step];
    const mg = margin(g, q);
    // Near the pleura a vessel is small and ends; a large one is turned back towards the core.
    if (mg < 4 + 2 * r) {
      if (r < 1.5 || mg < r) break;
      const c = inward(g, p);
      d = norm([d[0] + 0.6 * c[0], d[1], d[2] + 0.6 * c[2]]);
      q = [p[0] + d[0] * step, p[1] + d[1] * step, p[2] + d[2] * step];
    }
    p = q;
    r *= r > 2 ? 0.986 : 0.98;
    if (r <= 2) step = 5;
    line.push({ X: p[0], Y: p[1], Z: p[2], r });
    g.budget--;
    if (g.bronchi && r > 1.8 && gen < 3 && Math.abs(d[2]) > 0.92 && rng.chance(0.5)) {
      const side = norm([-d[1], d[0], 0]);
      const off = 2 * r + 1.5;
      const c: V3 = [p[0] + side[0] * off, p[1] + side[1] * off, p[2]];
      g.bronchi.push({ pts: [-1, 1].map((t) => ({ X: c[0] + d[0] * t * 2 * r, Y: c[1] + d[1] * t * 2 * r, Z: c[2] + d[2] * t * 2 * r, r: r * 1.1 })), lumen: 0.82 });
    }
    sinceBranch += step;
    if (sinceBranch >= nextBranch) {
      // A side branch takes 30-70% of the radius; the trunk keeps the rest of the flow (Murray).
      const f = 0.45 + 0.35 * rng.next();
      const rs = r * f;
      r = r * Math.cbrt(Math.max(0.2, 1 - f * f * f));
      const ang = ((40 + 35 * rng.next()) * Math.PI) / 180;
      const ax = perp(d, g.gauss);
      const sd = norm([d[0] * Math.cos(ang) + ax[0] * Math.sin(ang), d[1] * Math.cos(ang) + ax[1] * Math.sin(ang), d[2] * Math.cos(ang) + ax[2] * Math.sin(ang)]);
      strand(g, p, sd, rs, p, gen + 1);
      // The trunk swerves slightly away from its side branch.
      d = norm([d[0] - 0.15 * ax[0], d[1] - 0.15 * ax[1], d[2] - 0.15 * ax[2]]);
      sinceBranch = 0;
      nextBranch = (3 * r + 4) * (0.7 + 0.6 * rng.next());
    }
  }
}

interface Root {
  readonly at: V3;
  readonly dir: V3;
  readonly r: number;
}

function roots(m: ThoraxModel, md: Mediastinum, side: SideIdx, rng: Rng): { arteries: Root[]; veins: Root[] } {
  const sg = sideSign(side);
  const sz = m.sz;
  const h = md.hilum[side];
  const pa = md.paEnds[side];
  const la = md.leftAtrium;
  const fan = (at: V3, base: number, spread: number, n: number, r: (down: number) => number): Root[] =>
    Array.from({ length: n }, (_, i) => {
      const th = base + spread * ((i + 0.5) / n - 0.5) + 0.15 * rng.normal();
      const dir = norm([sg * Math.cos(th), Math.sin(th), 0.45 * rng.normal()]);
      // Each branch leaves its parent a little further along, not all from one point.
      const o = 4 + 10 * rng.next();
      return { at: [at[0] + dir[0] * o, at[1] + dir[1] * o, at[2] + dir[2] * o] as V3, dir, r: r(Math.sin(th)) * sz };
    });
  // Angles in the image plane: 0 = straight out, +90 deg = down.
  const deg = Math.PI / 180;
  return {
    arteries: [
      ...fan([h.X + sg * 4 * sz, h.Y - 8 * sz, h.Z], -65 * deg, 100 * deg, 5, (dn) => 3.6 - 0.4 * dn),
      ...fan([pa.X, pa.Y - 20 * sz, pa.Z], 10 * deg, 50 * deg, 3, () => 3.6),
      ...fan([pa.X, pa.Y, pa.Z], 70 * deg, 70 * deg, 5, (dn) => 4 + 0.6 * dn),
    ],
    veins: [
      ...fan([la.X + sg * 28 * sz, la.Y - 16 * sz, la.Z + 8], -55 * deg, 60 * deg, 4, () => 3.4),
      ...fan([la.X + sg * 32 * sz, la.Y + 8 * sz, la.Z], 25 * deg, 70 * deg, 4, (dn) => 3.8 + 0.5 * dn),
    ],
  };
}

export function buildVessels(m: ThoraxModel, md: Mediastinum, supine: boolean, density: number, rng: Rng): VesselTrees {
  const arteries: TubePoint[][] = [];
  const veins: TubePoint[][] = [];
  const bronchi: VesselTrees['bronchi'] = [];
  for (const side of [0, 1] as const) {
    const r = rng.fork(`lung${side}`);
    const rt = roots(m, md, side, r);
    // Supine, perfusion is even from apex to base: the upper-zone vessels are as large as the lower ones.
    const up = supine ? 1.12 : 1;
    const ra = r.fork('a');
    const ga: Grower = { m, side, rng: ra, gauss: normalSource(ra.fork('wobble')), out: arteries, rMin: 0.6, bronchi, budget: Math.round(10000 * density) };
    for (const root of rt.arteries) strand(ga, root.at, root.dir, root.dir[1] < 0 ? root.r * up : root.r, root.at, 0);
    const rv = r.fork('v');
    const gv: Grower = { m, side, rng: rv, gauss: normalSource(rv.fork('wobble')), out: veins, rMin: 0.6, bronchi: null, budget: Math.round(7000 * density) };
    for (const root of rt.veins) strand(gv, root.at, root.dir, root.dir[1] < 0 ? root.r * up : root.r, root.at, 0);
  }
  return { arteries, veins, bronchi };
}
