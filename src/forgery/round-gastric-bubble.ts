/**
 * A8 implausible gas shadow: a gastric bubble painted under the left hemidiaphragm (image right) as a stereotyped
 * shape: a perfect circle or smooth ellipse, uniformly dark, with a razor-sharp rim and no fluid level. Real fundal
 * gas is moulded by rugae and the diaphragm (a flat or lobulated roof, a horizontal air-fluid level when erect) and
 * its edge blurs over a few pixels with the soft-tissue wall; generators render it as a clean stamped shape. At
 * 'expert' the outline is a natural one (the honest twin's lobulation) and the grain is kept: only the razor-sharp
 * rim is left, which the loupe shows.
 */
import { pointInPolygon, polygonBounds } from '../domain/index.js';
import type { Polygon } from '../domain/index.js';
import type { Difficulty } from '../domain/index.js';
import type { Rng } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { ForgeryParams, ForgeryResult, Technique } from './types.js';
import { estimateMidlineX, locateLung } from './anatomy.js';
import type { LungLocator } from './anatomy.js';
import { gaussianBlur, smoothstep, toFloat, toGrayImage } from './filters.js';
import { cropAt, cropOf, ellipseBox, hitsAvoid, makeTell, noRoomError } from './local.js';
import type { Ellipse } from './regions.js';
import { ellipsePixels, ellipsePolygon, ellipseRho } from './regions.js';

/**
 * Real fundal gas is moulded by the rugae and the diaphragm: its outline wanders by several percent of its radius. The
 * honest rendering's outline is the ellipse with its radius modulated by a few low harmonics, LOBULATION times 1/k in
 * amplitude (times a random 0.5-1), with random phases; its rim blurs over REAL_RIM px with the soft-tissue wall, and
 * it keeps the film's grain.
 */
const LOBULATION = 0.12;
const HARMONICS = [2, 3, 4, 5, 6] as const;
const REAL_RIM = 3;
/** The stamp's edge: about a pixel of anti-aliasing, a razor-sharp rim. */
const STAMP_RIM = 0.7;

interface Level {
  readonly r: number; // mean radius, fraction of the width
  readonly aspect: number; // ax / ay (1 = perfect circle)
  readonly contrast: number; // darker than the local background, fraction of the window width
  readonly fill: number; // how much of the film's grain inside is replaced by a flat value (1 = all)
  readonly regular: number; // how much of a real bubble's lobulation the stamp smooths away (1 = a pure ellipse)
  readonly strength: number;
}

const LEVELS: Readonly<Record<Difficulty, Level>> = {
  obvious: { r: 0.045, aspect: 1, contrast: 0.22, fill: 1, regular: 1, strength: 0.8 },
  subtle: { r: 0.037, aspect: 1.3, contrast: 0.12, fill: 0.85, regular: 1, strength: 0.5 },
  expert: { r: 0.03, aspect: 1.15, contrast: 0.07, fill: 0, regular: 0, strength: 0.3 },
};

const HOW: Readonly<Record<Difficulty, string>> = {
  obvious: 'Fit to window, look under the left hemidiaphragm (image right): the gastric bubble is a perfect dark disc, evenly black, with no fluid level and no rugal folds.',
  subtle: 'Zoom to 200% under the left hemidiaphragm (image right): the gas bubble is a smooth ellipse with a knife-sharp rim all round, no flat fluid level and no lobulation.',
  expert: 'With the loupe (M) and a narrow window, trace the rim of the fundal gas under the left hemidiaphragm (image right): its outline is natural, but the edge is cut out, crisper than any soft-tissue edge nearby, where real gas blurs into the stomach wall over a few pixels.',
};

/** Lowest lung row at column x (the hemidiaphragm's top there), walking down from the lung box centre. */
function domeAt(lung: LungLocator, x: number, h: number): number {
  const { y0, y1 } = lung.box;
  let last = (y0 + y1) / 2;
  for (let y = Math.floor((y0 + y1) / 2); y < Math.min(h, y1 + 2); y++) if (lung.contains(Math.floor(x), y)) last = y;
  return last;
}

/** The ellipse scaled by `f` about its centre, plus `pad` px. */
const grown = (e: Ellipse, f: number, pad: number): Ellipse => ({ ...e, ax: e.ax * f + pad, ay: e.ay * f + pad });

/** Places the bubble; `grow` is how far its drawn outline may reach beyond the ellipse (lobulation), for the checks. */
function chooseBubble(image: GrayImage, params: ForgeryParams, rng: Rng, p: Level, grow: number): Ellipse {
  const { width: w, height: h } = image;
  const mid = estimateMidlineX(image, params.hints);
  const hinted = params.hints?.lungs?.left;
  const lung = locateLung(image, 'left', mid, params.hints);
  const rr = p.r * w * rng.range(0.9, 1.1);
  const ax = rr * Math.sqrt(p.aspect);
  const ay = rr / Math.sqrt(p.aspect);
  const fits = (ellipse: Ellipse): boolean => {
    const e = grow === 1 ? ellipse : grown(ellipse, grow, 0);
    return e.cx - e.ax > 2 && e.cx + e.ax < w - 2 && e.cy - e.ay > h * 0.15 && e.cy + e.ay < h * 0.95 &&
      !hitsAvoid(ellipseBox(e), params.hints?.avoid) &&
      !(params.hints?.mediastinum && pointInPolygon({ x: e.cx, y: e.cy }, params.hints.mediastinum));
  };
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
  throw noRoomError('round-gastric-bubble', 'a gastric bubble', hintsAvoid(params) ? 'under the left hemidiaphragm, away from the regions edited by earlier recipe steps' : 'under the left hemidiaphragm: the fundus lies outside this film\'s field');
}

const hintsAvoid = (params: ForgeryParams): boolean => (params.hints?.avoid?.length ?? 0) > 0;

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

/** The natural outline: radius factor at angle t (ellipse parameter angle); at most 1 + LOBULATION * 1.45. */
function lobes(rng: Rng): (t: number) => number {
  const terms = HARMONICS.map((k) => ({ k, a: (LOBULATION * rng.range(0.5, 1)) / k, ph: rng.range(0, 2 * Math.PI) }));
  return (t) => 1 + terms.reduce((s, { k, a, ph }) => s + a * Math.cos(k * t + ph), 0);
}
const MAX_LOBE = 1 + LOBULATION * HARMONICS.reduce((s, k) => s + 1 / k, 0);

/** The drawn outline (the ellipse with `share` of the lobulation) as a polygon, `pad` px outside it. */
function outlinePolygon(e: Ellipse, outline: (t: number) => number, share: number, pad: number): Polygon {
  return Array.from({ length: 64 }, (_, k) => {
    const t = (2 * Math.PI * k) / 64;
    const f = 1 + share * (outline(t) - 1);
    return { x: e.cx + (e.ax * f + pad) * Math.cos(t), y: e.cy + (e.ay * f + pad) * Math.sin(t) };
  });
}

/**
 * Draws the bubble; `honest` draws it as real fundal gas would look (a lobulated outline, a soft rim, the film's grain
 * kept). The stamp lacks the level's share of the lobulation (`regular`), has a razor-sharp rim (STAMP_RIM) and
 * flattens the level's share (`fill`) of the film's texture inside.
 */
function render(image: GrayImage, params: ForgeryParams, rng: Rng, honest: boolean): ForgeryResult {
  const p = LEVELS[params.level];
  const { width: w, height: h } = image;
  const e = chooseBubble(image, params, rng.fork('placement'), p, 1 + (1 - p.regular) * (MAX_LOBE - 1));
  const outline = lobes(rng.fork('rim'));
  const regular = honest ? 0 : p.regular;
  const fill = honest ? 0 : p.fill;
  const src = toFloat(image);
  // The lobes reach past the ellipse by up to (MAX_LOBE - 1) of its radius.
  const crop = cropOf(src, w, h, ellipseBox(e), 12 + Math.ceil((MAX_LOBE - 1) * Math.max(e.ax, e.ay)));
  const smooth = { ...crop, data: gaussianBlur(crop.data, crop.w, crop.h, Math.max(3, e.ay * 0.5)) };
  // One flat gas value for the whole bubble: the background at its centre, minus the contrast.
  const gas = cropAt(smooth, Math.floor(e.cx), Math.floor(e.cy)) - p.contrast * image.windowWidth;
  const out = src.slice();
  const range = ellipsePixels(regular < 1 ? grown(e, 1 + (1 - regular) * (MAX_LOBE - 1), 2) : e, w, h);
  const rim = STAMP_RIM / Math.min(e.ax, e.ay);
  const real = REAL_RIM / Math.min(e.ax, e.ay);
  for (let y = range.y0; y < range.y1; y++) {
    for (let x = range.x0; x < range.x1; x++) {
      let rho = ellipseRho(e, x, y);
      if (regular < 1) rho /= 1 + (1 - regular) * (outline(Math.atan2((y + 0.5 - e.cy) / e.ay, (x + 0.5 - e.cx) / e.ax)) - 1);
      // The stamp's edge is a linear ramp of STAMP_RIM; a real rim blurs over REAL_RIM, centred on the stamp's.
      const cover = honest ? smoothstep((1 - rho - rim / 2) / real + 0.5) : Math.min(1, Math.max(0, (1 - rho) / rim));
      if (cover <= 0) continue;
      const i = y * w + x;
      const here = src[i] as number;
      // Grain kept in proportion to 1 - fill; the rest is the flat gas value.
      const flat = gas + (1 - fill) * (here - cropAt(smooth, x, y));
      out[i] = here + cover * (flat - here);
    }
  }
  const shape = p.aspect === 1 ? 'a perfect circle' : 'a smooth, regular ellipse';
  const drawn = p.regular === 1 ? `is ${shape}, ${p.fill > 0.5 ? 'uniformly dark, ' : ''}with` : 'has';
  const tell = makeTell(
    'A8',
    [p.regular === 1 ? ellipsePolygon(e, 1.5) : outlinePolygon(e, outline, 1 - p.regular, 1.5)],
    p.strength,
    `The gastric bubble under the left hemidiaphragm ${drawn} a razor-sharp rim and no air-fluid level. ` +
      'Real fundal gas is moulded by the diaphragm and gastric folds, so its roof follows the dome and its margin is lobulated and slightly blurred, never cut to a razor edge, and on an erect film it sits on a flat fluid level.',
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
  apply: (image, params, rng) => render(image, params, rng, false),
  withoutTell: (image, params, rng) => render(image, params, rng, true).image,
};
