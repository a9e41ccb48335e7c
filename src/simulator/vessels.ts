import type { Rng } from '../domain/rng.js';
import type { PatientParams } from './patient.js';
import { cavityThickness, lungSpan, sideSign, type SideIdx, type ThoraxModel } from './thorax.js';
import type { TubePoint } from './tube3d.js';

/**
 * Pulmonary arterial and venous trees grown from each hilum (and the left atrium) as recursive bifurcations.
 * Child radii obey Murray's law r0^3 = r1^3 + r2^3 (C. D. Murray, PNAS 12:207, 1926) and branching angles the
 * minimum-work optimum cos(theta1) = (r0^4 + r1^4 - r2^4) / (2 r0^2 r1^2) (M. Zamir, J. Theor. Biol. 62:227, 1976),
 * so the thin branch leaves at a wide angle and the trunk runs nearly straight. Segments are capped at the lung:
 * branches that would leave the pleural cavity are steered back or stop, which tapers them towards the periphery.
 */

type V3 = [number, number, number];
const norm = (v: V3): V3 => {
  const l = Math.hypot(v[0], v[1], v[2]) || 1;
  return [v[0] / l, v[1] / l, v[2] / l];
};
const cross = (a: V3, b: V3): V3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];

/** Rotate unit vector d by angle th towards unit vector axisPerp (perpendicular to d). */
const turn = (d: V3, perp: V3, th: number): V3 =>
  norm([d[0] * Math.cos(th) + perp[0] * Math.sin(th), d[1] * Math.cos(th) + perp[1] * Math.sin(th), d[2] * Math.cos(th) + perp[2] * Math.sin(th)]);

function randomPerp(d: V3, rng: Rng): V3 {
  const r: V3 = [rng.normal(), rng.normal(), rng.normal()];
  return norm(cross(d, r));
}

interface Grower {
  readonly m: ThoraxModel;
  readonly side: SideIdx;
  readonly rng: Rng;
  readonly rMin: number;
  readonly out: TubePoint[][];
  readonly origin: V3;
  budget: number;
}

/** Margin (mm) by which a point at radius r sits inside the lung; negative outside. */
function inside(g: Grower, p: V3, r: number): number {
  const t = cavityThickness(g.m, g.side, p[0], p[1]);
  return t / 2 - Math.abs(p[2]) - r;
}

function grow(g: Grower, start: V3, dir: V3, r: number, depth: number): void {
  if (r < g.rMin || g.budget <= 0 || depth > 40) return;
  const rng = g.rng;
  const len = r * (3.5 + 4 * rng.next()) + 3;
  const nSub = 3;
  const pts: TubePoint[] = [{ X: start[0], Y: start[1], Z: start[2], r }];
  let p = start;
  let d = dir;
  let rr = r;
  for (let k = 0; k < nSub; k++) {
    // Gentle tortuosity plus a drift away from the hilum keeps the tree filling the lung outwards.
    const away = norm([p[0] - g.origin[0], p[1] - g.origin[1], (p[2] - g.origin[2]) * 0.5]);
    d = norm([d[0] + 0.16 * rng.normal() + 0.12 * away[0], d[1] + 0.16 * rng.normal() + 0.12 * away[1], d[2] + 0.12 * rng.normal()]);
    let q: V3 = [p[0] + (d[0] * len) / nSub, p[1] + (d[1] * len) / nSub, p[2] + (d[2] * len) / nSub];
    if (inside(g, q, rr * 0.5) < 0) {
      // Steer back towards the core of the lung at this height (pleura and mediastinum repel vessels).
      const [med, lat] = lungSpan(g.m, g.side, p[1]);
      const core = norm([sideSign(g.side) * (med + lat) * 0.5 - p[0], 0, -p[2]]);
      let ok = false;
      for (let tries = 1; tries <= 3 && !ok; tries++) {
        d = norm([d[0] + tries * 0.6 * core[0] + 0.2 * rng.normal(), d[1] + 0.2 * rng.normal(), d[2] + tries * 0.6 * core[2]]);
        q = [p[0] + (d[0] * len) / nSub, p[1] + (d[1] * len) / nSub, p[2] + (d[2] * len) / nSub];
        ok = inside(g, q, rr * 0.5) >= 0;
      }
      if (!ok) break;
    }
    rr *= 0.97;
    pts.push({ X: q[0], Y: q[1], Z: q[2], r: rr });
    p = q;
  }
  g.out.push(pts);
  g.budget -= pts.length - 1;
  if (pts.length < nSub + 1) return;
  const frac = 0.5 + 0.4 * rng.next();
  const r1 = rr * Math.cbrt(frac);
  const r2 = rr * Math.cbrt(1 - frac);
  const r0s = rr * rr;
  const c1 = Math.min(1, Math.max(-1, (r0s * r0s + r1 ** 4 - r2 ** 4) / (2 * r0s * r1 * r1)));
  const c2 = Math.min(1, Math.max(-1, (r0s * r0s + r2 ** 4 - r1 ** 4) / (2 * r0s * r2 * r2)));
  const perp = randomPerp(d, rng);
  const th1 = Math.acos(c1) * (0.8 + 0.4 * rng.next());
  const th2 = Math.acos(c2) * (0.8 + 0.4 * rng.next());
  grow(g, p, turn(d, perp, th1), r1, depth + 1);
  grow(g, p, turn(d, perp, -th2), r2, depth + 1);
}

/** Vessel centrelines (mm) for both lungs, each an independent polyline with per-point radius. */
export function buildVessels(m: ThoraxModel, p: PatientParams, rng: Rng): TubePoint[][] {
  const out: TubePoint[][] = [];
  const sz = p.size;
  for (const side of [0, 1] as const) {
    const sg = sideSign(side);
    const h = m.hilum[side];
    const hz = 0;
    const g: Grower = { m, side, rng: rng.fork(`vessels${side}`), rMin: 0.5, out, origin: [h.X, h.Y, hz], budget: 8000 };
    // Main pulmonary artery from the mediastinum to the hilum (the left one arches over the left main bronchus).
    const trunk: TubePoint[] =
      side === 0
        ? [
            { X: -22 * sz, Y: m.carinaY + 22 * sz, Z: 5, r: 8 * sz },
            { X: h.X + 12 * sz, Y: h.Y - 4 * sz, Z: 0, r: 7.5 * sz },
            { X: h.X, Y: h.Y, Z: 0, r: 7 * sz },
          ]
        : [
            { X: 30 * sz, Y: m.carinaY + 18 * sz, Z: 10, r: 8 * sz },
            { X: h.X - 8 * sz, Y: h.Y - 12 * sz, Z: -5, r: 7.5 * sz },
            { X: h.X + 2 * sz, Y: h.Y, Z: -10, r: 7 * sz },
          ];
    out.push(trunk);
    // Segmental arteries fan out from the hilum; lower-zone vessels are larger than upper-zone ones in the upright
    // patient (gravity-dependent perfusion), which is a normal finding readers expect to see.
    const roots: { at: V3; dir: V3; r: number }[] = [];
    const nArt = 9;
    for (let i = 0; i < nArt; i++) {
      const th = ((-115 + (235 * (i + 0.3 + 0.4 * g.rng.next())) / nArt) * Math.PI) / 180;
      const down = Math.sin(th);
      const at: V3 = [h.X + sg * 6 * Math.cos(th), h.Y + 14 * down, 12 * g.rng.normal()];
      roots.push({ at, dir: [sg * Math.cos(th), down, 0.3 * g.rng.normal()], r: (3.6 + 1.0 * down + 0.3 * g.rng.normal()) * sz });
    }
    // Pulmonary veins converge on the left atrium below the hila and run more horizontally.
    for (let i = 0; i < 4; i++) {
      const th = ((-35 + 25 * i + 8 * g.rng.normal()) * Math.PI) / 180;
      const at: V3 = [sg * 48 * sz, m.carinaY + (48 + 9 * i) * sz, 10 * g.rng.normal()];
      roots.push({ at, dir: [sg * Math.cos(th), Math.sin(th), 0.2 * g.rng.normal()], r: (2.8 + 0.3 * i) * sz });
    }
    for (const root of roots) {
      g.origin[0] = root.at[0];
      g.origin[1] = root.at[1];
      grow(g, root.at, norm(root.dir), root.r * sz, 0);
    }
  }
  return out;
}
