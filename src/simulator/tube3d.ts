import { projX, projY, type Frame } from './frame.js';
import type { TubeSeg } from './raster.js';

/** A point on a tube's 3-D centreline in patient mm with its radius (mm) and cross-section depth/width ratio. */
export interface TubePoint {
  readonly X: number;
  readonly Y: number;
  readonly Z: number;
  readonly r: number;
  readonly depth?: number;
}

const MAX_OBLIQUITY = 1.8;

/** Project a 3-D polyline to pixel segments; foreshortening sets each piece's 1/sin(theta) chord gain. */
export function tubeSegments(f: Frame, pts: readonly TubePoint[]): TubeSeg[] {
  const segs: TubeSeg[] = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i] as TubePoint;
    const b = pts[i + 1] as TubePoint;
    const dX = b.X - a.X;
    const dY = b.Y - a.Y;
    const dZ = b.Z - a.Z;
    const l3 = Math.hypot(dX, dY, dZ);
    const l2 = Math.hypot(dX, dY);
    const invSin = l3 > 1e-9 ? Math.min(MAX_OBLIQUITY, l3 / Math.max(l2, l3 / MAX_OBLIQUITY)) : 1;
    const depth = ((a.depth ?? 1) + (b.depth ?? 1)) / 2;
    segs.push({
      x0: projX(f, a.X, a.Z),
      y0: projY(f, a.Y, a.Z),
      r0: a.r * f.s,
      x1: projX(f, b.X, b.Z),
      y1: projY(f, b.Y, b.Z),
      r1: b.r * f.s,
      gain: invSin * depth,
    });
  }
  return segs;
}
