/**
 * A7 non-physiologic lung vessels: in one lung zone the native markings are replaced by a small patch of this
 * image's own lung, tiled with soft (tent-weighted) seams. Generators learn lung markings as a stationary texture,
 * not as a branching tree, so their vessels repeat, stop branching and keep one calibre out to the periphery; the
 * tiling reproduces exactly that: the same few vessel fragments recur at a fixed period across the zone.
 */
import type { Difficulty } from '../domain/index.js';
import type { Rng } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { ForgeryParams, ForgeryResult, Technique } from './types.js';
import { gaussianBlur, toFloat, toGrayImage } from './filters.js';
import { cropAt, cropOf, ellipseBox, makeTell } from './local.js';
import type { Crop } from './local.js';
import { ellipsePixels, ellipsePolygon, ellipseRho, featherWeight } from './regions.js';
import { nestedSite } from './sites.js';

interface Level {
  readonly ax: number; // semi-axes of the edited zone, fractions of the width
  readonly ay: number;
  readonly tile: number; // tile side, fraction of the width (at least 12 px)
  readonly mix: number; // how much of the native texture is replaced (1 = all)
  readonly gain: number; // contrast of the tiled texture relative to the donor's
  readonly strength: number;
}

const LEVELS: Readonly<Record<Difficulty, Level>> = {
  obvious: { ax: 0.1, ay: 0.09, tile: 0.05, mix: 1, gain: 2.2, strength: 0.8 },
  subtle: { ax: 0.085, ay: 0.075, tile: 0.06, mix: 0.9, gain: 1.4, strength: 0.5 },
  expert: { ax: 0.07, ay: 0.06, tile: 0.07, mix: 0.7, gain: 1.05, strength: 0.3 },
};

/** Sigma of the low-pass that keeps the zone's own brightness trend; only the detail above it is replaced. */
const BASE_SIGMA_OF_TILE = 0.35;

const HOW: Readonly<Record<Difficulty, (z: string) => string>> = {
  obvious: (z) => `At the default window, look at the ${z}: the markings form a regular wallpaper pattern, the same short vessel fragments repeating in rows and columns.`,
  subtle: (z) => `Follow the vessels from the hilum outwards into the ${z} at 200%: they stop branching and the same little cluster of markings recurs at a fixed spacing, without thinning toward the pleura.`,
  expert: (z) => `With the loupe (M) and a narrow window, scan the ${z} for a pattern you have already seen a few millimetres away: identical vessel fragments recur at a fixed period, and none of them taper.`,
};

/** The donor tile (a square of side t) with the most vessel detail: highest high-pass energy among candidates. */
function pickDonor(detail: Crop, t: number, cx: number, cy: number, reach: number, rng: Rng): { x: number; y: number } {
  let best = { x: Math.round(cx - t / 2), y: Math.round(cy - t / 2) };
  let bestE = -1;
  for (let k = 0; k < 24; k++) {
    const x = Math.round(cx - t / 2 + rng.range(-reach, reach));
    const y = Math.round(cy - t / 2 + rng.range(-reach, reach));
    // Vessel energy minus the energy of the row means: rib borders cross the tile as long bands and would tile
    // into stripes of ribs; vessels are short, variously oriented fragments.
    let e = 0;
    for (let yy = 0; yy < t; yy += 2) {
      let row = 0;
      let n = 0;
      for (let xx = 0; xx < t; xx += 2) {
        const v = cropAt(detail, x + xx, y + yy);
        e += v * v;
        row += v;
        n++;
      }
      e -= 3 * (row * row) / n;
    }
    if (e > bestE) {
      bestE = e;
      best = { x, y };
    }
  }
  return best;
}

function apply(image: GrayImage, params: ForgeryParams, rng: Rng): ForgeryResult {
  const p = LEVELS[params.level];
  const { width: w, height: h } = image;
  const place = rng.fork('placement');
  // Nested in the 'obvious' patch (sites.ts): placed at its own size, 'subtle' landed on richer markings than
  // 'obvious' on demo film 738207658 and scored higher at fit-to-window (29.7 against 19.9).
  const size = (l: Level): { ax: number; ay: number } => ({ ax: l.ax * w, ay: l.ay * w });
  const site = nestedSite(image, params, [place, rng.fork('placement')], {
    who: 'repetitive-vessels', ...size(p), across: [0.4, 0.65], down: [0.35, 0.65], minScale: 0.7,
  }, size(LEVELS.obvious));
  const e = site.e;
  const t = Math.max(12, Math.round(p.tile * w));
  const src = toFloat(image);
  const sigma = Math.max(2, BASE_SIGMA_OF_TILE * t);
  const crop = cropOf(src, w, h, ellipseBox(e), Math.ceil(3 * sigma) + 2);
  const base: Crop = { ...crop, data: gaussianBlur(crop.data, crop.w, crop.h, sigma) };
  const detail: Crop = { ...crop, data: crop.data.map((v, i) => v - (base.data[i] as number)) };
  // The donor comes from inside the zone itself (the central half), so the pattern is this film's own lung.
  const donor = pickDonor(detail, t, e.cx, e.cy, Math.max(0, Math.min(e.ax, e.ay) * 0.5 - t / 2), place);
  const tileAt = (u: number, v: number): number => cropAt(detail, donor.x + u, donor.y + v);
  // Tiles on a stride of 3/4 of their side, each weighted by a tent over its own square: seams cross-fade softly.
  const stride = Math.max(4, Math.round(t * 0.75));
  const ox = Math.round(e.cx - e.ax);
  const oy = Math.round(e.cy - e.ay);
  const tiled = (x: number, y: number): number => {
    let s = 0;
    let ws = 0;
    const i0 = Math.floor((x - ox - t) / stride) + 1;
    const j0 = Math.floor((y - oy - t) / stride) + 1;
    for (let j = j0; j * stride <= y - oy; j++) {
      for (let i = i0; i * stride <= x - ox; i++) {
        const u = x - ox - i * stride;
        const v = y - oy - j * stride;
        if (u < 0 || v < 0 || u >= t || v >= t) continue;
        const wt = (1 - Math.abs((2 * u + 1) / t - 1)) * (1 - Math.abs((2 * v + 1) / t - 1)) + 1e-6;
        s += wt * tileAt(u, v);
        ws += wt;
      }
    }
    return ws > 0 ? s / ws : 0;
  };
  const out = src.slice();
  const range = ellipsePixels(e, w, h);
  for (let y = range.y0; y < range.y1; y++) {
    for (let x = range.x0; x < range.x1; x++) {
      const wgt = p.mix * featherWeight(ellipseRho(e, x, y), 0.25);
      if (wgt <= 0) continue;
      const i = y * w + x;
      const fake = cropAt(base, x, y) + p.gain * tiled(x, y);
      out[i] = (src[i] as number) + wgt * (fake - (src[i] as number));
    }
  }
  const tell = makeTell(
    'A7',
    [ellipsePolygon(e, 1)],
    p.strength,
    `The lung markings in the ${site.zone} are a repeated texture, not a vascular tree: the same short vessel fragments recur at a fixed spacing, they do not branch, and they do not taper or thin out toward the pleura. ` +
      'Real pulmonary vessels fan out from the hilum, divide and narrow steadily to the periphery; generators learn them as a texture and repeat it.',
    HOW[params.level](site.zone),
  );
  return { image: toGrayImage(out, image), tells: [tell] };
}

export const repetitiveVessels: Technique = {
  id: 'repetitive-vessels',
  name: 'Wallpaper lung markings',
  artifactIds: ['A7'],
  scope: 'local',
  marginPx: 1,
  apply,
};
