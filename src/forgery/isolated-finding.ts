/**
 * A10 missing secondary signs: a severe finding drawn on its own (a dense lower-zone opacity with no meniscus, blunted
 * angle, silhouette sign, shift or volume change), because a generator renders what it was prompted for, not its
 * consequences. How the opacity is shaped to pass a first glance, where it sits and what the tell marks:
 * forgery/README.md, Decisions.
 */
import type { Polygon } from '../domain/index.js';
import type { Point } from '../domain/index.js';
import type { Difficulty } from '../domain/index.js';
import type { Rng } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { ForgeryParams, ForgeryResult, Technique } from './types.js';
import { estimateMidlineX, locateLung, lungPolygon, zoneName } from './anatomy.js';
import type { LungLocator, PatientSide } from './anatomy.js';
import { gaussianBlur, quantile, smoothstep, toFloat, toGrayImage } from './filters.js';
import { NO_LUNG, cropOf, ellipseBox, hitsAvoid, makeTell, noRoomError } from './local.js';
import type { Ellipse, PixelRange } from './regions.js';
import { ellipsePixels, ellipsePolygon, ellipseRho, featherWeight } from './regions.js';

interface Level {
  /** Where the opacity's top lies, as a fraction of the lung's height from its apex. */
  readonly top: number;
  /** Density the fluid pulls the lung toward, above the lung's median, as a fraction of the default window width. */
  readonly level: number;
  /** How far (0..1) the lung at the base is pulled toward that density; 1 - this of the markings' contrast remains. */
  readonly opacity: number;
  readonly strength: number;
}

const LEVELS: Readonly<Record<Difficulty, Level>> = {
  obvious: { top: 0.45, level: 0.8, opacity: 0.95, strength: 0.8 },
  subtle: { top: 0.6, level: 0.22, opacity: 0.55, strength: 0.5 },
  expert: { top: 0.7, level: 0.12, opacity: 0.4, strength: 0.3 },
};

/** What the reader is looking at differs by level (a dense opacity, a haze, a faint veil), and so does what to ask. */
const EXPLAIN: Readonly<Record<Difficulty, (zone: string) => string>> = {
  obvious: (zone) =>
    `A dense opacity fills the ${zone}, as large as a big effusion or a lobar consolidation, yet nothing around it has reacted. ` +
    'Fluid this large would climb the lateral chest wall as a meniscus, blunt the costophrenic angle, blot out the hemidiaphragm and push the mediastinum away; collapse would pull it the other way. ' +
    'Here the top is a smooth dome, the diaphragm and ribs still show through, and the trachea and heart have not moved: the finding was drawn without its consequences.',
  subtle: (zone) =>
    `A hazy opacity lies over the ${zone}, denser toward the base under a soft dome-shaped top, about the size of a moderate effusion or a lower-lobe consolidation. ` +
    'Fluid of that amount on an erect film would blunt the costophrenic angle and rise along the lateral chest wall as a meniscus; consolidation of that size would usually efface the hemidiaphragm outline (silhouette sign), and collapse would pull the mediastinum toward it. ' +
    'Here the angle is sharp, the diaphragm outline and the vessels show through, and the mediastinum is central: the haze was drawn without its consequences.',
  expert: (zone) =>
    `A faint veil lies over the ${zone}, thickening toward the base under a soft dome-shaped top, and everything around it is normal: sharp costophrenic angle, outlined hemidiaphragm, central mediastinum. ` +
    'A veil without a meniscus is not impossible on its own: fluid layering behind a lung on a supine film gives one. But that haze is graded over the whole hemithorax, from base toward apex, with no upper edge; ' +
    'a veil bounded by a dome, with nothing else changed, is a finding drawn without a cause.',
};

/** Soft upper boundary: the density rises over this fraction of the opacity's height below its dome. */
const TOP_FEATHER = 0.35;

function howToSee(level: Difficulty, zone: string): string {
  if (level === 'obvious') {
    return `Fit to window: the ${zone} is white, densest at the base and fading upward under a soft dome. Now ask what else should be here: follow its upper edge to the lateral chest wall (no meniscus rising), look for the hemidiaphragm (still outlined through the opacity) and check the trachea and heart (not pushed away).`;
  }
  if (level === 'subtle') {
    return `Compare the two lung bases at the default window: the ${zone} is hazier, more so toward the base, under a soft dome-shaped upper edge, yet the costophrenic angle stays sharp, the diaphragm outline and the vessels show through and the mediastinum is central.`;
  }
  return `Narrow the window over both bases (narrow preset) and compare: a faint veil, thickening toward the base, lies over the ${zone} with a soft curved top, while the costophrenic angle, the diaphragm outline, the hilum and the mediastinum are all exactly as normal.`;
}

/**
 * The lung's base. With hint outlines: the diaphragm dome under the lung's middle (the median of the outline's
 * lowest point over the middle half of its columns), not the outline's lowest point, which is the lateral
 * costophrenic recess far below the dome, so that an opacity based there sat mostly over the abdomen. Without hints
 * (lung-finder): the bottom of the lung found, as before.
 */
function lungBase(lung: LungLocator, poly: Polygon | undefined): number {
  const { x0, x1, y1 } = lung.box;
  if (!poly) return y1;
  const lows: number[] = [];
  for (let k = 0; k <= 20; k++) {
    const x = x0 + (x1 - x0) * (0.25 + (0.5 * k) / 20);
    let low = -Infinity;
    for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
      const [a, b] = [poly[i] as Point, poly[j] as Point];
      if (a.x > x !== b.x > x) low = Math.max(low, a.y + ((x - a.x) * (b.y - a.y)) / (b.x - a.x));
    }
    if (low > -Infinity) lows.push(low);
  }
  return lows.length > 0 ? quantile(lows, 0.5) : y1;
}

function opacityFor(lung: LungLocator, poly: Polygon | undefined, p: Level) {
  const { x0, x1, y0 } = lung.box;
  const base = lungBase(lung, poly);
  const yTop = y0 + (base - y0) * p.top;
  // Centred on the lung base and much wider than the lung: its upper arc is a gentle dome that is highest mid-lung
  // and falls toward the lateral wall (the opposite of a meniscus), and its sides lie outside the lung.
  const e: Ellipse = { cx: (x0 + x1) / 2, cy: base, ax: ((x1 - x0) / 2) * 1.35, ay: Math.max(4, base - yTop) };
  return { lung, e, base };
}

/** The part of a convex polygon inside a box (Sutherland-Hodgman, one box edge at a time). */
function clipToBox(poly: Polygon, box: PixelRange): Polygon {
  const edges: [(p: Point) => number, (a: Point, b: Point) => Point][] = [
    [(p) => p.x - box.x0, (a, b) => ({ x: box.x0, y: a.y + ((box.x0 - a.x) * (b.y - a.y)) / (b.x - a.x) })],
    [(p) => box.x1 - p.x, (a, b) => ({ x: box.x1, y: a.y + ((box.x1 - a.x) * (b.y - a.y)) / (b.x - a.x) })],
    [(p) => p.y - box.y0, (a, b) => ({ x: a.x + ((box.y0 - a.y) * (b.x - a.x)) / (b.y - a.y), y: box.y0 })],
    [(p) => box.y1 - p.y, (a, b) => ({ x: a.x + ((box.y1 - a.y) * (b.x - a.x)) / (b.y - a.y), y: box.y1 })],
  ];
  let out: readonly Point[] = poly;
  for (const [inside, cross] of edges) {
    const next: Point[] = [];
    for (let i = 0; i < out.length; i++) {
      const a = out[i] as Point;
      const b = out[(i + 1) % out.length] as Point;
      if (inside(a) >= 0) next.push(a);
      if (inside(a) >= 0 !== inside(b) >= 0) next.push(cross(a, b));
    }
    out = next;
  }
  return out;
}

/**
 * A soft mask (0..1) of the lung inside `box`, following the lung's own outline rather than any box: the hint polygon,
 * or without hints the lung the finder found (lung-finder.ts: walled in by the chest wall, so the opacity never
 * spills into the soft tissue beside the chest or down the flank), connected on a coarse grid to lung seen in the
 * upper part of the box. Also returns the lung's median value (locally averaged).
 */
function lungMask(image: GrayImage, lung: LungLocator, src: Float32Array, box: PixelRange) {
  const { width: w } = image;
  const cw = box.x1 - box.x0;
  const ch = box.y1 - box.y0;
  const crop = cropOf(src, w, image.height, box, 0);
  const local = gaussianBlur(crop.data, cw, ch, Math.max(1, 0.003 * w));
  const inLung = (x: number, y: number): boolean => lung.contains(x + box.x0, y + box.y0);
  const seedRows = Math.max(1, Math.round(ch * 0.4));
  const lungVals: number[] = [];
  for (let y = 0; y < ch; y += 2) for (let x = 0; x < cw; x += 2) if (inLung(x, y)) lungVals.push(local[y * cw + x] as number);
  const median = lungVals.length ? quantile(lungVals, 0.5) : quantile(Array.from(local), 0.3);
  // Coarse grid: a cell is lung when most of its pixels are; flood fill (4-connected, so a thin chest wall is not crossed diagonally) from seed cells.
  const b = Math.max(2, Math.round(w / 128));
  const gw = Math.ceil(cw / b);
  const gh = Math.ceil(ch / b);
  const cell = new Uint8Array(gw * gh); // 0 not lung, 1 lung, 2 reached
  const stack: number[] = [];
  for (let gy = 0; gy < gh; gy++) {
    for (let gx = 0; gx < gw; gx++) {
      let n = 0;
      let d = 0;
      let seed = false;
      for (let y = gy * b; y < Math.min(ch, gy * b + b); y++) {
        for (let x = gx * b; x < Math.min(cw, gx * b + b); x++) {
          n++;
          if (inLung(x, y)) {
            d++;
            if (y < seedRows) seed = true;
          }
        }
      }
      if (d * 2 >= n) cell[gy * gw + gx] = seed ? 2 : 1;
      if (seed && d * 2 >= n) stack.push(gy * gw + gx);
    }
  }
  while (stack.length) {
    const k = stack.pop() as number;
    const gx = k % gw;
    const gy = (k - gx) / gw;
    for (const [nx, ny] of [[gx - 1, gy], [gx + 1, gy], [gx, gy - 1], [gx, gy + 1]] as const) {
      if (nx < 0 || ny < 0 || nx >= gw || ny >= gh || cell[ny * gw + nx] !== 1) continue;
      cell[ny * gw + nx] = 2;
      stack.push(ny * gw + nx);
    }
  }
  const mask = new Float32Array(cw * ch);
  for (let y = 0; y < ch; y++) for (let x = 0; x < cw; x++) mask[y * cw + x] = cell[Math.floor(y / b) * gw + Math.floor(x / b)] === 2 ? 1 : 0;
  // A wide blur turns the cell staircase into a soft outline; saturation toward a fixed density (see apply) keeps
  // what spills over the chest wall and the diaphragm, which are already denser, from showing as a bright rim.
  const soft = gaussianBlur(mask, cw, ch, Math.max(2, 0.018 * w));
  for (let i = 0; i < soft.length; i++) soft[i] = smoothstep((soft[i] as number) / 0.6);
  return { soft, median };
}

/** The upper quartile of the mediastinum (a band on the midline, mid-chest): the film's own heart-and-spine density. */
function softTissueLevel(src: Float32Array, w: number, h: number, mid: number): number {
  const sample: number[] = [];
  const x0 = Math.max(0, Math.round(mid - 0.05 * w));
  const x1 = Math.min(w, Math.round(mid + 0.05 * w));
  const step = Math.max(1, Math.floor(w / 256));
  for (let y = Math.round(0.35 * h); y < Math.round(0.6 * h); y += step) {
    for (let x = x0; x < x1; x += step) sample.push(src[y * w + x] as number);
  }
  sample.sort((a, b) => a - b);
  return sample[Math.floor(0.75 * (sample.length - 1))] ?? Number.POSITIVE_INFINITY;
}

function apply(image: GrayImage, params: ForgeryParams, rng: Rng): ForgeryResult {
  const p = LEVELS[params.level];
  const { width: w, height: h } = image;
  const mid = estimateMidlineX(image, params.hints);
  const first: PatientSide = rng.fork('side').chance(0.5) ? 'right' : 'left';
  const sides: PatientSide[] = first === 'right' ? ['right', 'left'] : ['left', 'right'];
  // The mediastinum and trachea, where the missing shift should show: an earlier edit there would contradict the text.
  const stripBox = { x0: mid - 0.07 * w, y0: 0.06 * h, x1: mid + 0.07 * w, y1: h * 0.75 };
  // The first side whose opacity fits (the second lung is located only when the first does not).
  // A side where no lung is found (a film without hints) is skipped: the opacity follows the lung's own outline.
  let placed: ({ side: PatientSide } & ReturnType<typeof opacityFor>) | undefined;
  let anyLung = false;
  if (!hitsAvoid(stripBox, params.hints?.avoid)) {
    for (const side of sides) {
      const lung = locateLung(image, side, mid, params.hints);
      if (!lung) continue;
      anyLung = true;
      const c = { side, ...opacityFor(lung, lungPolygon(side, params.hints), p) };
      if (!hitsAvoid(ellipseBox(c.e), params.hints?.avoid)) {
        placed = c;
        break;
      }
    }
  }
  if (!placed) {
    const why = anyLung || hitsAvoid(stripBox, params.hints?.avoid) ? undefined : NO_LUNG;
    throw noRoomError('isolated-finding', 'a lower-zone opacity and its mediastinum', why);
  }
  const { side, lung, e, base } = placed;
  const full = ellipsePixels(e, w, h);
  // Only this lung's side of the midline.
  const box: PixelRange = side === 'right' ? { ...full, x1: Math.max(full.x0 + 1, Math.min(full.x1, Math.floor(mid))) } : { ...full, x0: Math.min(full.x1 - 1, Math.max(full.x0, Math.ceil(mid))) };
  const cw = box.x1 - box.x0;
  const src = toFloat(image);
  const out = src.slice();
  const { soft, median } = lungMask(image, lung, src, box);
  // Fluid adds attenuation, and the film saturates toward a soft-tissue density: each pixel is pulled toward the
  // target by a fraction of its distance, so lung gains most, ribs and the diaphragm (already dense) little, and no
  // bright rim forms where the mask overlaps the chest wall. Only the coarse structure is pulled (fine grain kept).
  // Never denser than the film's own mediastinum (heart and great vessels are water density, as fluid is).
  const target = Math.min(median + p.level * image.windowWidth, softTissueLevel(src, w, h, mid));
  const crop = cropOf(src, w, h, box, 0);
  const coarse = gaussianBlur(crop.data, cw, box.y1 - box.y0, Math.max(1, 0.003 * w));
  const feather = TOP_FEATHER * e.ay;
  // The pixels actually edited (with hint outlines the ellipse reaches far below the dome and past the chest wall).
  const edited = { x0: box.x1, x1: box.x0, y0: box.y1, y1: box.y0 };
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      const rho = ellipseRho(e, x, y);
      if (rho >= 1) continue;
      const u = (x + 0.5 - e.cx) / e.ax;
      const arc = e.cy - e.ay * Math.sqrt(Math.max(0, 1 - u * u));
      // Soft dome on top, density growing smoothly toward the base, zero on the ellipse itself.
      const below = y + 0.5 - arc;
      const top = smoothstep(below / feather);
      const depth = smoothstep(below / (e.ay + 0.15 * h));
      const k = (y - box.y0) * cw + (x - box.x0);
      const weight = top * (0.45 + 0.55 * depth) * featherWeight(rho, 0.05) * (soft[k] as number);
      if (weight <= 0) continue;
      const i = y * w + x;
      out[i] = (src[i] as number) + p.opacity * weight * Math.max(0, target - (coarse[k] as number));
      if (out[i] !== src[i]) {
        edited.x0 = Math.min(edited.x0, x);
        edited.x1 = Math.max(edited.x1, x + 1);
        edited.y0 = Math.min(edited.y0, y);
        edited.y1 = Math.max(edited.y1, y + 1);
      }
    }
  }
  // Zones are thirds of the lung down to its base (the dome, with hints).
  const zone = zoneName(side, e.cy - e.ay * 0.4, { ...lung.box, y1: base });
  // With hint outlines the tell marks the ellipse only over the edited pixels (+1 px); without hints the whole
  // ellipse, as before.
  const grown = { x0: edited.x0 - 1, x1: edited.x1 + 1, y0: edited.y0 - 1, y1: edited.y1 + 1 };
  const region = params.hints?.lungs && edited.x1 > edited.x0 ? clipToBox(ellipsePolygon(e, 1), grown) : ellipsePolygon(e, 1);
  // Only what changed is scored: the mediastinum, where the missing shift should show, is named in the text, not
  // marked (no pixel changes there, so a click on the spine would otherwise score).
  const tell = makeTell('A10', [region], p.strength, EXPLAIN[params.level](zone), howToSee(params.level, zone));
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
