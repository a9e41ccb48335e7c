/**
 * Tell regions clipped to the served image. A forgery technique may draw a tell's outline past the edge (a lesion
 * near the border, a blur ellipse around a corner); the manifest only accepts points inside the image, so one such
 * outline stopped whole builds ("point (926.1, 1036.8) lies outside the 1024x1024 image", seed 7 on the shared
 * films). Each polygon is clipped to the rectangle [0, w] x [0, h] by Sutherland-Hodgman (Sutherland and Hodgman,
 * "Reentrant polygon clipping", CACM 17(1), 1974), exact for a convex clip window; what is left of a region is the
 * part a reader can see and mark.
 */
import { polygonArea, type Point, type Polygon, type Tell } from '../../domain/index.js';

type Edge = { inside: (p: Point) => boolean; cross: (a: Point, b: Point) => Point };

const lerp = (a: Point, b: Point, t: number): Point => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });

function edges(w: number, h: number): Edge[] {
  const atX = (x: number) => (a: Point, b: Point): Point => ({ ...lerp(a, b, (x - a.x) / (b.x - a.x)), x });
  const atY = (y: number) => (a: Point, b: Point): Point => ({ ...lerp(a, b, (y - a.y) / (b.y - a.y)), y });
  return [
    { inside: (p) => p.x >= 0, cross: atX(0) },
    { inside: (p) => p.x <= w, cross: atX(w) },
    { inside: (p) => p.y >= 0, cross: atY(0) },
    { inside: (p) => p.y <= h, cross: atY(h) },
  ];
}

/** The part of `poly` inside [0, w] x [0, h]; fewer than 3 points when nothing of it is inside. */
export function clipPolygonToRect(poly: Polygon, w: number, h: number): Point[] {
  let out: Point[] = [...poly];
  for (const e of edges(w, h)) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i] as Point;
      const prev = input[(i + input.length - 1) % input.length] as Point;
      if (e.inside(cur)) {
        if (!e.inside(prev)) out.push(e.cross(prev, cur));
        out.push(cur);
      } else if (e.inside(prev)) out.push(e.cross(prev, cur));
    }
    if (out.length === 0) break;
  }
  // Rounding can leave a coordinate a hair outside; the manifest checks 0 <= x <= w exactly.
  return out.map((p) => ({ x: Math.min(w, Math.max(0, p.x)), y: Math.min(h, Math.max(0, p.y)) }));
}

/** Tells with every region clipped to the image; regions with no area left, and tells with no region left, go. */
export function clipTells(tells: readonly Tell[], w: number, h: number): Tell[] {
  const out: Tell[] = [];
  for (const t of tells) {
    const regions = t.regions.map((r) => clipPolygonToRect(r, w, h)).filter((r) => r.length >= 3 && polygonArea(r) > 0);
    if (regions.length > 0) out.push({ ...t, regions });
  }
  return out;
}
