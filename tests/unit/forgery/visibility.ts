/**
 * "Visible at fit-to-window", measured. The game shows a case fitted into a viewport of about 800 x 800 CSS px, at
 * the image's own default window (GrayImage.windowCenter/windowWidth) mapped linearly to 8-bit grey. So we:
 *
 *  1. render the original and the fake through that window to 8-bit grey (DICOM PS3.3 C.11.2.1.2 linear VOI
 *     function, rounded, clamped: detail pushed below black or above white is lost, as on screen);
 *  2. shrink both by area averaging (each display pixel is the mean of the image area it covers) to fit 800 x 800;
 *  3. take the difference, in grey levels, blur it by the eye's acuity (a Gaussian of ACUITY_SIGMA display px) and
 *     keep its size over the display pixels inside the tell regions dilated by DILATE_DISPLAY_PX (global techniques
 *     declare the whole image);
 *  4. score = the grey-level difference reached by the k most changed display pixels there (the k-th largest
 *     |difference|), k = max(VISIBLE_AREA_PX, 1% of the region), but at most 5% of the region.
 *
 * Why a grey-level difference: a change that moves no displayed pixel by more than a just-noticeable difference
 * cannot be seen without a tool, however it is arranged. It is a necessary condition for "visible", not a full
 * observer model (it does not know what the reader is looking for), which is what we can defend objectively.
 *
 * Why ACUITY_SIGMA = 0.7 display px: at a reading distance of about 60 cm a 0.25 mm display pixel subtends about
 * 1.4 arc minutes, so the display's Nyquist frequency is about 20 cycles per degree, where human contrast sensitivity
 * (Barten's model, the basis of the DICOM GSDF) is some 0.15 of its value at a few cycles per degree. A Gaussian
 * whose transfer falls to 0.15 at 20 c/deg has a sigma of about 0.9 arc minutes, 0.65-0.7 display px. Without it, a
 * pixel-by-pixel reshuffle of grain that leaves every few-pixel average alone would count as "visible"; with it, a
 * 1 px line keeps about half its contrast and anything 3 px or wider nearly all.
 *
 * Why VISIBILITY_THRESHOLD = 3 grey levels: on an 8-bit display at typical luminance one grey level is about one
 * JND for a large, uniform patch (DICOM PS3.14 GSDF: a 1-350 cd/m^2 display spans some 600 JNDs over 256 levels;
 * an uncalibrated sRGB monitor spreads its levels less evenly). Small targets on a textured background (anatomical
 * noise, quantum mottle) need a contrast 2-3 times the uniform-field threshold (contrast-detail studies, Rose
 * model), so a change that reaches 3 grey levels over a patch of VISIBLE_AREA_PX display pixels is the least we
 * call "visible at fit-to-window"; 'obvious' must reach it, 'expert' (where a tool is the design) should not.
 *
 * Why VISIBLE_AREA_PX = 64: about an 8 x 8 display-pixel patch, or a 1-2 px wide line 30-60 px long, the smallest
 * thing a reader notices on a whole film at a glance. A percentile of the whole region alone would let a thin
 * line in a generous region, or a small lesion in a big lung box, score zero though it is plain to see. For big
 * regions (global techniques: the whole film) 1% of it must change, so that the tails of a pixel-scale noise
 * difference (a few hundred isolated pixels, which the eye does not group into anything) do not count; 5% caps k
 * in regions so small that 64 px would be most of them.
 */

import type { Polygon } from '../../../src/domain/geometry.js';
import { polygonBounds } from '../../../src/domain/geometry.js';
import type { Tell } from '../../../src/domain/tells.js';
import type { GrayImage } from '../../../src/imaging/types.js';
import { inDilatedPolygon } from './measure.js';

export const VIEWPORT_PX = 800;
export const DILATE_DISPLAY_PX = 3;
export const VISIBLE_AREA_PX = 64;
export const VISIBILITY_THRESHOLD = 3;
export const ACUITY_SIGMA = 0.7;

/** 8-bit grey through a window (DICOM PS3.3 C.11.2.1.2 linear VOI function), rounded and clamped as a display would. */
export function renderWindow(img: GrayImage, center: number, width: number): Float32Array {
  const w = Math.max(2, width);
  const out = new Float32Array(img.data.length);
  for (let i = 0; i < out.length; i++) {
    const v = (((img.data[i] as number) - (center - 0.5)) / (w - 1) + 0.5) * 255;
    out[i] = Math.round(Math.min(255, Math.max(0, v)));
  }
  return out;
}

/** 8-bit grey through the image's default window. */
export const renderDefaultWindow = (img: GrayImage): Float32Array => renderWindow(img, img.windowCenter, img.windowWidth);

/** Per output index: [first source index, weights...] of an exact area-average from n to m samples (m <= n). */
function areaWeights(n: number, m: number): { start: number; weights: number[] }[] {
  const f = n / m;
  return Array.from({ length: m }, (_, o) => {
    const a = o * f;
    const b = (o + 1) * f;
    const start = Math.floor(a);
    const weights: number[] = [];
    for (let s = start; s < Math.min(n, Math.ceil(b)); s++) weights.push((Math.min(b, s + 1) - Math.max(a, s)) / f);
    return { start, weights };
  });
}

/** A plane of display grey levels, `scale` display px per image px. */
export interface Fitted {
  readonly width: number;
  readonly height: number;
  /** Display pixels per image pixel. */
  readonly scale: number;
  readonly data: Float32Array;
}

/** Area-average a width x height plane to fit VIEWPORT_PX x VIEWPORT_PX, keeping the aspect ratio; never enlarges. */
export function fitToViewport(plane: Float32Array, width: number, height: number, viewport = VIEWPORT_PX): Fitted {
  const scale = Math.min(1, viewport / width, viewport / height);
  const ow = Math.max(1, Math.round(width * scale));
  const oh = Math.max(1, Math.round(height * scale));
  const wx = areaWeights(width, ow);
  const wy = areaWeights(height, oh);
  const rows = new Float32Array(ow * height);
  for (let y = 0; y < height; y++) {
    for (let ox = 0; ox < ow; ox++) {
      const { start, weights } = wx[ox] as { start: number; weights: number[] };
      let s = 0;
      for (let k = 0; k < weights.length; k++) s += (plane[y * width + start + k] as number) * (weights[k] as number);
      rows[y * ow + ox] = s;
    }
  }
  const out = new Float32Array(ow * oh);
  for (let oy = 0; oy < oh; oy++) {
    const { start, weights } = wy[oy] as { start: number; weights: number[] };
    for (let ox = 0; ox < ow; ox++) {
      let s = 0;
      for (let k = 0; k < weights.length; k++) s += (rows[(start + k) * ow + ox] as number) * (weights[k] as number);
      out[oy * ow + ox] = s;
    }
  }
  return { width: ow, height: oh, scale: ow / width, data: out };
}

/** Exact separable Gaussian (kernel to 3 sigma, edges clamped); returns a new plane. */
export function gaussian(plane: Float32Array, w: number, h: number, sigma: number): Float32Array {
  const r = Math.max(1, Math.ceil(3 * sigma));
  const k = Array.from({ length: 2 * r + 1 }, (_, i) => Math.exp(-((i - r) ** 2) / (2 * sigma * sigma)));
  const sum = k.reduce((a, b) => a + b, 0);
  const kn = k.map((v) => v / sum);
  const tmp = new Float32Array(plane.length);
  const out = new Float32Array(plane.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let j = -r; j <= r; j++) s += (plane[y * w + Math.min(w - 1, Math.max(0, x + j))] as number) * (kn[j + r] as number);
      tmp[y * w + x] = s;
    }
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let j = -r; j <= r; j++) s += (tmp[Math.min(h - 1, Math.max(0, y + j)) * w + x] as number) * (kn[j + r] as number);
      out[y * w + x] = s;
    }
  }
  return out;
}

/** Display pixels whose centre, mapped back to the image, lies in a region dilated by DILATE_DISPLAY_PX. */
export function regionMask(width: number, height: number, scale: number, regions: readonly Polygon[]): Uint8Array {
  const mask = new Uint8Array(width * height);
  const margin = DILATE_DISPLAY_PX / scale;
  for (const poly of regions) {
    const b = polygonBounds(poly);
    const x0 = Math.max(0, Math.floor((b.x0 - margin) * scale));
    const x1 = Math.min(width, Math.ceil((b.x1 + margin) * scale));
    const y0 = Math.max(0, Math.floor((b.y0 - margin) * scale));
    const y1 = Math.min(height, Math.ceil((b.y1 + margin) * scale));
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const i = y * width + x;
        if (!mask[i] && inDilatedPolygon({ x: (x + 0.5) / scale, y: (y + 0.5) / scale }, poly, margin)) mask[i] = 1;
      }
    }
  }
  return mask;
}

export interface Visibility {
  /** Grey levels reached by the k most changed display pixels in the tell regions (see the header). */
  readonly score: number;
  /** 95th percentile of the blurred |difference| over the (dilated) tell regions, for reference. */
  readonly p95: number;
  /** Display pixels inside the dilated tell regions. */
  readonly regionPx: number;
}

/** Steps 3 and 4 of the header for two displayed planes of one size; `sigma` is the acuity blur in their pixels. */
export function displayedChange(a: Fitted, b: Fitted, mask: Uint8Array, sigma: number): Visibility {
  const d = new Float32Array(a.data.length);
  for (let i = 0; i < d.length; i++) d[i] = (b.data[i] as number) - (a.data[i] as number);
  const seen = sigma > 0 ? gaussian(d, a.width, a.height, sigma) : d;
  let n = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) n++;
  // The blurred plane is Float32 already, so a typed array holds the values exactly; its native sort is ascending.
  const diffs = new Float32Array(n);
  for (let i = 0, j = 0; i < mask.length; i++) if (mask[i]) diffs[j++] = Math.abs(seen[i] as number);
  diffs.sort();
  const kth = (k: number): number => diffs[n - Math.max(1, k)] ?? 0; // k-th largest
  const k = Math.min(Math.ceil(0.05 * n), Math.max(VISIBLE_AREA_PX, Math.ceil(0.01 * n)));
  return { score: kth(k), p95: kth(Math.ceil(0.05 * n)), regionPx: n };
}

/** How visible a fake's tells are at fit-to-window and the default window, against its original. */
export function fitToWindowVisibility(original: GrayImage, fake: GrayImage, tells: readonly Tell[]): Visibility {
  const a = fitToViewport(renderDefaultWindow(original), original.width, original.height);
  const b = fitToViewport(renderDefaultWindow(fake), fake.width, fake.height);
  const mask = regionMask(a.width, a.height, a.scale, tells.flatMap((t) => t.regions));
  return displayedChange(a, b, mask, ACUITY_SIGMA);
}
