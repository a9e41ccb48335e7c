import type { Point } from '../domain/index.js';
import type { Polygon } from '../domain/index.js';
import { project, type Frame } from './geometry.js';
import type { Mediastinum } from './mediastinum.js';
import { lungSpan, sideSign, type SideIdx, type ThoraxModel } from './thorax.js';
import type { TubePoint } from './tube3d.js';

/**
 * Outlines of the simulated anatomy in final image pixels, for placing forgeries and for teaching overlays. They
 * are traced from the same model that was rendered, so they match the image up to blur: the lung fields are
 * bounded by the chest wall, the dome and the mediastinal and cardiac contours.
 */
export interface AnatomyOutlines {
  readonly lungs: { readonly right: Polygon; readonly left: Polygon };
  readonly mediastinum: Polygon;
  readonly thorax: Polygon;
  readonly midlineX: number;
}

/** Unsigned X of the heart's outline at height Y on one side (0 when the row misses it). */
function heartEdge(md: Mediastinum, side: SideIdx, Y: number): number {
  const h = md.heart;
  const n = h.radii.length;
  let best = 0;
  for (let i = 0; i < n; i += 2) {
    const th = (2 * Math.PI * i) / n;
    const r = h.radii[i] as number;
    const y = h.cy + r * Math.sin(th);
    if (Math.abs(y - Y) > 2.5) continue;
    const x = (h.cx + r * Math.cos(th)) * sideSign(side);
    if (x > best) best = x;
  }
  return best;
}

/** Unsigned lateral reach of the mediastinal vessels at height Y on one side. */
function vesselEdge(md: Mediastinum, side: SideIdx, Y: number): number {
  let best = 0;
  const sg = sideSign(side);
  for (const t of md.tubes) {
    for (let i = 0; i + 1 < t.length; i++) {
      const a = t[i] as TubePoint;
      const b = t[i + 1] as TubePoint;
      const lo = Math.min(a.Y, b.Y) - a.r;
      const hi = Math.max(a.Y, b.Y) + a.r;
      if (Y < lo || Y > hi) continue;
      const u = b.Y === a.Y ? 0.5 : Math.min(1, Math.max(0, (Y - a.Y) / (b.Y - a.Y)));
      const x = (a.X + (b.X - a.X) * u) * sg + (a.r + (b.r - a.r) * u) * 0.8;
      if (x > best) best = x;
    }
  }
  return best;
}

function medialEdge(m: ThoraxModel, md: Mediastinum, side: SideIdx, Y: number): number {
  return Math.max(lungSpan(m, side, Y)[0], heartEdge(md, side, Y), vesselEdge(md, side, Y));
}

export function traceAnatomy(m: ThoraxModel, md: Mediastinum, f: Frame): AnatomyOutlines {
  const Z = 0;
  const px = (X: number, Y: number): Point => project(f, X, Y, Z);
  const step = 3;
  const lung = (side: SideIdx): Polygon => {
    const sg = sideSign(side);
    const top = (m.apexY[side] as number) + 1;
    const out: Point[] = [];
    let Y = top;
    for (; Y < m.lungBottomY; Y += step) {
      const lat = lungSpan(m, side, Y)[1];
      if (m.domeY(side, lat) <= Y) break;
      out.push(px(sg * lat, Y));
    }
    let ax = lungSpan(m, side, Y)[1];
    for (; ax > 0; ax -= step) {
      const yd = m.domeY(side, ax);
      if (ax <= medialEdge(m, md, side, yd)) break;
      out.push(px(sg * ax, yd));
    }
    for (let y2 = m.domeY(side, Math.max(ax, 0)); y2 > top; y2 -= step) {
      const lat = lungSpan(m, side, y2)[1];
      out.push(px(sg * Math.min(medialEdge(m, md, side, y2), lat), y2));
    }
    return out;
  };
  const yTop = Math.min(m.apexY[0], m.apexY[1]);
  const yBot = m.domeTop[1] + 2;
  const right: Point[] = [];
  const left: Point[] = [];
  for (let Y = yTop; Y <= yBot; Y += step) {
    right.push(px(-medialEdge(m, md, 0, Y), Y));
    left.push(px(medialEdge(m, md, 1, Y), Y));
  }
  const wall = (side: SideIdx): Point[] => {
    const pts: Point[] = [];
    for (let Y = m.apexY[side] as number; Y < m.lungBottomY; Y += step) {
      const lat = lungSpan(m, side, Y)[1];
      if (m.domeY(side, lat) <= Y) break;
      pts.push(px(sideSign(side) * lat, Y));
    }
    return pts;
  };
  const thorax: Point[] = [...wall(0)];
  for (let ax = m.maxHalfWidth[0] * 0.98; ax > 0; ax -= step) thorax.push(px(-ax, m.domeY(0, ax)));
  for (let ax = 0; ax < m.maxHalfWidth[1] * 0.98; ax += step) thorax.push(px(ax, m.domeY(1, ax)));
  thorax.push(...wall(1).reverse());
  const ymid = m.yT(6);
  return {
    lungs: { right: lung(0), left: lung(1) },
    mediastinum: [...right, ...left.reverse()],
    thorax,
    midlineX: project(f, m.spineX(ymid), ymid, m.spineZ(ymid)).x,
  };
}
