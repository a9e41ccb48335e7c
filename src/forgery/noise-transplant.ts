/**
 * E2 copied noise (copy-move): texture from one lung patch is copied onto another. Obvious: the whole patch with its
 * vessels; subtle: its detail above a few px; expert: only its grain, over the target's own anatomy. CT-GAN's
 * `copynoise` touch-up copies noise from a fixed place in the same scan (Mirsky et al. 2019); two places on one film
 * receive independent photons and never share a speckle pattern.
 */
import type { Difficulty } from '../domain/index.js';
import type { Rng } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { ForgeryParams, ForgeryResult, Technique } from './types.js';
import { gaussianBlur, toFloat, toGrayImage } from './filters.js';
import { NoRoomError, cropAt, cropOf, ellipseBox, makeTell } from './local.js';
import { ellipsePixels, ellipsePolygon, ellipseRho, featherWeight } from './regions.js';
import { lungSite } from './sites.js';
import type { LungSite } from './sites.js';

interface Level {
  readonly radius: number;
  /** Sigma (px) of the low-pass kept from the target; 0 copies everything. */
  readonly keepBelow: number;
  /** Share of the donor's texture taken (1: all of it). Below 1 the copy is partial, so it hides at fit-to-window. */
  readonly mix: number;
  readonly feather: number;
  readonly strength: number;
}

const LEVELS: Readonly<Record<Difficulty, Level>> = {
  obvious: { radius: 0.065, keepBelow: 0, mix: 1, feather: 0.25, strength: 0.85 },
  subtle: { radius: 0.055, keepBelow: 4, mix: 1, feather: 0.3, strength: 0.5 },
  expert: { radius: 0.05, keepBelow: 0.7, mix: 0.7, feather: 0.35, strength: 0.3 },
};

const HOW: Readonly<Record<Difficulty, (a: string, b: string) => string>> = {
  obvious: (a, b) => `At the default window compare the ${a} with the ${b}: the same vessels and rib fragments appear in both, shifted but not mirrored.`,
  subtle: (a, b) => `Zoom on the ${a}, memorise a few small vessel branches, then look at the ${b}: the same fine pattern repeats over different background density.`,
  expert: (a, b) => `Narrow the window to its minimum and use the loupe (M) on the ${a} and then the ${b}: much of the speckle of the grain repeats point for point.`,
};

/**
 * Target and donor patches of the same size, both whole inside a lung and apart. When two do not fit (narrow lungs
 * on a real film), both shrink together, down to 70%: the copy must come from lung and cover all of the target.
 */
function placePair(image: GrayImage, params: ForgeryParams, place: Rng, r: number): { target: LungSite; donor: LungSite } {
  const pairAt = (s: number): { target: LungSite; donor: LungSite } => {
    const target = lungSite(image, params, place, { who: 'noise-transplant', ax: r * s, ay: r * s });
    const donor = lungSite(image, params, place, { who: 'noise-transplant', ax: r * s, ay: r * s, alsoAvoid: [target.e] });
    return { target, donor };
  };
  for (const s of [1, 0.85]) {
    try {
      return pairAt(s);
    } catch (e) {
      if (!(e instanceof NoRoomError)) throw e;
    }
  }
  return pairAt(0.7);
}

function apply(image: GrayImage, params: ForgeryParams, rng: Rng): ForgeryResult {
  const p = LEVELS[params.level];
  const { width: w, height: h } = image;
  const r = p.radius * w;
  const place = rng.fork('placement');
  const { target, donor } = placePair(image, params, place, r);
  const src = toFloat(image);
  const pad = Math.ceil(4 * p.keepBelow) + 2;
  const tc = cropOf(src, w, h, ellipseBox(target.e), pad);
  const dc = cropOf(src, w, h, ellipseBox(donor.e), pad);
  const tLow = p.keepBelow > 0 ? gaussianBlur(tc.data, tc.w, tc.h, p.keepBelow) : undefined;
  const dLow = p.keepBelow > 0 ? gaussianBlur(dc.data, dc.w, dc.h, p.keepBelow) : undefined;
  const dx = Math.round(donor.e.cx - target.e.cx);
  const dy = Math.round(donor.e.cy - target.e.cy);
  const out = src.slice();
  const range = ellipsePixels(target.e, w, h);
  for (let y = range.y0; y < range.y1; y++) {
    for (let x = range.x0; x < range.x1; x++) {
      const wgt = p.mix * featherWeight(ellipseRho(target.e, x, y), p.feather);
      if (wgt <= 0) continue;
      const i = y * w + x;
      let v = cropAt(dc, x + dx, y + dy);
      if (tLow && dLow) v = v - cropAt({ ...dc, data: dLow }, x + dx, y + dy) + cropAt({ ...tc, data: tLow }, x, y);
      out[i] = (src[i] as number) + wgt * (v - (src[i] as number));
    }
  }
  const tell = makeTell(
    'E2',
    [ellipsePolygon(target.e, 1), ellipsePolygon(donor.e, 1)],
    p.strength,
    `The texture of the ${target.zone} was copied from the ${donor.zone} (copy-move): ${p.keepBelow === 0 ? 'vessels, rib edges and grain' : p.keepBelow > 2 ? 'the small vessels and the grain' : 'the quantum mottle'} repeat between the two patches. ` +
      'Each spot of a real film receives its own photons, so no two areas can share a speckle pattern; a repeat means a tool copied it.',
    HOW[params.level](target.zone, donor.zone),
  );
  return { image: toGrayImage(out, image), tells: [tell] };
}

export const noiseTransplant: Technique = {
  id: 'noise-transplant',
  name: 'Copy-moved texture',
  artifactIds: ['E2'],
  scope: 'local',
  marginPx: 1,
  apply,
};
