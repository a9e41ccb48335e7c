/**
 * A10 missing secondary signs: a severe finding drawn on its own. A dense opacity fills the lower part of one lung,
 * as large as a big pleural effusion or a lobar consolidation, but none of the things that go with such a finding
 * are there: no meniscus climbing the lateral chest wall, no blunted costophrenic angle, no loss of the
 * hemidiaphragm outline (silhouette sign), no mediastinal shift, no volume change. The density is only added, so the
 * ribs, vessels and diaphragm show straight through it; its top is a smooth dome. A generator renders what it was
 * prompted for, not its consequences (design catalog A10: "What else should be here?").
 *
 * Pixels change only inside the opacity's ellipse (and only over lung); the tell also marks the mediastinum and
 * trachea, where the shift that is missing should show.
 */
import { rectPolygon } from '../domain/geometry.js';
import type { Difficulty } from '../domain/tells.js';
import type { Rng } from '../domain/rng.js';
import type { GrayImage } from '../imaging/types.js';
import type { ForgeryParams, ForgeryResult, Technique } from './types.js';
import { estimateMidlineX, locateLung, zoneName } from './anatomy.js';
import type { LungLocator, PatientSide } from './anatomy.js';
import { gaussianBlur, smoothstep, toFloat, toGrayImage } from './filters.js';
import { cropOf, ellipseBox, hitsAvoid, makeTell, noRoomError } from './local.js';
import type { Ellipse, PixelRange } from './regions.js';
import { ellipsePixels, ellipsePolygon, ellipseRho, featherWeight } from './regions.js';

interface Level {
  /** Where the opacity's top lies, as a fraction of the lung's height from its apex. */
  readonly top: number;
  /** Added density at the top of the opacity, as a fraction of the default window width (more toward the base). */
  readonly contrast: number;
  /** How far the lung markings under it are evened out toward their local mean (fluid hides fine detail). */
  readonly fill: number;
  readonly strength: number;
}

const LEVELS: Readonly<Record<Difficulty, Level>> = {
  obvious: { top: 0.5, contrast: 0.3, fill: 0.6, strength: 0.8 },
  subtle: { top: 0.63, contrast: 0.13, fill: 0.3, strength: 0.5 },
  expert: { top: 0.74, contrast: 0.06, fill: 0, strength: 0.3 },
};

/** Feather of the opacity's rim, as a fraction of its elliptical radius. */
const FEATHER = 0.14;

function howToSee(level: Difficulty, zone: string): string {
  if (level === 'obvious') {
    return `Fit to window: the ${zone} is white. Now ask what else should be here: follow its upper edge to the lateral chest wall (no meniscus rising), look for the hemidiaphragm (still outlined through the opacity) and check the trachea and heart (not pushed away).`;
  }
  if (level === 'subtle') {
    return `Compare the two lung bases at the default window: the ${zone} is hazier under a smooth dome-shaped edge, yet the costophrenic angle stays sharp, the diaphragm outline shows through and the mediastinum is central.`;
  }
  return `Narrow the window over both bases (narrow preset) and compare: a faint even veil lies over the ${zone} with a smooth curved top, while the costophrenic angle, the diaphragm outline, the hilum and the mediastinum are all exactly as normal.`;
}

function opacityFor(image: GrayImage, params: ForgeryParams, side: PatientSide, mid: number, p: Level) {
  const lung = locateLung(image, side, mid, params.hints);
  const { x0, x1, y0, y1 } = lung.box;
  const yTop = y0 + (y1 - y0) * p.top;
  // Centred on the lung base, a little wider than the lung so it reaches the lateral wall and the angle.
  const e: Ellipse = { cx: (x0 + x1) / 2, cy: y1, ax: ((x1 - x0) / 2) * 1.08, ay: Math.max(4, y1 - yTop) };
  return { lung, e };
}

/**
 * Lung pixels of the box that are reached walking down each column from the first lung pixel, stopping at the first
 * run of `gap` non-lung rows (the hemidiaphragm): lucent gas below the diaphragm (the gastric bubble) never counts.
 * Short runs (a rib, a vessel) are bridged, so the mask has no holes there.
 */
function lungAbove(lung: LungLocator, box: PixelRange, gap: number): Float32Array {
  const cw = box.x1 - box.x0;
  const ch = box.y1 - box.y0;
  const mask = new Float32Array(cw * ch);
  for (let x = 0; x < cw; x++) {
    let seen = -1;
    let run = 0;
    for (let y = 0; y < ch; y++) {
      if (lung.contains(x + box.x0, y + box.y0)) {
        for (let k = Math.max(seen + 1, y - run); k <= y; k++) if (seen >= 0) mask[k * cw + x] = 1;
        mask[y * cw + x] = 1;
        seen = y;
        run = 0;
      } else if (seen >= 0 && ++run > gap) break;
    }
  }
  return mask;
}

function apply(image: GrayImage, params: ForgeryParams, rng: Rng): ForgeryResult {
  const p = LEVELS[params.level];
  const { width: w, height: h } = image;
  const mid = estimateMidlineX(image, params.hints);
  const first: PatientSide = rng.fork('side').chance(0.5) ? 'right' : 'left';
  const sides: PatientSide[] = first === 'right' ? ['right', 'left'] : ['left', 'right'];
  const strip = rectPolygon(mid - 0.07 * w, 0.06 * h, mid + 0.07 * w, h * 0.75);
  const fits = (e: Ellipse): boolean => !hitsAvoid(ellipseBox(e), params.hints?.avoid) && !hitsAvoid({ x0: mid - 0.07 * w, y0: 0.06 * h, x1: mid + 0.07 * w, y1: h * 0.75 }, params.hints?.avoid);
  const placed = sides.map((side) => ({ side, ...opacityFor(image, params, side, mid, p) })).find((c) => fits(c.e));
  if (!placed) throw noRoomError('isolated-finding', 'a lower-zone opacity and its mediastinum');
  const { side, lung, e } = placed;
  const box = ellipsePixels(e, w, h);
  const cw = box.x1 - box.x0;
  const ch = box.y1 - box.y0;
  const soft = gaussianBlur(lungAbove(lung, box, Math.max(3, Math.round(0.03 * h))), cw, ch, Math.max(1.5, 0.012 * w));
  const src = toFloat(image);
  const out = src.slice();
  const crop = cropOf(src, w, h, { x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y1 }, 0);
  const local = gaussianBlur(crop.data, cw, ch, Math.max(1.5, 0.01 * w));
  const amp = p.contrast * image.windowWidth;
  for (let y = box.y0; y < box.y1; y++) {
    // Fluid and consolidation look denser toward the base, where the layer is thicker.
    const depth = Math.min(1, Math.max(0, (y + 0.5 - (e.cy - e.ay)) / e.ay));
    for (let x = box.x0; x < box.x1; x++) {
      const rim = featherWeight(ellipseRho(e, x, y), FEATHER);
      if (rim <= 0) continue;
      const inLung = smoothstep(((soft[(y - box.y0) * cw + (x - box.x0)] as number) - 0.15) / 0.5);
      const i = y * w + x;
      const here = src[i] as number;
      const even = p.fill * ((local[(y - box.y0) * cw + (x - box.x0)] as number) - here);
      out[i] = here + rim * inLung * (even + amp * (0.7 + 0.3 * depth));
    }
  }
  const zone = zoneName(side, e.cy - e.ay * 0.4, lung.box);
  const tell = makeTell(
    'A10',
    [ellipsePolygon(e, 1), strip],
    p.strength,
    `A dense opacity fills the ${zone}, as large as a big effusion or a lobar consolidation, yet nothing around it has reacted. ` +
      'Fluid this large would climb the lateral chest wall as a meniscus, blunt the costophrenic angle, blot out the hemidiaphragm and push the mediastinum away; collapse would pull it the other way. ' +
      'Here the top is a smooth dome, the diaphragm and ribs still show through, and the trachea and heart have not moved: the finding was drawn without its consequences.',
    howToSee(params.level, zone),
  );
  return { image: toGrayImage(out, image), tells: [tell] };
}

export const isolatedFinding: Technique = {
  id: 'isolated-finding',
  name: 'Isolated finding',
  artifactIds: ['A10'],
  scope: 'local',
  marginPx: 1,
  apply,
};
