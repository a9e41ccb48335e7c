/**
 * Positioning measurements for perfect-positioning (T4): how far the patient's midline strays from the image's
 * central column, and the shutter margins on each side.
 */
import type { GrayImage } from '../../../src/imaging/types.js';
import { detectField, estimateMidlineAxis } from '../../../src/forgery/positioning.js';
import { outputOf, type Reframe } from '../../../src/forgery/perfect-positioning.js';

/**
 * The statistic of perfect-positioning: the largest horizontal distance (px) between the patient's midline and the
 * image's central column over the upper chest (8%..50% of the field height), with the midline found by the
 * technique's own estimator (mirror correlation of row bands, robust line). The estimator is shared on purpose: the
 * test checks that the transform puts the axis it found where it says; measureMargins below is independent.
 */
export function midlineDeviation(img: GrayImage): number {
  const field = detectField(img).box;
  const axis = estimateMidlineAxis(img, field);
  const fh = field.y1 - field.y0;
  const at = (t: number): number => Math.abs(axis.a + axis.b * (field.y0 + t * fh - axis.yc) - img.width / 2);
  return Math.max(at(0.08), at(0.5));
}

/** Midline tilt in degrees (same estimator). */
export function midlineTiltDeg(img: GrayImage): number {
  return (Math.atan(estimateMidlineAxis(img, detectField(img).box).b) * 180) / Math.PI;
}

/** Shutter margins: how many whole columns/rows at each edge hold one value along their middle half (+-0.2% of full scale). */
export function measureMargins(img: GrayImage): { left: number; right: number; top: number; bottom: number } {
  const { width: w, height: h, data } = img;
  const max = 2 ** img.bitsStored - 1;
  const flat = (vals: (k: number) => number, n: number): boolean => {
    // One value along the middle half of the line: a drawn shutter (the film's own white or black), never anatomy.
    const first = vals(Math.floor(n / 2));
    for (let k = Math.floor(n * 0.25); k < n * 0.75; k++) if (Math.abs(vals(k) - first) > 0.002 * max) return false;
    return true;
  };
  const count = (n: number, isFlat: (i: number) => boolean): number => {
    let c = 0;
    while (c < n / 3 && isFlat(c)) c++;
    return c;
  };
  return {
    left: count(w, (i) => flat((k) => data[k * w + i] as number, h)),
    right: count(w, (i) => flat((k) => data[k * w + (w - 1 - i)] as number, h)),
    top: count(h, (i) => flat((k) => data[i * w + k] as number, w)),
    bottom: count(h, (i) => flat((k) => data[(h - 1 - i) * w + k] as number, w)),
  };
}

/** Where the marker's source pixel (x, y) (its centre) shows in the output: laid down by a whole-pixel shift, else outputOf. */
export function shownAt(plan: Reframe, x: number, y: number): { x: number; y: number } {
  if (plan.markerAt && !plan.warp) return { x: x + plan.markerAt.x0 - plan.marker.x0, y: y + plan.markerAt.y0 - plan.marker.y0 };
  return outputOf(plan, x, y);
}
