/**
 * A5 too-clean fracture: a perfectly straight, thin, evenly lucent line is cut through one cortex of a rib, with no
 * displacement, no step, no callus and no soft-tissue change. A prompted "fracture" is drawn as a symbol rather than
 * produced by mechanics (readers' "unusually clean" fractures, reported in the RSNA press release on Tordjman, Yuce et al., Radiology 2026, and the public teaching set).
 */
import type { Point } from '../domain/index.js';
import type { Difficulty } from '../domain/index.js';
import type { Rng } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { ForgeryParams, ForgeryResult, Technique } from './types.js';
import { toFloat, toGrayImage } from './filters.js';
import { makeTell } from './local.js';
import type { Ellipse } from './regions.js';
import { lungSite } from './sites.js';
import { segmentDistance, strokePolygon } from './strokes.js';

interface Level {
  readonly halfWidth: (w: number) => number; // px
  readonly depth: number; // darkening, fraction of the window width
  readonly length: number; // in rib half-heights
  readonly minLength: number; // fraction of the image height
  readonly strength: number;
}

const LEVELS: Readonly<Record<Difficulty, Level>> = {
  obvious: { halfWidth: (w) => Math.max(1.5, 0.003 * w), depth: 0.16, length: 2.4, minLength: 0.032, strength: 0.8 },
  subtle: { halfWidth: (w) => Math.max(1, 0.0011 * w), depth: 0.09, length: 2, minLength: 0.014, strength: 0.5 },
  expert: { halfWidth: (w) => Math.max(0.8, 0.0007 * w), depth: 0.018, length: 1.7, minLength: 0.01, strength: 0.3 },
};

const HOW: Readonly<Record<Difficulty, (z: string) => string>> = {
  obvious: (z) => `At the default window a dark, ruler-straight line cuts into a rib in the ${z}; zoom on it and look for any step, angulation or callus: there is none.`,
  subtle: (z) => `Zoom to 200% along the ribs of the ${z}: one has a thin straight lucent line through a single cortex; the fragments are perfectly aligned and the soft tissue beside it is normal.`,
  expert: (z) => `With the loupe (M) and a narrow window sweep the ribs of the ${z}: a hairline, perfectly straight and evenly dark, crosses one cortex only, with no displacement, periosteal reaction or swelling.`,
};

/** Brightness of a 5 x 3 window (clamped) of the image. */
function meanAt(src: Float32Array, w: number, h: number, x: number, y: number): number {
  let s = 0;
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -2; dx <= 2; dx++) s += src[Math.min(h - 1, Math.max(0, Math.round(y) + dy)) * w + Math.min(w - 1, Math.max(0, Math.round(x) + dx))] as number;
  }
  return s / 15;
}

/** The row near cy where a rib-like ridge (brighter than rows d above and below) is most prominent. */
function ridge(src: Float32Array, w: number, h: number, cx: number, cy: number, d: number): { y: number; prom: number } {
  let best = { y: cy, prom: -Infinity };
  for (let y = cy - d; y <= cy + d; y += 1) {
    const prom = meanAt(src, w, h, cx, y) - (meanAt(src, w, h, cx, y - d) + meanAt(src, w, h, cx, y + d)) / 2;
    if (prom > best.prom) best = { y, prom };
  }
  return best;
}

/** Half-height of the ridge at (x, y): where the profile falls halfway to its minimum within +-4d, averaged up and down. */
function ribHalfHeight(src: Float32Array, w: number, h: number, x: number, y: number, d: number): number {
  const peak = meanAt(src, w, h, x, y);
  let lo = peak;
  for (let t = -4 * d; t <= 4 * d; t++) lo = Math.min(lo, meanAt(src, w, h, x, y + t));
  const half = (peak + lo) / 2;
  const reachTo = (sgn: number): number => {
    for (let t = 1; t <= 4 * d; t++) if (meanAt(src, w, h, x, y + sgn * t) < half) return t;
    return 4 * d;
  };
  return Math.max(2, (reachTo(-1) + reachTo(1)) / 2);
}

function apply(image: GrayImage, params: ForgeryParams, rng: Rng): ForgeryResult {
  const p = LEVELS[params.level];
  const { width: w, height: h } = image;
  const src = toFloat(image);
  const d = Math.max(3, Math.round(0.006 * h)); // ridge search scale, about 2.5 mm on a 43 cm film
  const reach = Math.max(3 * p.length * d, p.minLength * h) + 4;
  const place = rng.fork('placement');
  const site = lungSite(image, params, place, {
    who: 'clean-fracture', ax: reach + d, ay: reach + d, across: [0.3, 0.85], down: [0.2, 0.6], candidates: 30,
    score: (e: Ellipse) => ridge(src, w, h, e.cx, e.cy, d).prom,
  });
  const y = ridge(src, w, h, site.e.cx, site.e.cy, d).y;
  const a0 = ribHalfHeight(src, w, h, site.e.cx, y, d);
  // Near-vertical, across the rib's long axis, from inside the rib out through its upper or lower cortex.
  const angle = place.range(-0.35, 0.35);
  const dir = place.chance(0.5) ? 1 : -1;
  const ux = Math.sin(angle) * dir;
  const uy = Math.cos(angle) * dir;
  const length = Math.min(reach - 2, Math.max(p.length * a0, p.minLength * h));
  const start = Math.min(0.8 * a0, length - 1.3 * a0);
  const a: Point = { x: site.e.cx - ux * start, y: y - uy * start };
  const b: Point = { x: a.x + ux * length, y: a.y + uy * length };
  const hw = p.halfWidth(w);
  const depth = p.depth * image.windowWidth;
  const out = src.slice();
  const x0 = Math.max(0, Math.floor(Math.min(a.x, b.x) - hw - 2));
  const x1 = Math.min(w, Math.ceil(Math.max(a.x, b.x) + hw + 2));
  const y0 = Math.max(0, Math.floor(Math.min(a.y, b.y) - hw - 2));
  const y1 = Math.min(h, Math.ceil(Math.max(a.y, b.y) + hw + 2));
  for (let py = y0; py < y1; py++) {
    for (let px = x0; px < x1; px++) {
      const dist = segmentDistance(px + 0.5, py + 0.5, a, b, true);
      // A crisp line: full depth inside the half-width, a half-pixel anti-aliased edge.
      const cover = Math.min(1, Math.max(0, hw + 0.5 - dist));
      if (cover <= 0) continue;
      const i = py * w + px;
      out[i] = (src[i] as number) - depth * cover;
    }
  }
  const tell = makeTell(
    'A5',
    [strokePolygon([a, b], hw + 1)],
    p.strength,
    `A rib in the ${site.zone} shows a "fracture" that is only a perfectly straight, evenly dark line through one cortex. ` +
      'A real fracture has an irregular line, usually some step or angulation, and with time a callus; this one has no displacement and no effect on the soft tissue, as if drawn as a symbol.',
    HOW[params.level](site.zone),
  );
  return { image: toGrayImage(out, image), tells: [tell] };
}

export const cleanFracture: Technique = {
  id: 'clean-fracture',
  name: 'Too-clean fracture',
  artifactIds: ['A5'],
  scope: 'local',
  marginPx: 1,
  apply,
};
