/**
 * D1 inserted device: an ECG electrode and its lead wire are drawn onto the chest too cleanly: a smooth curve of
 * constant width and density with razor-sharp edges and no grain, ending in a perfect round snap. A real lead
 * varies in density where it twists and carries the film's mottle; how sharp it is depends on the projection (on an
 * AP film it lies far from the detector and is blurred, on a PA film against it and sharp), so the text says which. Devices are authenticity cues in real images; editors add or remove them (PRISM, arXiv 2503.00196).
 */
import type { Point } from '../domain/index.js';
import type { Difficulty } from '../domain/index.js';
import type { Rng } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { ForgeryParams, ForgeryResult, Technique } from './types.js';
import { gaussianBlur, toFloat, toGrayImage } from './filters.js';
import { smallGaussianBlur } from './kernels.js';
import { cropAt, cropOf, hitsAvoid, makeTell, noRoomError } from './local.js';
import { ellipsePolygon } from './regions.js';
import { lungSite } from './sites.js';
import { segmentDistance, strokePolygon } from './strokes.js';

interface Level {
  readonly halfWidth: (w: number) => number;
  readonly contrast: number; // fraction of the window width
  readonly electrode: number; // radius, fraction of the width
  readonly length: number; // fraction of the height
  readonly edgeBlur: number; // sigma (px) of the drawn device's edge blur (0 = razor-sharp; a real lead's is REAL_BLUR)
  readonly grainLoss: number; // how much of the film's grain the drawn device replaces with a clean value (1 = all)
  readonly strength: number;
}

const LEVELS: Readonly<Record<Difficulty, Level>> = {
  obvious: { halfWidth: (w) => Math.max(1.5, 0.0022 * w), contrast: 0.3, electrode: 0.014, length: 0.3, edgeBlur: 0, grainLoss: 1, strength: 0.8 },
  subtle: { halfWidth: (w) => Math.max(1.1, 0.0014 * w), contrast: 0.15, electrode: 0.011, length: 0.22, edgeBlur: 0, grainLoss: 1, strength: 0.5 },
  expert: { halfWidth: (w) => Math.max(0.9, 0.001 * w), contrast: 0.08, electrode: 0.009, length: 0.16, edgeBlur: 0.6, grainLoss: 0.7, strength: 0.3 },
};

const HOW: Readonly<Record<Difficulty, string>> = {
  obvious: 'At the default window an ECG lead crosses the chest; zoom on the wire: it has perfectly even width and density, knife-sharp edges and no grain on it.',
  subtle: 'Zoom to 200% on the thin lead over the lung: its edges are knife-sharp, its density never changes, the lung\'s grain stops at the wire, and the electrode is a flawless ring.',
  expert: 'With the loupe (M) and a narrow window, compare the faint wire with the grain beside it: the wire itself is smoother and more uniform than the film beside it, as if drawn on the film rather than exposed with it.',
};

/**
 * How sharp a real lead on the front of the chest is depends on its distance from the detector: on a PA film the
 * anterior chest lies against it, so real electrodes are sharper than the posterior ribs, and a rule "sharper than
 * the ribs means drawn" would flag the real PA films of the deck.
 */
const SHARPNESS: Readonly<Record<'AP' | 'PA' | 'unknown', string>> = {
  AP: 'On this AP film the front of the chest, where leads lie, is far from the detector, so a real lead is magnified and a little blurred, softer than the posterior ribs; this one is not.',
  PA: 'On this PA film the front of the chest lies against the detector, so a real lead there is sharp, often sharper than the posterior ribs: judge this one by its missing grain and its uniformity, not by its sharpness.',
  unknown: 'Sharpness alone decides nothing: a lead on the front of the chest is blurred on an AP film (far from the detector) but sharp on a PA film (against it); the missing grain and the uniformity are what give this one away.',
};

const SAMPLES = 40;

function bezier(p0: Point, p1: Point, p2: Point, p3: Point, t: number): Point {
  const u = 1 - t;
  return {
    x: u * u * u * p0.x + 3 * u * u * t * p1.x + 3 * u * t * t * p2.x + t * t * t * p3.x,
    y: u * u * u * p0.y + 3 * u * u * t * p1.y + 3 * u * t * t * p2.y + t * t * t * p3.y,
  };
}

/**
 * A real lead lies on the skin, some way from the detector: geometric unsharpness and the detector's spread blur its
 * edges over about a pixel (the sigma, px, of the honest rendering's blur), and it is exposed with the film, so the
 * film's grain runs across it.
 */
const REAL_BLUR = 1;

/** Draws the lead; `honest` draws it as a real one would look (blurred edges, the film's grain kept on it). */
function render(image: GrayImage, params: ForgeryParams, rng: Rng, honest: boolean): ForgeryResult {
  const p = LEVELS[params.level];
  const { width: w, height: h } = image;
  const place = rng.fork('placement');
  const re = p.electrode * w;
  const hw = p.halfWidth(w);
  const len = p.length * h;
  let path: Point[] | undefined;
  let site: ReturnType<typeof lungSite> | undefined;
  for (let attempt = 0; attempt < 8 && !path; attempt++) {
    site = lungSite(image, params, place, { who: 'inserted-device', ax: re + 2, ay: re + 2, across: [0.3, 0.7], down: [0.35, 0.7] });
    const { cx, cy } = site.e;
    const out = site.side === 'right' ? -1 : 1; // towards the patient's side wall
    const down = place.chance(0.5) ? 1 : -1;
    const p0 = { x: cx, y: cy };
    const p3 = { x: cx + out * len * place.range(0.3, 0.5), y: cy + down * len * place.range(0.8, 0.95) };
    const p1 = { x: cx + out * len * place.range(-0.15, 0.1), y: cy + down * len * 0.35 };
    const p2 = { x: p3.x - out * len * place.range(0.05, 0.2), y: p3.y - down * len * 0.3 };
    const pts = Array.from({ length: SAMPLES + 1 }, (_, k) => bezier(p0, p1, p2, p3, k / SAMPLES));
    const inside = pts.every((q) => q.x > hw + 4 && q.x < w - hw - 4 && q.y > 0.12 * h && q.y < 0.95 * h);
    const xs = pts.map((q) => q.x);
    const ys = pts.map((q) => q.y);
    const bb = { x0: Math.min(...xs) - re, y0: Math.min(...ys) - re, x1: Math.max(...xs) + re, y1: Math.max(...ys) + re };
    if (inside && !hitsAvoid(bb, params.hints?.avoid)) path = pts;
  }
  if (!path || !site) throw noRoomError('inserted-device', 'an ECG lead');
  const src = toFloat(image);
  const xs = path.map((q) => q.x);
  const ys = path.map((q) => q.y);
  const box = { x0: Math.min(...xs) - re - 2, y0: Math.min(...ys) - re - 2, x1: Math.max(...xs) + re + 2, y1: Math.max(...ys) + re + 2 };
  const crop = cropOf(src, w, h, box, 8);
  const smooth = { ...crop, data: gaussianBlur(crop.data, crop.w, crop.h, 2.5) };
  const c = p.contrast * image.windowWidth;
  const e0 = path[0] as Point;
  // How much of the device covers each pixel of the crop: the wire and the electrode, with about a pixel of
  // anti-aliasing (a razor-sharp edge). Double precision, so that the unblurred levels draw exactly what they did.
  const cover = new Float64Array(crop.w * crop.h);
  for (let y = crop.y0; y < crop.y0 + crop.h; y++) {
    for (let x = crop.x0; x < crop.x0 + crop.w; x++) {
      let dist = Infinity;
      for (let k = 0; k < SAMPLES; k++) dist = Math.min(dist, segmentDistance(x + 0.5, y + 0.5, path[k] as Point, path[k + 1] as Point, true));
      const wire = Math.min(1, Math.max(0, hw + 0.5 - dist));
      // Electrode: a bright ring with a brighter centre stud, perfectly round.
      const rr = Math.hypot(x + 0.5 - e0.x, y + 0.5 - e0.y);
      const ring = Math.min(1, Math.max(0, re + 0.5 - rr)) * (rr > 0.7 * re || rr < 0.3 * re ? 1 : 0.35);
      cover[(y - crop.y0) * crop.w + (x - crop.x0)] = Math.max(wire, ring);
    }
  }
  // The honest lead spreads the same density over blurred edges; the drawn one over less blur, or none.
  const blur = honest ? REAL_BLUR : p.edgeBlur;
  const soft = blur > 0 ? smallGaussianBlur(Float32Array.from(cover), crop.w, crop.h, blur) : cover;
  const res = src.slice();
  for (let y = crop.y0; y < crop.y0 + crop.h; y++) {
    for (let x = crop.x0; x < crop.x0 + crop.w; x++) {
      const cv = soft[(y - crop.y0) * crop.w + (x - crop.x0)] as number;
      if (cv <= 0) continue;
      const i = y * w + x;
      const here = src[i] as number;
      // A real device adds its density to the film, grain and all. The drawn one replaces the film's grain with a
      // clean value (smoothed background plus a constant density), all of it or the level's share.
      if (honest) res[i] = here + cv * c;
      else if (p.grainLoss === 1) res[i] = here + cv * (cropAt(smooth, x, y) + c - here);
      else res[i] = here + cv * (c + p.grainLoss * (cropAt(smooth, x, y) - here));
    }
  }
  const tell = makeTell(
    'D1',
    [strokePolygon(path, hw + 1.5), ellipsePolygon({ cx: e0.x, cy: e0.y, ax: re, ay: re }, 1.5)],
    p.strength,
    `The ECG lead over the ${site.zone} was added afterwards: its wire has exactly the same width and density along its whole length, crisp edges like a drawn line, and little or none of the film's quantum mottle on it. ` +
      `A real lead is exposed with the film, so it carries the same grain. ${SHARPNESS[params.hints?.projection ?? 'unknown']}`,
    HOW[params.level],
  );
  return { image: toGrayImage(res, image), tells: [tell] };
}

export const insertedDevice: Technique = {
  id: 'inserted-device',
  name: 'Drawn-on ECG lead',
  artifactIds: ['D1'],
  scope: 'local',
  marginPx: 1,
  apply: (image, params, rng) => render(image, params, rng, false),
  withoutTell: (image, params, rng) => render(image, params, rng, true).image,
};
