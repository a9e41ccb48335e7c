import type { WindowPreset, WindowStep } from '../domain/index.js';

/**
 * Window presets relative to the image's own default VOI (DICOM PS3.3 C.11.2), so they suit any processed
 * radiograph, simulated or a department's: wide for the overview, narrow and grain to hunt texture and noise,
 * bone to bring out cortex and trabeculae (bright in MONOCHROME2).
 */
export interface Voi {
  readonly windowCenter: number;
  readonly windowWidth: number;
}

export function presetVoi(preset: WindowPreset, base: Voi, maxValue: number): Voi {
  const { windowCenter: c, windowWidth: w } = base;
  const clampW = (x: number): number => Math.max(2, Math.min(x, maxValue + 1));
  switch (preset) {
    case 'default':
      return base;
    case 'wide':
      return { windowCenter: c, windowWidth: clampW(w * 2) };
    case 'narrow':
      return { windowCenter: c, windowWidth: clampW(w * 0.45) };
    case 'bone':
      return { windowCenter: c + w * 0.2, windowWidth: clampW(w * 0.55) };
    case 'grain':
      return { windowCenter: c, windowWidth: clampW(w * 0.12) };
  }
}

/** Window/level drag: horizontal widens the window, vertical moves the level (cornerstone-tools' WWWC convention). */
export function dragVoi(voi: Voi, dx: number, dy: number, maxValue: number): Voi {
  const perPixel = (maxValue + 1) / 800;
  return {
    windowWidth: Math.max(2, Math.min(voi.windowWidth + dx * perPixel * 2, (maxValue + 1) * 2)),
    windowCenter: Math.max(-maxValue, Math.min(voi.windowCenter + dy * perPixel, maxValue * 2)),
  };
}

/** The values the image holds (cornerstone's minPixelValue and maxPixelValue). */
export interface ValueRange {
  readonly min: number;
  readonly max: number;
}

/**
 * One press of a window/level key. The width steps by a factor, as the zoom keys do, since a useful window runs from
 * a few values (grain) to the whole range; the centre steps by a share of the width, so one press shifts the grey
 * scale by the same visible amount at any width. Every press changes by at least one value.
 */
export const WINDOW_STEP_FACTOR = 1.1;
export const WINDOW_BIG_STEP_FACTOR = 1.5;
export const CENTRE_STEP_SHARE = 0.05;
export const CENTRE_BIG_STEP_SHARE = 0.25;

/**
 * The window after one key step: the width at least 1 and at most the image's span, the centre within the image's
 * values. A window already outside those bounds (a drag may go further) is never pushed further out, nor made to jump
 * in: the press changes nothing and `atLimit` says so.
 */
export function stepVoi(voi: Voi, step: WindowStep, big: boolean, range: ValueRange): { readonly voi: Voi; readonly atLimit: boolean } {
  const { windowCenter: c, windowWidth: w } = voi;
  let next: Voi;
  if (step === 'narrower' || step === 'wider') {
    const f = big ? WINDOW_BIG_STEP_FACTOR : WINDOW_STEP_FACTOR;
    const span = range.max - range.min + 1;
    const width = step === 'wider' ? Math.max(Math.round(w * f), w + 1) : Math.min(Math.round(w / f), w - 1);
    next = { windowCenter: c, windowWidth: step === 'wider' ? Math.min(width, Math.max(span, w)) : Math.max(width, Math.min(1, w)) };
  } else {
    const d = Math.max(Math.round(w * (big ? CENTRE_BIG_STEP_SHARE : CENTRE_STEP_SHARE)), 1);
    next = { windowCenter: step === 'higher' ? Math.min(c + d, Math.max(range.max, c)) : Math.max(c - d, Math.min(range.min, c)), windowWidth: w };
  }
  return { voi: next, atLimit: next.windowCenter === c && next.windowWidth === w };
}
