/**
 * "Expert needs the right tool", measured. visibility.ts measures how far a fake's tells move the displayed grey
 * levels at fit-to-window; here the same measure (acuity blur, k-th largest change, VISIBILITY_THRESHOLD) is taken
 * through the tools a reader has, so that an 'expert' tell can be shown to hide at fit-to-window and to appear through
 * the tool its how-to-see text names:
 *
 *  - 'loupe': the magnifier (M) renders native pixels, LOUPE_SCALE display px per image px, no area averaging. The
 *    reader levels the window on the tissue they inspect (centre = median of the original over the pixels the fake changed in the tell regions)
 *    and narrows it as the text says; the best of the default width, the narrow preset (0.45 x) and the grain preset
 *    (0.12 x) counts. The acuity blur is ACUITY_SIGMA display px, so ACUITY_SIGMA / LOUPE_SCALE image px.
 *  - 'narrow': fit-to-window at the narrow preset width, levelled on the tell's tissue the same way.
 *  - 'wide': fit-to-window at the wide preset (2 x the default width), centred as the default.
 *  - a lens id ('noise', 'variance', 'spectrum', 'flip', 'ela'): the lens of the fake against the lens of the original,
 *    each at its own default window as the viewer shows it, at fit-to-window and at 1:1 (the better counts). The
 *    spectrum has no image geometry, so its whole plane is the region.
 *
 * What this can and cannot show. "The change moves no displayed grey level by 3 after the acuity blur" is a
 * sufficient condition for "cannot be seen at fit-to-window", even by a reader who had the original beside it. "The
 * change reaches 3 through the tool" is only a necessary condition for "the tool shows it": it does not prove that a
 * reader recognises it.
 */
import { maskBounds, type Box, type Polygon } from '../../../src/domain/geometry.js';
import type { Tell } from '../../../src/domain/tells.js';
import { computeLens, type LensId } from '../../../src/lenses/registry.js';
import type { GrayImage } from '../../../src/imaging/types.js';
import { ACUITY_SIGMA, displayedChange, fitToViewport, regionMask, renderWindow, type Fitted } from './visibility.js';

/** Display pixels per image pixel through the loupe on a fitted chest (LOUPE_ZOOM 3 in src/viewer/magnifier.ts x a fit scale of ~0.45). */
export const LOUPE_SCALE = 1.35;
export const NARROW = 0.45;
export const GRAIN = 0.12;

export type Tool = 'fit' | 'loupe' | 'narrow' | 'wide' | LensId;

type View = (img: GrayImage) => readonly [center: number, width: number];

/** The level a reader sets on the tell: the median of the original over the pixels the fake changed in the regions. */
function tellLevel(original: GrayImage, fake: GrayImage, regions: readonly Polygon[]): number {
  const mask = regionMask(original.width, original.height, 1, regions);
  const v: number[] = [];
  for (let i = 0; i < mask.length; i++) if (mask[i] && original.data[i] !== fake.data[i]) v.push(original.data[i] as number);
  v.sort((p, q) => p - q);
  return v[Math.floor(v.length / 2)] ?? original.windowCenter;
}

/** The mask's bounding box grown by `margin` (clipped to the plane), and the mask cut to it. */
function cropToMask(mask: Uint8Array, w: number, h: number, margin: number): { box: Box; mask: Uint8Array } {
  const b = maskBounds(w, h, (i) => mask[i] !== 0);
  if (!b) return { box: { x0: 0, y0: 0, x1: 1, y1: 1 }, mask: new Uint8Array(1) };
  const box = { x0: Math.max(0, b.x0 - margin), y0: Math.max(0, b.y0 - margin), x1: Math.min(w, b.x1 + margin), y1: Math.min(h, b.y1 + margin) };
  const cw = box.x1 - box.x0;
  const out = new Uint8Array(cw * (box.y1 - box.y0));
  for (let y = box.y0; y < box.y1; y++) out.set(mask.subarray(y * w + box.x0, y * w + box.x1), (y - box.y0) * cw);
  return { box, mask: out };
}

/** The pixels of `img` inside `box`, as an image of the box's size (same window and depth). */
function cropImage(img: GrayImage, box: Box): GrayImage {
  const cw = box.x1 - box.x0;
  const data = new Uint16Array(cw * (box.y1 - box.y0));
  for (let y = box.y0; y < box.y1; y++) data.set(img.data.subarray(y * img.width + box.x0, y * img.width + box.x1), (y - box.y0) * cw);
  return { ...img, width: cw, height: box.y1 - box.y0, data };
}

/** Score (grey levels) of the fake's tells against the original, seen through one tool (see the header). */
export function toolVisibility(original: GrayImage, fake: GrayImage, tells: readonly Tell[], tool: Tool): number {
  const { width: W, height: H, windowCenter: c, windowWidth: w } = original;
  const whole: Polygon[] = [[{ x: 0, y: 0 }, { x: W, y: 0 }, { x: W, y: H }, { x: 0, y: H }]];
  const regions = tool === 'spectrum' ? whole : tells.flatMap((t) => t.regions);
  const same = (center: number, width: number): View => () => [center, width];
  const own: View = (img) => [img.windowCenter, img.windowWidth];
  const atFit = (a: GrayImage, b: GrayImage, view: View): number => {
    const fa = fitToViewport(renderWindow(a, ...view(a)), a.width, a.height);
    const fb = fitToViewport(renderWindow(b, ...view(b)), b.width, b.height);
    return displayedChange(fa, fb, regionMask(fa.width, fa.height, fa.scale, regions), ACUITY_SIGMA).score;
  };
  let native: { box: Box; mask: Uint8Array } | undefined;
  const atNative = (a: GrayImage, b: GrayImage, view: View, zoom: number): number => {
    // Only the regions' bounding box (plus the blur's reach) is rendered: the blur is the same there as on the whole
    // plane, and the score reads nothing else.
    native ??= cropToMask(regionMask(W, H, 1, regions), W, H, Math.ceil(3 * ACUITY_SIGMA) + 2);
    const { box, mask } = native;
    const plane = (img: GrayImage): Fitted => ({ width: box.x1 - box.x0, height: box.y1 - box.y0, scale: 1, data: renderWindow(cropImage(img, box), ...view(img)) });
    return displayedChange(plane(a), plane(b), mask, ACUITY_SIGMA / zoom).score;
  };
  switch (tool) {
    case 'fit':
      return atFit(original, fake, same(c, w));
    case 'wide':
      return atFit(original, fake, same(c, 2 * w));
    case 'narrow':
      return atFit(original, fake, same(tellLevel(original, fake, regions), NARROW * w));
    case 'loupe': {
      const m = tellLevel(original, fake, regions);
      return Math.max(...[1, NARROW, GRAIN].map((f) => atNative(original, fake, same(m, f * w), LOUPE_SCALE)));
    }
    default: {
      const la = computeLens(tool, original);
      const lb = computeLens(tool, fake);
      return Math.max(atFit(la, lb, own), atNative(la, lb, own, 1));
    }
  }
}
