/**
 * A8 implausible gas shadow: a gastric bubble painted under the left hemidiaphragm (image right) as a stereotyped
 * shape: a perfect circle or smooth ellipse, uniformly dark, with a razor-sharp rim and no fluid level. Real fundal
 * gas is moulded by rugae and the diaphragm (a flat or lobulated roof, a horizontal air-fluid level when erect) and
 * its edge blurs over a few pixels with the soft-tissue wall; generators render it as a clean stamped shape.
 */
import { pointInPolygon, polygonBounds } from '../domain/geometry.js';
import type { Polygon } from '../domain/geometry.js';
import type { Difficulty } from '../domain/tells.js';
import type { Rng } from '../domain/rng.js';
import type { GrayImage } from '../imaging/types.js';
import type { ForgeryParams, ForgeryResult, Technique } from './types.js';
import { estimateMidlineX, locateLung } from './anatomy.js';
import type { LungLocator } from './anatomy.js';
import { gaussianBlur, toFloat, toGrayImage } from './filters.js';
import { cropAt, cropOf, ellipseBox, hitsAvoid, makeTell, noRoomError } from './local.js';
import type { Ellipse } from './regions.js';
import { ellipsePixels, ellipsePolygon, ellipseRho } from './regions.js';

interface Level {
  readonly r: number; // mean radius, fraction of the width
  readonly aspect: number; // ax / ay (1 = perfect circle)
  readonly contrast: number; // darker than the local background, fraction of the window width
  readonly fill: number; // how much of the film's grain inside is replaced by a flat value (1 = all)
  readonly strength: number;
}

const LEVELS: Readonly<Record<Difficulty, Level>> = {
  obvious: { r: 0.045, aspect: 1, contrast: 0.22, fill: 1, strength: 0.8 },
  subtle: { r: 0.037, aspect: 1.3, contrast: 0.12, fill: 0.85, strength: 0.5 },
  expert: { r: 0.03, aspect: 1.15, contrast: 0.07, fill: 0.6, strength: 0.3 },
};

const HOW: Readonly<Record<Difficulty, string>> = {
  obvious: 'Fit to window, look under the left hemidiaphragm (image right): the gastric bubble is a perfect dark disc, evenly black, with no fluid level and no rugal folds.',
  subtle: 'Zoom to 200% under the left hemidiaphragm (image right): the gas bubble is a smooth ellipse with a knife-sharp rim all round, no flat fluid level and no lobulation.',
  expert: 'With the loupe (M) and a narrow window, trace the rim of the fundal gas under the left hemidiaphragm (image right): it is crisper than any soft-tissue edge nearby and its outline is a geometric curve, with no air-fluid level.',
};

/** Lowest lung row at column x (the hemidiaphragm's top there), walking down from the lung box centre. */
function domeAt(lung: LungLocator, x: number, h: number): number {
  const { y0, y1 } = lung.box;
  let last = (y0 + y1) / 2;
  for (let y = Math.floor((y0 + y1) / 2); y < Math.min(h, y1 + 2); y++) if (lung.contains(Math.floor(x), y)) last = y;
  return last;
}

function chooseBubble(image: GrayImage, params: ForgeryParams, rng: Rng, p: Level): Ellipse {
  const { width: w, height: h } = image;
  const mid = estimateMidlineX(image, params.hints);
  const hinted = params.hints?.lungs?.left;
  const lung = locateLung(image, 'left', mid, params.hints);
  const rr = p.r * w * rng.range(0.9, 1.1);
  const ax = rr * Math.sqrt(p.aspect);
  const ay = rr / Math.sqrt(p.aspect);
  const fits = (e: Ellipse): boolean =>
    e.cx - e.ax > 2 && e.cx + e.ax < w - 2 && e.cy - e.ay > h * 0.15 && e.cy + e.ay < h * 0.95 &&
    !hitsAvoid(ellipseBox(e), params.hints?.avoid) &&
    !(params.hints?.mediastinum && pointInPolygon({ x: e.cx, y: e.cy }, params.hints.mediastinum));
  // The fundus sits under the middle of the left dome. Among places just under it, take the darkest: that is where
  // the film's own fundal gas is, so the stamped bubble replaces it instead of sitting beside a second one.
  // Without a left lung found (a film without hints), only the last resort below is left.
  let best: { e: Ellipse; dark: number } | undefined;
  for (let k = 0; lung && k < 24; k++) {
    const { x0, x1 } = lung.box;
    const u = k === 0 ? 0.5 : rng.range(0.3, 0.75);
    const cx = x0 + u * (x1 - x0);
    // With hints, just under the lung outline; without, under the dark lung's lowest rows, where the dome usually is.
    const top = hinted ? lowestHintY(hinted, cx) : domeAt(lung, cx, h);
    const cy = top + ay * (1.2 + (k === 0 ? 0 : rng.range(0, 1.2)));
    const e: Ellipse = { cx, cy, ax, ay };
    if (!fits(e)) continue;
    const dark = -meanUnder(image, e);
    if (!best || dark > best.dark) best = { e, dark };
  }
  if (best) return best.e;
  // Lower right third of the thorax, as a last resort (e.g. a dark abdomen confused the lung split).
  const e: Ellipse = { cx: mid + (w - mid) * 0.45, cy: h * 0.72, ax, ay };
  if (fits(e)) return e;
  throw noRoomError('round-gastric-bubble', 'a gastric bubble');
}

/** Mean stored value on a sparse grid inside the ellipse. */
function meanUnder(image: GrayImage, e: Ellipse): number {
  let s = 0;
  let n = 0;
  for (let v = -0.8; v <= 0.8; v += 0.2) {
    for (let u = -0.8; u <= 0.8; u += 0.2) {
      if (u * u + v * v > 0.81) continue;
      s += image.data[Math.floor(e.cy + v * e.ay) * image.width + Math.floor(e.cx + u * e.ax)] as number;
      n++;
    }
  }
  return s / Math.max(1, n);
}

/** The lowest point of the hinted lung outline along column x (polygon crossings), else its box bottom. */
function lowestHintY(poly: Polygon, x: number): number {
  const b = polygonBounds(poly);
  let low = -Infinity;
  for (let y = Math.floor(b.y0); y <= Math.ceil(b.y1); y++) if (pointInPolygon({ x, y }, poly)) low = y;
  return Number.isFinite(low) ? low : b.y1;
}

function apply(image: GrayImage, params: ForgeryParams, rng: Rng): ForgeryResult {
  const p = LEVELS[params.level];
  const { width: w, height: h } = image;
  const e = chooseBubble(image, params, rng.fork('placement'), p);
  const src = toFloat(image);
  const crop = cropOf(src, w, h, ellipseBox(e), 12);
  const smooth = { ...crop, data: gaussianBlur(crop.data, crop.w, crop.h, Math.max(3, e.ay * 0.5)) };
  // One flat gas value for the whole bubble: the background at its centre, minus the contrast.
  const gas = cropAt(smooth, Math.floor(e.cx), Math.floor(e.cy)) - p.contrast * image.windowWidth;
  const out = src.slice();
  const range = ellipsePixels(e, w, h);
  const rim = 0.7 / Math.min(e.ax, e.ay); // about one pixel of anti-aliasing: a razor-sharp edge
  for (let y = range.y0; y < range.y1; y++) {
    for (let x = range.x0; x < range.x1; x++) {
      const cover = Math.min(1, Math.max(0, (1 - ellipseRho(e, x, y)) / rim));
      if (cover <= 0) continue;
      const i = y * w + x;
      const here = src[i] as number;
      // Grain kept in proportion to 1 - fill; the rest is the flat gas value.
      const flat = gas + (1 - p.fill) * (here - cropAt(smooth, x, y));
      out[i] = here + cover * (flat - here);
    }
  }
  const shape = p.aspect === 1 ? 'a perfect circle' : 'a smooth, regular ellipse';
  const tell = makeTell(
    'A8',
    [ellipsePolygon(e, 1.5)],
    p.strength,
    `The gastric bubble under the left hemidiaphragm is ${shape}, uniformly dark, with a razor-sharp rim and no air-fluid level. ` +
      'Real fundal gas is moulded by the diaphragm and gastric folds, so its roof follows the dome and its margin is lobulated and slightly blurred, and on an erect film it sits on a flat fluid level.',
    HOW[params.level],
  );
  return { image: toGrayImage(out, image), tells: [tell] };
}

export const roundGastricBubble: Technique = {
  id: 'round-gastric-bubble',
  name: 'Stamped gastric bubble',
  artifactIds: ['A8'],
  scope: 'local',
  marginPx: 1,
  apply,
};
