import type { Point } from '../domain/types.js';
import type { Polygon } from '../domain/geometry.js';
import type { Frame } from './frame.js';
import { lungSpan, sideSign, type SideIdx, type ThoraxModel } from './thorax.js';

/**
 * Outlines of the simulated anatomy in final image pixels, for placing forgeries and for teaching overlays.
 * They are traced from the same analytic model that was rasterised, so they match the image up to blur.
 */

/** Cardiac outline in mm as seen at Z = 0 (the heart is anterior, so rotation shears it sideways). */
function heartOutline(m: ThoraxModel, f: Frame): Point[] {
  const h = m.heart;
  const n = h.radii.length;
  const dx = f.rotShear * h.z;
  const dy = f.lordShear * h.z;
  const pts: Point[] = [];
  for (let i = 0; i < n; i += 4) {
    const th = (2 * Math.PI * i) / n;
    const r = h.radii[i] as number;
    pts.push({ x: h.cx + dx + r * Math.cos(th), y: h.cy + dy + r * Math.sin(th) });
  }
  return pts;
}

/** Extreme X of a polygon's intersection with the horizontal line at Y (null if it misses). */
function rowExtent(poly: readonly Point[], Y: number): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i] as Point;
    const b = poly[j] as Point;
    if (a.y > Y !== b.y > Y) {
      const x = a.x + ((Y - a.y) * (b.x - a.x)) / (b.y - a.y);
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
  }
  return min <= max ? { min, max } : null;
}

/** Unsigned distance from the midline of the medial edge of the visible lung (mediastinum, heart or knob). */
function medialEdge(m: ThoraxModel, heart: readonly Point[], side: SideIdx, Y: number): number {
  let med = lungSpan(m, side, Y)[0];
  const ex = rowExtent(heart, Y);
  if (ex) med = Math.max(med, side === 0 ? -ex.min : ex.max);
  if (side === 1) {
    const k = m.knob;
    const dy = (Y - k.y) / k.b;
    if (Math.abs(dy) < 1) med = Math.max(med, k.x + k.a * Math.sqrt(1 - dy * dy));
  }
  return med;
}

const lateralEdge = (m: ThoraxModel, side: SideIdx, Y: number): number => lungSpan(m, side, Y)[1];

export interface AnatomyOutlines {
  readonly lungs: { readonly right: Polygon; readonly left: Polygon };
  readonly mediastinum: Polygon;
  readonly thorax: Polygon;
  readonly midlineX: number;
}

export function traceAnatomy(m: ThoraxModel, f: Frame, tiltRad: number): AnatomyOutlines {
  const heart = heartOutline(m, f);
  const c = Math.cos(tiltRad);
  const sn = Math.sin(tiltRad);
  const cx = f.width / 2;
  const cy = f.height / 2;
  // Same rotation as the tilt applied when the line-integral map is sampled (physics.expose).
  const toPx = (X: number, Y: number): Point => {
    const qx = f.ox + f.s * X - cx;
    const qy = f.oy + f.s * Y - cy;
    return { x: cx + c * qx - sn * qy, y: cy + sn * qx + c * qy };
  };
  const step = 3;

  const lung = (side: SideIdx): Polygon => {
    const sg = sideSign(side);
    const top = m.apexY[side] as number;
    const outer: Point[] = [];
    let Y = top + 0.5;
    // Lateral wall down to the costophrenic angle (where the dome meets the wall).
    for (; Y < m.lungBottomY; Y += step) {
      const lat = lateralEdge(m, side, Y);
      if (m.domeY(side, lat) <= Y) break;
      outer.push(toPx(sg * lat, Y));
    }
    // Along the dome from lateral to medial until it meets the mediastinal/cardiac border.
    const latCp = lateralEdge(m, side, Y);
    let ax = latCp;
    for (; ax > 0; ax -= step) {
      const yd = m.domeY(side, ax);
      if (ax <= medialEdge(m, heart, side, yd)) break;
      outer.push(toPx(sg * ax, yd));
    }
    // Up the medial border to the apex.
    for (let y2 = m.domeY(side, Math.max(ax, 0)); y2 > top; y2 -= step) {
      const med = medialEdge(m, heart, side, y2);
      const lat = lateralEdge(m, side, y2);
      outer.push(toPx(sg * Math.min(med, lat), y2));
    }
    return outer;
  };

  const medPts: Point[] = [];
  const yTop = Math.min(m.apexY[0], m.apexY[1]);
  const yBot = m.domeTop[1] + 2;
  const right: Point[] = [];
  const left: Point[] = [];
  for (let Y = yTop; Y <= yBot; Y += step) {
    right.push(toPx(-medialEdge(m, heart, 0, Y), Y));
    left.push(toPx(medialEdge(m, heart, 1, Y), Y));
  }
  medPts.push(...right, ...left.reverse());

  const thorax: Point[] = [];
  const wall = (side: SideIdx, down: boolean): Point[] => {
    const pts: Point[] = [];
    for (let Y = m.apexY[side] as number; Y < m.lungBottomY; Y += step) {
      const lat = lateralEdge(m, side, Y);
      if (m.domeY(side, lat) <= Y) break;
      pts.push(toPx(sideSign(side) * lat, Y));
    }
    return down ? pts : pts.reverse();
  };
  thorax.push(...wall(0, true));
  const latR = m.maxHalfWidth[0] * 0.975;
  const latL = m.maxHalfWidth[1] * 0.975;
  for (let ax = latR; ax > 0; ax -= step) thorax.push(toPx(-ax, m.domeY(0, ax)));
  for (let ax = 0; ax < latL; ax += step) thorax.push(toPx(ax, m.domeY(1, ax)));
  thorax.push(...wall(1, false));

  const ymid = m.yT(6);
  const mid = toPx(m.spineX(ymid) + f.rotShear * -55, ymid);
  return { lungs: { right: lung(0), left: lung(1) }, mediastinum: medPts, thorax, midlineX: mid.x };
}
