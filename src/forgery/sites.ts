/**
 * Where to put an elliptical local edit inside a lung: random candidates in a zone of the lung's box, kept whole
 * inside the lung, off the marker corners and away from regions edited by earlier steps.
 */
import type { Rng } from '../domain/rng.js';
import type { GrayImage } from '../imaging/types.js';
import type { ForgeryParams } from './types.js';
import { estimateMidlineX, locateLung, zoneName } from './anatomy.js';
import type { LungLocator, PatientSide } from './anatomy.js';
import type { Ellipse } from './regions.js';
import { ellipseBox, hitsAvoid, noRoomError } from './local.js';

export interface LungSite {
  readonly e: Ellipse;
  readonly side: PatientSide;
  readonly lung: LungLocator;
  readonly zone: string;
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
}

const RING = 12;

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
  let loose: { e: Ellipse; side: PatientSide; lung: LungLocator } | undefined;
  let best: { e: Ellipse; side: PatientSide; lung: LungLocator; s: number } | undefined;
  const n = o.candidates ?? 60;
  // The requested zone first; when it has no fitting place (earlier edits, a small lung), anywhere in the lung.
  const zones: ReadonlyArray<readonly [number, number, number, number]> = [[a0, a1, d0, d1], [0.05, 0.95, 0.08, 0.92]];
  for (const [za0, za1, zd0, zd1] of zones) for (const side of sides) {
    if (best) break;
    const lung = locateLung(image, side, mid, params.hints);
    const { x0, x1, y0, y1 } = lung.box;
    const inLung = (e: Ellipse): boolean => {
      if (!lung.contains(Math.floor(e.cx), Math.floor(e.cy))) return false;
      for (let k = 0; k < RING; k++) {
        const t = (k / RING) * Math.PI * 2;
        if (!lung.contains(Math.floor(e.cx + e.ax * Math.cos(t)), Math.floor(e.cy + e.ay * Math.sin(t)))) return false;
      }
      return true;
    };
    for (let k = 0; k < n; k++) {
      const u = rng.range(za0, za1);
      const cx = side === 'right' ? x1 - u * (x1 - x0) : x0 + u * (x1 - x0);
      const cy = y0 + rng.range(zd0, zd1) * (y1 - y0);
      const e: Ellipse = { cx, cy, ax: o.ax, ay: o.ay };
      if (!inImage(e) || !clear(e)) continue;
      loose ??= { e, side, lung };
      if (!inLung(e)) continue;
      if (!o.score) return { e, side, lung, zone: zoneName(side, cy, lung.box) };
      const s = o.score(e);
      if (!best || s > best.s) best = { e, side, lung, s };
    }
  }
  const pick = best ?? loose;
  if (!pick) {
    // Lung boxes too small for the patch (odd images): try the image centre of each half before giving up.
    for (const side of sides) {
      const e: Ellipse = { cx: side === 'right' ? mid * 0.55 : mid + (w - mid) * 0.45, cy: h * 0.45, ax: o.ax, ay: o.ay };
      if (inImage(e) && clear(e)) return { e, side, lung: locateLung(image, side, mid, params.hints), zone: `${side} mid zone` };
    }
    throw noRoomError(o.who, 'its patch');
  }
  return { e: pick.e, side: pick.side, lung: pick.lung, zone: zoneName(pick.side, pick.e.cy, pick.lung.box) };
}
