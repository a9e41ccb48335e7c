/**
 * What a change looks like at fit-to-window, for techniques whose 'obvious' level promises to show there. The game
 * fits a case into a viewport of about FIT_VIEW_PX (800) px at the film's default window, so a film 2048 px long is
 * shown at 0.39 px per pixel: pixel-scale changes (grain, the finest markings) are averaged away, and the same edit
 * that shows on a 1024 px film can vanish on a 2048 px one, or on a film with a wide window or little grain. A fixed
 * strength per level therefore breaks the level's promise on some films; 'obvious' steps its strength up until the
 * change, seen this way, reaches FIT_TARGET grey levels.
 *
 * The view is modelled as in tests/unit/forgery/visibility.ts (which measures the levels independently): grey levels
 * through the default window (DICOM PS3.3 C.11.2.1.2, linear VOI), the area average of fitting plus the eye's acuity
 * (0.7 display px) approximated by one Gaussian of 0.76 display px, and the level reached by the top 1% of the
 * changed pixels.
 */
import type { GrayImage } from '../imaging/index.js';
import { gaussianBlur } from './filters.js';

/** The viewport the game fits a case into (CSS px), as the product requirement for 'obvious' states it. */
export const FIT_VIEW_PX = 800;

/**
 * Grey levels the 'obvious' change must reach in this model: above the 3 grey levels that visibility.ts calls
 * visible (a JND of an 8-bit display times the 2-3 a textured background asks, DICOM PS3.14 and the Rose model),
 * with a margin for the model's approximations (at 4 the measure read 3.1 on a demo film).
 */
export const FIT_TARGET = 5;

/**
 * The least fitChange a technique that has no strength to step may still call 'obvious': the 3 grey levels of
 * visibility.ts plus a margin for this model's error (over straight-spine's band it read 0.2 under to 0.7 over that
 * measure on 13 films, 0.3 over at most where the measure was under 5). Below it the technique declines 'obvious' on
 * that film (NoRoomError), so a deck builder tries another film or technique and no level is overstated.
 */
export const FIT_VISIBLE = 3.5;

/** Image pixels per display pixel at fit-to-window (1 when the film is smaller than the viewport). */
export const fitPxPerDisplayPx = (image: GrayImage): number => Math.max(1, image.width / FIT_VIEW_PX, image.height / FIT_VIEW_PX);

/** Display grey levels per unit of stored pixel value at the default window. */
export const greyPerUnit = (image: GrayImage): number => 255 / Math.max(2, image.windowWidth - 1);

/**
 * Grey levels reached at fit-to-window by the top 1% of the change from `before` to `after` (planes of w x h, a crop
 * of `image`), over the pixels where `inside(x, y)` holds (crop coordinates).
 */
export function fitChange(image: GrayImage, before: Float32Array, after: Float32Array, w: number, h: number, inside: (x: number, y: number) => boolean): number {
  const g = greyPerUnit(image);
  const d = new Float32Array(before.length);
  for (let i = 0; i < d.length; i++) d[i] = ((after[i] as number) - (before[i] as number)) * g;
  const seen = gaussianBlur(d, w, h, 0.76 * fitPxPerDisplayPx(image));
  const picked = new Float32Array(w * h);
  let n = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (inside(x, y)) picked[n++] = Math.abs(seen[y * w + x] as number);
  if (n === 0) return 0;
  // A typed array's native sort is numeric and much faster than an array of numbers with a comparator.
  const vals = picked.subarray(0, n).sort();
  return vals[Math.min(n - 1, Math.floor(0.99 * n))] as number;
}

/**
 * The first of `strengths` (in increasing order) whose result reaches FIT_TARGET at fit-to-window, else the last:
 * `render(s)` gives the edited plane for strength s, `atFit(plane)` its fitChange.
 */
export function strongEnough<T>(strengths: readonly number[], render: (s: number) => T, atFit: (r: T) => number): T {
  let out: T | undefined;
  for (const s of strengths) {
    out = render(s);
    if (atFit(out) >= FIT_TARGET) return out;
  }
  if (out === undefined) throw new Error('strongEnough: no strengths given');
  return out;
}
