/**
 * A1 excess bilateral symmetry (+ E2 copied noise): the lateral upper/mid lung of one hemithorax is overwritten by
 * the mirror image of the other about the midline, feathered into its surroundings. Generators that reproduce the
 * population average make chests too symmetric (Tordjman, Yuce et al., Radiology 2026); a copy also carries the
 * donor side's quantum mottle, which no second exposure could reproduce (CT-GAN's `copynoise`, Mirsky et al. 2019).
 */
import type { Tell, Difficulty } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { Rng } from '../domain/index.js';
import type { ForgeryParams, ForgeryResult, Technique } from './types.js';
import { clampAwayFromMarkers, estimateMidlineX, locateLung, zoneName } from './anatomy.js';
import type { LungLocator } from './anatomy.js';
import type { PatientSide } from './anatomy.js';
import { boxBlur, gaussianBlur, smoothstep, toFloat, toGrayImage } from './filters.js';
import { ellipseInBox, ellipsePixels, ellipsePolygon, ellipseRho, featherWeight } from './regions.js';
import type { Ellipse, PixelRange } from './regions.js';
import { NO_LUNG, NoRoomError, ellipseBox, hitsAvoid, noRoomError } from './local.js';

interface MirrorLevel {
  /** Lateral-to-medial extent of the patch, as a fraction of the lung's width. */
  readonly width: number;
  /** Bottom of the patch, as a fraction of the lung's height from its apex. */
  readonly height: number;
  readonly feather: number;
  /** Blend weight at the patch centre. */
  readonly weight: number;
  /** Copy only detail (ribs, vessels, grain) and keep the target's own low-frequency density, so no seam shows. */
  readonly detailOnly: boolean;
  readonly strength: number;
}

const LEVELS: Readonly<Record<Difficulty, MirrorLevel>> = {
  obvious: { width: 0.88, height: 0.62, feather: 0.15, weight: 1, detailOnly: false, strength: 0.9 },
  subtle: { width: 0.7, height: 0.52, feather: 0.3, weight: 1, detailOnly: true, strength: 0.6 },
  expert: { width: 0.5, height: 0.42, feather: 0.45, weight: 0.85, detailOnly: true, strength: 0.35 },
};

/** Keep the patch on its own side and its mirror source inside the image. */
function fitToSide(e: Ellipse, side: PatientSide, mid: number, w: number): Ellipse {
  const lo = side === 'right' ? Math.max(0, 2 * mid - w + 1) : mid + 2;
  const hi = side === 'right' ? mid - 2 : Math.min(w - 1, 2 * mid);
  const x0 = Math.max(lo, e.cx - e.ax);
  const x1 = Math.min(hi, e.cx + e.ax);
  if (x1 - x0 < 8 || e.ay < 4) {
    throw new NoRoomError(`mirror-symmetry: no room for a patch on the ${side} side (midline x=${mid.toFixed(1)}, width ${w})`);
  }
  return { ...e, cx: (x0 + x1) / 2, ax: (x1 - x0) / 2 };
}

interface Placement {
  readonly e: Ellipse;
  readonly mid: number;
  readonly target: LungLocator;
  readonly donor: LungLocator;
  readonly zone: string;
  readonly twin: string;
}

function placePatch(image: GrayImage, params: ForgeryParams, rng: Rng): Placement {
  const drawn: PatientSide = rng.chance(0.5) ? 'right' : 'left';
  // The patch reads from the mirror side too: both its box and its mirror's must stay clear of earlier edits.
  const clear = (pl: Placement): boolean => {
    const b = ellipseBox(pl.e);
    return !hitsAvoid(b, params.hints?.avoid) && !hitsAvoid({ ...b, x0: 2 * pl.mid - b.x1, x1: 2 * pl.mid - b.x0 }, params.hints?.avoid);
  };
  // The patch copies one lung onto the other, so both must be found (a film without hints may show only one).
  const mid = estimateMidlineX(image, params.hints);
  const right = locateLung(image, 'right', mid, params.hints);
  const left = locateLung(image, 'left', mid, params.hints);
  if (!right || !left) throw noRoomError('mirror-symmetry', 'a mirrored patch', NO_LUNG);
  const lungs = { right, left };
  const first = placeOnSide(image, params, rng, drawn, mid, lungs);
  // On real films the lung locator can leave a patch with almost no lung on both sides (devices, dense
  // shadows): then the other side is tried and the better-covered clear placement wins.
  if (clear(first) && lungCover(first, image.width) >= 0.25) return first;
  const second = placeOnSide(image, params, rng, drawn === 'right' ? 'left' : 'right', mid, lungs);
  const ok = [first, second].filter(clear);
  if (ok.length === 0) throw noRoomError('mirror-symmetry', 'a mirrored patch');
  return ok.reduce((a, b) => (lungCover(b, image.width) > lungCover(a, image.width) ? b : a));
}

/** Fraction of a 12 x 12 grid over the patch where both the pixel and its mirror lie in lung. */
function lungCover(pl: Placement, w: number): number {
  let n = 0;
  let hit = 0;
  for (let j = 0; j < 12; j++) {
    for (let i = 0; i < 12; i++) {
      const u = ((i + 0.5) / 12) * 2 - 1;
      const v = ((j + 0.5) / 12) * 2 - 1;
      if (u * u + v * v > 1) continue;
      const x = Math.floor(pl.e.cx + u * pl.e.ax);
      const y = Math.floor(pl.e.cy + v * pl.e.ay);
      const xm = Math.min(w - 1, Math.max(0, Math.floor(2 * pl.mid - (x + 0.5))));
      n++;
      if (pl.target.contains(x, y) && pl.donor.contains(xm, y)) hit++;
    }
  }
  return hit / Math.max(1, n);
}

function placeOnSide(image: GrayImage, params: ForgeryParams, rng: Rng, side: PatientSide, mid: number, lungs: Record<PatientSide, LungLocator>): Placement {
  const p = LEVELS[params.level];
  const other: PatientSide = side === 'right' ? 'left' : 'right';
  const target = lungs[side];
  const donor = lungs[other];
  const lung = target.box;
  const bw = lung.x1 - lung.x0;
  const bh = lung.y1 - lung.y0;
  const lateral = side === 'right' ? lung.x0 : lung.x1;
  const inward = side === 'right' ? 1 : -1;
  const xa = lateral + inward * rng.range(0.04, 0.08) * bw;
  const xb = lateral + inward * (p.width + rng.range(-0.04, 0.02)) * bw;
  const ya = clampAwayFromMarkers(lung.y0 + rng.range(0.08, 0.14) * bh, image.height);
  const yb = clampAwayFromMarkers(lung.y0 + (p.height + rng.range(-0.04, 0.04)) * bh, image.height);
  const e = fitToSide(ellipseInBox(xa, ya, xb, yb), side, mid, image.width);
  return { e, mid, target, donor, zone: zoneName(side, e.cy, lung), twin: zoneName(other, e.cy, lung) };
}

const HOW_TO_SEE_A1: Readonly<Record<Difficulty, (zone: string, twin: string) => string>> = {
  obvious: (zone, twin) =>
    `At the default window, compare the ${zone} with the ${twin} rib by rib across the midline: rib contours, gaps and vessels match like a reflection.`,
  subtle: (zone, twin) =>
    `Zoom on the ${zone} and then on the ${twin}; follow each posterior rib and the vessel branches. They repeat in mirror image. Inverting (I) can make rib edges easier to follow.`,
  expert: (zone, twin) =>
    `Narrow the window (narrow preset), then use the loupe (M) on the lateral ${zone} and on the same spot in the ${twin}: individual vessel branches repeat as a reflection, fading towards the patch edge.`,
};

function tellsFor(level: Difficulty, e: Ellipse, mid: number, zone: string, twin: string): Tell[] {
  // The copy and its source, mirrored about the midline: a reader sees two twins and cannot tell which one is the copy
  // (as noise-transplant names its donor too).
  const regions = [ellipsePolygon(e, 1), ellipsePolygon({ ...e, cx: 2 * mid - e.cx }, 1)];
  const strength = LEVELS[level].strength;
  return [
    {
      artifactId: 'A1',
      regions,
      strength,
      explanation:
        `The ${zone} is a mirror image of the ${twin}: ribs, interspaces and lung markings reflect across the midline. ` +
        'No patient is that symmetric; rib angles, spacing and vessel branching always differ between the two sides, and slight rotation shifts one side further.',
      howToSee: HOW_TO_SEE_A1[level](zone, twin),
    },
    {
      artifactId: 'E2',
      regions,
      strength: strength * 0.8,
      explanation:
        `The grain in the ${zone} is borrowed: the quantum mottle was copied along with the anatomy, so the same speckle pattern sits, mirrored, in the ${twin}. ` +
        'Two areas of one exposure receive independent photons and can never share a noise pattern.',
      howToSee: `Narrow the window as far as it goes and magnify (M) a small area of the ${zone}, then the mirror-image spot in the ${twin}: the speckles correspond grain for grain.`,
    },
  ];
}

/**
 * Where both the target pixel and its mirror lie in lung, eroded and feathered by `r` px (a blurred mask pushed
 * through a smoothstep centred on 1), so the copy never drags lung edge or chest wall across.
 */
function lungMask(range: PixelRange, isLung: (x: number, y: number) => boolean, r: number): Float32Array {
  const rw = range.x1 - range.x0;
  const rh = range.y1 - range.y0;
  const m = new Float32Array(rw * rh);
  for (let y = 0; y < rh; y++) {
    for (let x = 0; x < rw; x++) m[y * rw + x] = isLung(x + range.x0, y + range.y0) ? 1 : 0;
  }
  const soft = boxBlur(boxBlur(m, rw, rh, r), rw, rh, r);
  for (let i = 0; i < soft.length; i++) soft[i] = smoothstep(2 * (soft[i] as number) - 1);
  return soft;
}

function applyMirror(image: GrayImage, params: ForgeryParams, rng: Rng): ForgeryResult {
  const p = LEVELS[params.level];
  const { width: w, height: h } = image;
  const { e, mid, target, donor, zone, twin } = placePatch(image, params, rng.fork('placement'));
  const src = toFloat(image);
  const out = src.slice();
  const low = p.detailOnly ? gaussianBlur(src, w, h, Math.max(3, 0.025 * w)) : undefined;
  // Mirror of pixel centre x + 0.5 about `mid`, as a column index.
  const mirrorCol = (x: number): number => Math.min(w - 1, Math.max(0, Math.floor(2 * mid - (x + 0.5))));
  const range = ellipsePixels(e, w, h);
  const inLungs = lungMask(range, (x, y) => target.contains(x, y) && donor.contains(mirrorCol(x), y), Math.max(2, Math.round(0.25 * p.feather * Math.min(e.ax, e.ay))));
  const rw = range.x1 - range.x0;
  for (let y = range.y0; y < range.y1; y++) {
    for (let x = range.x0; x < range.x1; x++) {
      const wgt = p.weight * featherWeight(ellipseRho(e, x, y), p.feather) * (inLungs[(y - range.y0) * rw + x - range.x0] as number);
      if (wgt <= 0) continue;
      const i = y * w + x;
      const j = y * w + mirrorCol(x);
      const here = src[i] as number;
      let donorValue = src[j] as number;
      if (low) donorValue = donorValue - (low[j] as number) + (low[i] as number);
      out[i] = here + wgt * (donorValue - here);
    }
  }
  return { image: toGrayImage(out, image), tells: tellsFor(params.level, e, mid, zone, twin) };
}

export const mirrorSymmetry: Technique = {
  id: 'mirror-symmetry',
  name: 'Mirrored hemithorax',
  artifactIds: ['A1', 'E2'],
  scope: 'local',
  marginPx: 1,
  apply: applyMirror,
};
