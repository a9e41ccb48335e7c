/**
 * Tell regions -> a 0/255 pixel mask by scanline polygon fill. A pixel is inside when its centre (x + 0.5, y + 0.5)
 * is inside the polygon by the even-odd rule, the same test as domain/geometry.ts pointInPolygon (PNPOLY); the
 * polygons of all tells are OR-ed together.
 */
import type { Polygon } from '../domain/index.js';

export function rasterizeRegions(regions: readonly Polygon[], width: number, height: number): Uint8Array {
  const mask = new Uint8Array(width * height);
  const xs: number[] = [];
  for (const poly of regions) {
    if (poly.length < 3) continue;
    let minY = Infinity;
    let maxY = -Infinity;
    for (const p of poly) {
      minY = Math.min(minY, p.y);
      maxY = Math.max(maxY, p.y);
    }
    const y0 = Math.max(0, Math.floor(minY - 0.5));
    const y1 = Math.min(height - 1, Math.ceil(maxY - 0.5));
    for (let y = y0; y <= y1; y++) {
      const cy = y + 0.5;
      xs.length = 0;
      for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
        const a = poly[i] as Polygon[number];
        const b = poly[j] as Polygon[number];
        // Half-open rule on y, as in PNPOLY, so a vertex on the scanline is counted once.
        if (a.y > cy !== b.y > cy) xs.push(a.x + ((cy - a.y) * (b.x - a.x)) / (b.y - a.y));
      }
      xs.sort((p, q) => p - q);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        // Centres strictly left of the crossing x are inside for PNPOLY's `p.x < crossing`.
        const from = Math.max(0, Math.ceil((xs[k] as number) - 0.5));
        const to = Math.min(width - 1, Math.ceil((xs[k + 1] as number) - 0.5) - 1);
        for (let x = from; x <= to; x++) mask[y * width + x] = 255;
      }
    }
  }
  return mask;
}
