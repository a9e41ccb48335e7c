/** Thin strokes (lines, wires): distance to a segment and a polygon enclosing a stroked polyline. */
import type { Polygon } from '../domain/index.js';
import type { Point } from '../domain/index.js';

/** Distance from (x, y) to segment ab; with `flat` the distance is Infinity beyond the ends (flat caps). */
export function segmentDistance(x: number, y: number, a: Point, b: Point, flat = false): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((x - a.x) * dx + (y - a.y) * dy) / len2 : 0;
  if (flat && (t < 0 || t > 1)) return Infinity;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(x - (a.x + t * dx), y - (a.y + t * dy));
}

/**
 * A polygon around a polyline stroked with half-width r: offsets along the normals on both sides, ends extended by
 * r along the tangent. Valid (simple) while the curve's radius of curvature exceeds r.
 */
export function strokePolygon(pts: readonly Point[], r: number): Polygon {
  const n = pts.length;
  const left: Point[] = [];
  const right: Point[] = [];
  for (let k = 0; k < n; k++) {
    const p0 = pts[Math.max(0, k - 1)] as Point;
    const p1 = pts[Math.min(n - 1, k + 1)] as Point;
    const len = Math.hypot(p1.x - p0.x, p1.y - p0.y) || 1;
    const tx = (p1.x - p0.x) / len;
    const ty = (p1.y - p0.y) / len;
    const ext = k === 0 ? -r : k === n - 1 ? r : 0;
    const p = pts[k] as Point;
    const cx = p.x + tx * ext;
    const cy = p.y + ty * ext;
    left.push({ x: cx - ty * r, y: cy + tx * r });
    right.push({ x: cx + ty * r, y: cy - tx * r });
  }
  return [...left, ...right.reverse()];
}
