/**
 * A9 lesion that does not belong (+ E1 blend halo): a round pulmonary opacity pasted into a lung CT-GAN style
 * (Mirsky et al., USENIX Security 2019, procedures/attack_pipeline.py): the in-painted patch is smoother than the film
 * around it and is kernel-blended at its border, leaving a ring where the grain fades, and the opacity itself has a
 * sharper, cleaner margin than a real nodule, which blurs into the lung with motion, partial volume and scatter.
 */
import type { Difficulty, Tell } from '../domain/index.js';
import type { Rng } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { ForgeryParams, ForgeryResult, Technique } from './types.js';
import { estimateMidlineX, locateLung, zoneName } from './anatomy.js';
import type { LungLocator, PatientSide } from './anatomy.js';
import { gaussianBlur, smoothstep, toFloat, toGrayImage } from './filters.js';
import { ellipsePolygon } from './regions.js';
import { IN_LUNG, NO_LUNG, hitsAvoid, noRoomError } from './local.js';
import type { Ellipse } from './regions.js';
import { ellipseInLung } from './sites.js';

interface LesionLevel {
  /** Lesion radius as a fraction of the image width. */
  readonly radius: number;
  /** Contrast above the local background, as a fraction of the default window width. */
  readonly contrast: number;
  /** Width of the margin ramp in px (a real nodule's edge blurs over several px). */
  readonly edgePx: number;
  /** Halo (blend zone) width as a fraction of the radius. */
  readonly halo: number;
  /** How much of the local grain the pasted patch loses (1 = all of it). */
  readonly smoothing: number;
  readonly strength: number;
}

const LEVELS: Readonly<Record<Difficulty, LesionLevel>> = {
  obvious: { radius: 0.034, contrast: 0.16, edgePx: 1, halo: 0.7, smoothing: 1, strength: 0.9 },
  subtle: { radius: 0.024, contrast: 0.08, edgePx: 1.5, halo: 0.55, smoothing: 0.85, strength: 0.55 },
  expert: { radius: 0.017, contrast: 0.05, edgePx: 2, halo: 0.45, smoothing: 0.5, strength: 0.3 },
};

/** Sigma (px) of the blur that stands in for the in-painted patch's missing grain. */
const PATCH_SIGMA = 2.2;
const RING_POINTS = 16;

interface Site {
  readonly cx: number;
  readonly cy: number;
  readonly side: PatientSide;
  readonly lung: LungLocator;
}

/**
 * A centre whose whole disc (lesion + halo) lies in a lung: random points in the drawn lung, then its box centre, then
 * the same in the other lung; never outside a lung (a "no room" error instead).
 */
function chooseSite(image: GrayImage, params: ForgeryParams, rng: Rng, outerR: number): Site {
  const mid = estimateMidlineX(image, params.hints);
  const drawn: PatientSide = rng.chance(0.5) ? 'right' : 'left';
  let anyLung = false;
  for (const side of [drawn, drawn === 'right' ? 'left' : 'right'] as const) {
    const lung = locateLung(image, side, mid, params.hints);
    if (!lung) continue;
    anyLung = true;
    const { x0, x1, y0, y1 } = lung.box;
    const fits = (cx: number, cy: number): boolean => {
      if (cx - outerR < 1 || cy - outerR < 1 || cx + outerR > image.width - 1 || cy + outerR > image.height - 1) return false;
      if (hitsAvoid({ x0: cx - outerR, y0: cy - outerR, x1: cx + outerR, y1: cy + outerR }, params.hints?.avoid)) return false;
      return ellipseInLung(lung, { cx, cy, ax: outerR, ay: outerR }, RING_POINTS);
    };
    for (let attempt = 0; attempt < 80; attempt++) {
      // Mid and lower zones of the lateral two thirds, where a reader expects to find nodules.
      const cx = x0 + (x1 - x0) * rng.range(0.15, 0.85);
      const cy = y0 + (y1 - y0) * rng.range(0.25, 0.75);
      if (fits(cx, cy)) return { cx, cy, side, lung };
    }
    const cx = Math.min(image.width - outerR - 1, Math.max(outerR + 1, (x0 + x1) / 2));
    const cy = Math.min(image.height - outerR - 1, Math.max(outerR + 1, y0 + (y1 - y0) * 0.45));
    if (fits(cx, cy)) return { cx, cy, side, lung };
  }
  throw noRoomError('pasted-lesion', 'a nodule', anyLung ? IN_LUNG : NO_LUNG);
}

const HOW_TO_SEE: Readonly<Record<Difficulty, { a9: string; e1: string }>> = {
  obvious: {
    a9: 'Visible at the default window: zoom on the nodule and compare its margin with the vessels next to it; it is cut out, not blurred into the lung.',
    e1: 'Narrow the window and zoom: a smooth ring with almost no grain surrounds the nodule, like a coin laid on the film.',
  },
  subtle: {
    a9: 'Zoom to 200% on the opacity: its edge is a clean step and its inside is smooth, while the lung grain stops at its border.',
    e1: 'Narrow the window (narrow preset) around the nodule: the grain thins out in a ring about half a radius wide, then resumes.',
  },
  expert: {
    a9: 'Use the loupe (M) with a narrow window: the faint nodule has a crisper rim than any vessel seen end-on nearby, and thinner grain inside.',
    e1: 'With the loupe (M) and the narrowest window, compare the grain just outside the nodule with the grain a little further out: a thin smooth ring gives the paste away.',
  },
};

function lesionTells(level: Difficulty, disc: Ellipse, zone: string): Tell[] {
  const region = ellipsePolygon(disc, 1);
  const { strength } = LEVELS[level];
  return [
    {
      artifactId: 'A9',
      regions: [region],
      strength,
      explanation:
        `The round opacity in the ${zone} is pasted. Its margin is sharper and more regular than a real nodule's, and its inside has lost some or all of the grain, and the vessels that cross a real lesion, so it sits on the lung instead of in it.`,
      howToSee: HOW_TO_SEE[level].a9,
    },
    {
      artifactId: 'E1',
      regions: [region],
      strength: strength * 0.8,
      explanation:
        'Around the nodule the lung texture is smoothed in a ring: the edited patch was blended into the film with a soft kernel, as CT-GAN does. Quantum mottle does not stop at a lesion border, so a grain-free rim betrays the blend.',
      howToSee: HOW_TO_SEE[level].e1,
    },
  ];
}

/**
 * A real nodule's margin blurs into the lung over a good part of its radius (motion, partial volume, scatter), and
 * the film's grain runs through it: the margin ramp of the honest rendering, as a fraction of the radius.
 */
const REAL_MARGIN = 0.35;

/** Draws the lesion; `honest` draws it as a real nodule would look (soft margin, grain kept, no blended ring). */
function renderLesion(image: GrayImage, params: ForgeryParams, rng: Rng, honest: boolean): ForgeryResult {
  const p = LEVELS[params.level];
  const { width: w, height: h } = image;
  const placement = rng.fork('placement');
  const r = Math.max(4, p.radius * w * placement.range(0.85, 1.15));
  const halo = Math.max(3, p.halo * r);
  const outer = r + halo;
  const site = chooseSite(image, params, placement, outer);
  const contrast = p.contrast * image.windowWidth * placement.range(0.9, 1.1);
  const edgePx = honest ? Math.max(p.edgePx, REAL_MARGIN * r) : p.edgePx;
  const smoothing = honest ? 0 : p.smoothing;
  const src = toFloat(image);
  const out = src.slice();
  const x0 = Math.max(0, Math.floor(site.cx - outer) - 1);
  const x1 = Math.min(w, Math.ceil(site.cx + outer) + 2);
  const y0 = Math.max(0, Math.floor(site.cy - outer) - 1);
  const y1 = Math.min(h, Math.ceil(site.cy + outer) + 2);
  // Blur only a padded crop around the site: the rest of the image is never read.
  const pad = Math.ceil(PATCH_SIGMA * 4);
  const cx0 = Math.max(0, x0 - pad);
  const cy0 = Math.max(0, y0 - pad);
  const cw = Math.min(w, x1 + pad) - cx0;
  const ch = Math.min(h, y1 + pad) - cy0;
  const crop = new Float32Array(cw * ch);
  for (let y = 0; y < ch; y++) crop.set(src.subarray((y + cy0) * w + cx0, (y + cy0) * w + cx0 + cw), y * cw);
  const smooth = gaussianBlur(crop, cw, ch, PATCH_SIGMA);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const d = Math.hypot(x + 0.5 - site.cx, y + 0.5 - site.cy);
      if (d >= outer) continue;
      // Patch weight: full inside lesion and the inner halo, cosine-like fall to 0 at the outer edge (blend kernel).
      const blend = smoothing * smoothstep((outer - d) / (halo * 0.7));
      // Opacity: a slightly domed plateau with a too-sharp margin ramp of edgePx.
      const body = smoothstep((r - d) / edgePx + 0.5);
      const dome = 0.85 + 0.15 * Math.sqrt(Math.max(0, 1 - (d / r) ** 2));
      const i = y * w + x;
      const here = src[i] as number;
      const patch = smooth[(y - cy0) * cw + (x - cx0)] as number;
      out[i] = here + blend * (patch - here) + contrast * body * dome;
    }
  }
  const lungBox = site.lung.box;
  const zone = zoneName(site.side, site.cy, lungBox);
  const disc: Ellipse = { cx: site.cx, cy: site.cy, ax: outer, ay: outer };
  return { image: toGrayImage(out, image), tells: lesionTells(params.level, disc, zone) };
}

export const pastedLesion: Technique = {
  id: 'pasted-lesion',
  name: 'Pasted nodule',
  artifactIds: ['A9', 'E1'],
  scope: 'local',
  marginPx: 1,
  apply: (image, params, rng) => renderLesion(image, params, rng, false),
  withoutTell: (image, params, rng) => renderLesion(image, params, rng, true).image,
};
