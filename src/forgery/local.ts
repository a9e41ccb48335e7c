/**
 * Helpers for local techniques: padded crops (so filters read only what they need), avoidance of regions edited by
 * earlier recipe steps, feathered blending and tell construction.
 */
import type { Box, Polygon } from '../domain/index.js';
import { polygonBounds } from '../domain/index.js';
import type { ArtifactId } from '../domain/index.js';
import type { Tell } from '../domain/index.js';
import type { Ellipse, PixelRange } from './regions.js';

export interface Crop {
  readonly data: Float32Array;
  readonly x0: number;
  readonly y0: number;
  readonly w: number;
  readonly h: number;
}

/** The pixels of box (x0..x1, y0..y1 exclusive) grown by `pad` and clipped to the image. */
export function cropOf(src: Float32Array, w: number, h: number, box: Box, pad: number): Crop {
  const x0 = Math.max(0, Math.floor(box.x0) - pad);
  const y0 = Math.max(0, Math.floor(box.y0) - pad);
  const cw = Math.max(1, Math.min(w, Math.ceil(box.x1) + pad) - x0);
  const ch = Math.max(1, Math.min(h, Math.ceil(box.y1) + pad) - y0);
  const data = new Float32Array(cw * ch);
  for (let y = 0; y < ch; y++) data.set(src.subarray((y + y0) * w + x0, (y + y0) * w + x0 + cw), y * cw);
  return { data, x0, y0, w: cw, h: ch };
}

/**
 * Writes the rows of `range` (image pixels, inside the crop) from `plane`, a plane of the crop's size, into `out`, an
 * image of width w: how a technique that edits a crop lays its result back on the film.
 */
export function pasteCrop(out: Float32Array, w: number, crop: Crop, plane: Float32Array, range: PixelRange): void {
  for (let y = range.y0; y < range.y1; y++) {
    const row = (y - crop.y0) * crop.w - crop.x0;
    out.set(plane.subarray(row + range.x0, row + range.x1), y * w + range.x0);
  }
}

/** Value of a crop at image pixel (x, y), clamped to the crop. */
export function cropAt(c: Crop, x: number, y: number): number {
  const cx = Math.min(c.w - 1, Math.max(0, x - c.x0));
  const cy = Math.min(c.h - 1, Math.max(0, y - c.y0));
  return c.data[cy * c.w + cx] as number;
}

export const ellipseBox = (e: Ellipse): Box => ({ x0: e.cx - e.ax, y0: e.cy - e.ay, x1: e.cx + e.ax, y1: e.cy + e.ay });

export function boxesOverlap(a: Box, b: Box, margin = 0): boolean {
  return a.x0 - margin < b.x1 && b.x0 - margin < a.x1 && a.y0 - margin < b.y1 && b.y0 - margin < a.y1;
}

/** Whether a box comes within `margin` px of any region to avoid (bounding boxes: conservative). */
export function hitsAvoid(box: Box, avoid: readonly Polygon[] | undefined, margin = 4): boolean {
  return (avoid ?? []).some((poly) => boxesOverlap(box, polygonBounds(poly), margin));
}

const EARLIER_EDITS = 'away from the regions edited by earlier recipe steps; reorder or drop a step';

/** Why a lung edit found no room on a film without hints where the lung finder found no lung (anatomy.ts locateLung). */
export const NO_LUNG = 'in a lung: none found on this film (without hints a lung is a dark area walled in by the chest wall); use another technique or film';

/** Why a lung edit found no room although lungs were found: none fits whole inside them, clear of earlier edits. */
export const IN_LUNG = 'inside the lungs, clear of the regions edited by earlier recipe steps; use another technique or film';

/**
 * A local technique's "no room" error: by default there is no place clear of earlier edits; `why` says otherwise
 * (NO_LUNG). Callers that build decks (the case-pack builder) catch it and try their next technique.
 */
/** A local technique found no place for its edit (see noRoomError); deck builders try their next technique. */
export class NoRoomError extends Error {
  /** True when no other site or seed of this technique and level can succeed on this film, so retrying them is waste. */
  readonly wholeFilm: boolean;
  constructor(message: string, options: { readonly wholeFilm?: boolean } = {}) {
    super(message);
    this.wholeFilm = options.wholeFilm ?? false;
  }
}

export function noRoomError(who: string, what: string, why = EARLIER_EDITS, options: { readonly wholeFilm?: boolean } = {}): NoRoomError {
  return new NoRoomError(`${who}: no room for ${what} ${why}`, options);
}

export function makeTell(artifactId: ArtifactId, regions: readonly Polygon[], strength: number, explanation: string, howToSee: string): Tell {
  return { artifactId, regions, strength, explanation, howToSee };
}
