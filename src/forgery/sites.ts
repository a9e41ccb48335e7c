/**
 * Where to put an elliptical local edit inside a lung: random candidates in a zone of the lung's box, kept whole
 * inside the lung, off the marker corners and away from regions edited by earlier steps. Never outside a lung: with
 * no fitting place on either side (or no lung found on a film without hints) it throws a "no room" error.
 */
import type { Rng } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { ForgeryParams } from './types.js';
import { estimateMidlineX, locateLung, zoneName } from './anatomy.js';
import type { LungLocator, PatientSide } from './anatomy.js';
import type { Ellipse } from './regions.js';
import { IN_LUNG, NO_LUNG, NoRoomError, ellipseBox, hitsAvoid, noRoomError } from './local.js';

export interface LungSite {
  readonly e: Ellipse;
  readonly side: PatientSide;
  readonly lung: LungLocator;
  readonly zone: string;
  /** The patch's size relative to the one asked for: 1 unless it had to shrink (SiteOptions.minScale). */
  readonly scale: number;
}

export interface SiteOptions {
  readonly who: string;
  /** Semi-axes in px. */
  readonly ax: number;
  readonly ay: number;
  /** Fractions of the lung box (0 = medial edge, 1 = lateral edge) and (0 = apex, 1 = base) for the centre. */
  readonly across?: readonly [number, number];
  readonly down?: readonly [number, number];
  readonly side?: PatientSide;
  /** Extra boxes (besides params.hints.avoid) to keep clear of, e.g. a donor patch. */
  readonly alsoAvoid?: readonly Ellipse[];
  /** Score a candidate (higher is better); without it the first fitting candidate wins. */
  readonly score?: (e: Ellipse) => number;
  readonly candidates?: number;
  /**
   * When the patch fits nowhere whole inside a lung, it may shrink (by 15% a step) down to this fraction of its size
   * before the site gives up; 1 (the default) never shrinks. For patches whose size is not part of the tell.
   */
  readonly minScale?: number;
}

/** Whether the ellipse's centre and `ring` points around its outline lie in the lung (lung masks have no holes). */
export function ellipseInLung(lung: LungLocator, e: Ellipse, ring = 12): boolean {
  if (!lung.contains(Math.floor(e.cx), Math.floor(e.cy))) return false;
  for (let k = 0; k < ring; k++) {
    const t = (k / ring) * Math.PI * 2;
    if (!lung.contains(Math.floor(e.cx + e.ax * Math.cos(t)), Math.floor(e.cy + e.ay * Math.sin(t)))) return false;
  }
  return true;
}

export function lungSite(image: GrayImage, params: ForgeryParams, rng: Rng, o: SiteOptions): LungSite {
  const { width: w, height: h } = image;
  const mid = estimateMidlineX(image, params.hints);
  const first: PatientSide = o.side ?? (rng.chance(0.5) ? 'right' : 'left');
  const sides: PatientSide[] = o.side ? [o.side] : [first, first === 'right' ? 'left' : 'right'];
  const [a0, a1] = o.across ?? [0.2, 0.8];
  const [d0, d1] = o.down ?? [0.25, 0.75];
  const avoid = params.hints?.avoid;
  const clear = (e: Ellipse): boolean =>
    !hitsAvoid(ellipseBox(e), avoid) &&
    !(o.alsoAvoid ?? []).some((b) => Math.abs(b.cx - e.cx) < b.ax + e.ax + 4 && Math.abs(b.cy - e.cy) < b.ay + e.ay + 4);
  const inImage = (e: Ellipse): boolean =>
    e.cx - e.ax > 2 && e.cy - e.ay > h * 0.1 && e.cx + e.ax < w - 2 && e.cy + e.ay < h * 0.92;
  let best: { e: Ellipse; side: PatientSide; lung: LungLocator; s: number; scale: number } | undefined;
  const n = o.candidates ?? 60;
  // Each side's lung, located once (undefined: none found on a film without hints, so that side is skipped).
  const lungs = new Map<PatientSide, LungLocator | undefined>();
  const lungOf = (side: PatientSide): LungLocator | undefined => {
    if (!lungs.has(side)) lungs.set(side, locateLung(image, side, mid, params.hints));
    return lungs.get(side);
  };
  // The requested zone first; when it has no fitting place (earlier edits, a small lung), anywhere in the lung; then,
  // if allowed, the same with a smaller patch.
  const zones: ReadonlyArray<readonly [number, number, number, number]> = [[a0, a1, d0, d1], [0.05, 0.95, 0.08, 0.92]];
  for (let scale = 1; !best && scale >= (o.minScale ?? 1) - 1e-9; scale *= 0.85) {
    for (const [za0, za1, zd0, zd1] of zones) for (const side of sides) {
      if (best) break;
      const lung = lungOf(side);
      if (!lung) continue;
      const { x0, x1, y0, y1 } = lung.box;
      for (let k = 0; k < n; k++) {
        const u = rng.range(za0, za1);
        const cx = side === 'right' ? x1 - u * (x1 - x0) : x0 + u * (x1 - x0);
        const cy = y0 + rng.range(zd0, zd1) * (y1 - y0);
        const e: Ellipse = { cx, cy, ax: o.ax * scale, ay: o.ay * scale };
        if (!inImage(e) || !clear(e) || !ellipseInLung(lung, e)) continue;
        if (!o.score) return { e, side, lung, zone: zoneName(side, cy, lung.box), scale };
        const s = o.score(e);
        if (!best || s > best.s) best = { e, side, lung, s, scale };
      }
    }
  }
  // Never outside the lung: a patch in soft tissue or beside the chest teaches nothing.
  if (!best) throw noRoomError(o.who, 'its patch', sides.some((side) => lungOf(side)) ? IN_LUNG : NO_LUNG);
  return { e: best.e, side: best.side, lung: best.lung, zone: zoneName(best.side, best.e.cy, best.lung.box), scale: best.scale };
}

/**
 * A site for a level's patch (`o`, its own size) nested in the 'obvious' patch (`obvious`, semi-axes in px): placed as
 * 'obvious' would be (the same draws at its size) and shrunk about that centre, so all levels edit the same lung and
 * keep their order. Placed at its own size, a harder level sometimes landed on richer structure than 'obvious' and
 * showed more at fit-to-window (tests/unit/forgery/visibility.test.ts, demo films). Where the 'obvious' size fits
 * nowhere, the level's own size is placed with `draws[1]`.
 */
export function nestedSite(image: GrayImage, params: ForgeryParams, draws: readonly [Rng, Rng], o: SiteOptions, obvious: { ax: number; ay: number }): LungSite {
  try {
    const s = lungSite(image, params, draws[0], { ...o, ...obvious });
    return { ...s, e: { ...s.e, ax: (s.e.ax * o.ax) / obvious.ax, ay: (s.e.ay * o.ay) / obvious.ay } };
  } catch (err) {
    if (!(err instanceof NoRoomError)) throw err;
    return lungSite(image, params, draws[1], o);
  }
}
