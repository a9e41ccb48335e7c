import { mag, project, type Frame } from './geometry.js';
import type { TubeNode } from './tubes.js';

/**
 * A point on a tube's 3-D centreline (patient mm). The cross-section is an ellipse: `r` across it and `rb` along
 * the direction (nx, ny, nz) (for a rib: its thickness, pointing out of the chest); without `rb` it is round.
 */
export interface TubePoint {
  readonly X: number;
  readonly Y: number;
  readonly Z: number;
  readonly r: number;
  readonly rb?: number;
  readonly nx?: number;
  readonly ny?: number;
  readonly nz?: number;
  /** Density factor on this part of the tube (an anterior rib is thinner-walled than a posterior one). */
  readonly k?: number;
}

/** A real bone or vessel is not infinitely long: a tube seen end-on is at most this many diameters deep. */
const MAX_OBLIQUITY = 3;
/** Vessel segments are short: an end-on one is a dot about as deep as two diameters. */
export const VESSEL_OBLIQUITY = 2;

type V3 = [number, number, number];
const norm = (v: V3): V3 => {
  const l = Math.hypot(v[0], v[1], v[2]) || 1;
  return [v[0] / l, v[1] / l, v[2] / l];
};

/**
 * Chord of an elliptic cylinder along the beam (Z). With semi-axes a (along e1) and b (along e2) and axis d, a ray
 * meets the cross-section along the unit direction g = (e1.z, e2.z)/sin(theta); the projected half-width is the
 * ellipse's support across g, rho = sqrt(a^2 g2^2 + b^2 g1^2), and the chord at offset delta is
 * (2ab/rho) sqrt(1 - delta^2/rho^2) / sin(theta). Returns rho and the chord factor relative to 2 sqrt(rho^2 - delta^2).
 */
function section(a: number, b: number, d: V3, n: V3 | null, cap: number): { rho: number; g: number } {
  const sinT = Math.max(Math.sqrt(Math.max(0, 1 - d[2] * d[2])), 1 / cap);
  if (!n || a === b) return { rho: a, g: 1 / sinT };
  const dn = n[0] * d[0] + n[1] * d[1] + n[2] * d[2];
  const e2 = norm([n[0] - dn * d[0], n[1] - dn * d[1], n[2] - dn * d[2]]);
  const e1: V3 = [d[1] * e2[2] - d[2] * e2[1], d[2] * e2[0] - d[0] * e2[2], d[0] * e2[1] - d[1] * e2[0]];
  let g1 = e1[2];
  let g2 = e2[2];
  const l = Math.hypot(g1, g2);
  if (l < 1e-6) {
    g1 = 1;
    g2 = 0;
  } else {
    g1 /= l;
    g2 /= l;
  }
  const rho = Math.sqrt(a * a * g2 * g2 + b * b * g1 * g1);
  return { rho, g: (a * b) / (rho * rho * sinT) };
}

/**
 * Project a centreline to pixel nodes. Chords come out in millimetres (g carries 1/pixels-per-mm), so a plane
 * rasterised from them times a linear attenuation coefficient (1/mm) is a line integral. `cortex` (mm) gives
 * each node an inner section for the marrow cavity.
 */
export function tubeNodes(f: Frame, pts: readonly TubePoint[], cortex = 0, cap = MAX_OBLIQUITY): TubeNode[] {
  const out: TubeNode[] = [];
  const n = pts.length;
  for (let i = 0; i < n; i++) {
    const p = pts[i] as TubePoint;
    const a0 = pts[Math.max(0, i - 1)] as TubePoint;
    const a1 = pts[Math.min(n - 1, i + 1)] as TubePoint;
    const d = norm([a1.X - a0.X, a1.Y - a0.Y, a1.Z - a0.Z]);
    const nv: V3 | null = p.nx === undefined ? null : [p.nx, p.ny ?? 0, p.nz ?? 0];
    const b = p.rb ?? p.r;
    const o = section(p.r, b, d, nv, cap);
    const dk = p.k ?? 1;
    const q = project(f, p.X, p.Y, p.Z);
    const k = f.s * mag(f, p.Z);
    let ri = 0;
    let gi = 0;
    if (cortex > 0 && p.r > cortex && b > cortex) {
      const s = section(p.r - cortex, b - cortex, d, nv, cap);
      ri = s.rho * k;
      gi = (s.g * dk) / k;
    }
    out.push({ x: q.x, y: q.y, r: o.rho * k, g: (o.g * dk) / k, ri, gi });
  }
  return out;
}
