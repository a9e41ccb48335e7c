import type { Phase, WindowStep } from '../domain/index.js';

/**
 * The viewer by keyboard (WCAG 2.2 2.1.1): a crosshair the arrow keys move over the image, X marks or unmarks there
 * as a click does, + and - zoom about it, the loupe follows it, and [ ] , . change the window and its centre as the
 * left-button drag does. The viewer adapter carries these out (ViewerKeyActions; the maths is viewer/viewport-math.ts
 * and viewer/presets.ts); this file says which key does what in which phase, in a case and in the atlas.
 */
export type ViewerKeyIntent =
  /** dx = dy = 0 only shows the crosshair where it is (at the view's centre the first time). */
  | { readonly type: 'crosshair'; readonly dx: -1 | 0 | 1; readonly dy: -1 | 0 | 1; readonly big: boolean }
  | { readonly type: 'markAtCrosshair' }
  | { readonly type: 'zoom'; readonly direction: 1 | -1 }
  | { readonly type: 'window'; readonly step: WindowStep; readonly big: boolean };

/** What the viewer does for those intents (the ViewerPort implements it; input/ does not import viewer/). */
export interface ViewerKeyActions {
  moveCrosshair(dx: -1 | 0 | 1, dy: -1 | 0 | 1, big: boolean): void;
  /** Marks or unmarks at the crosshair through the click's own path; only shows the crosshair if it was hidden. */
  markAtCrosshair(): void;
  /** Zooms about the crosshair when it is shown, else about the view's centre. */
  zoom(direction: 1 | -1): void;
  /** One window/level step (big: a larger one), within the image's values; a mode without window/level ignores it. */
  stepWindow(step: WindowStep, big: boolean): void;
}

/** Phases with a case image on screen (loading keeps the last one until the next arrives). */
const IMAGE_PHASES: ReadonlySet<Phase | 'title'> = new Set(['loading', 'reading', 'timedOut', 'caseReview', 'roundReview']);

const ARROWS: Readonly<Record<string, readonly [-1 | 0 | 1, -1 | 0 | 1]>> = {
  arrowleft: [-1, 0],
  arrowright: [1, 0],
  arrowup: [0, -1],
  arrowdown: [0, 1],
};

/**
 * The window/level keys, which no other screen key uses: [ ] the width, , . the centre (pairs of neighbours on a US
 * keyboard). With Shift (that layout then sends { } < >) they take bigger steps.
 */
const WINDOW_KEYS: Readonly<Record<string, readonly [WindowStep, boolean]>> = {
  '[': ['narrower', false],
  ']': ['wider', false],
  ',': ['lower', false],
  '.': ['higher', false],
  '{': ['narrower', true],
  '}': ['wider', true],
  '<': ['lower', true],
  '>': ['higher', true],
};

type ImageKeyIntent = ViewerKeyIntent | { readonly type: 'magnifier'; readonly atCrosshair: true };

/**
 * The keys of a viewer with an image, wherever it is. `taken` names the arrows the screen keeps for itself (a round's
 * review steps cases with Left and Right, the atlas chooses entries with Up and Down): those move the crosshair with
 * Shift only, in big steps.
 */
function imageViewerKey(key: string, shift: boolean, taken: 'none' | 'horizontal' | 'vertical', canMark: boolean): ImageKeyIntent | undefined {
  const k = key.toLowerCase();
  if (k === '+' || k === '=') return { type: 'zoom', direction: 1 };
  if (k === '-') return { type: 'zoom', direction: -1 };
  // The loupe by key also shows the crosshair, so a keyboard reader sees the loupe at once and the arrows move it.
  if (k === 'm') return { type: 'magnifier', atCrosshair: true };
  if (k === 'x') return canMark ? { type: 'markAtCrosshair' } : undefined;
  const w = WINDOW_KEYS[k];
  if (w) return { type: 'window', step: w[0], big: w[1] || shift };
  const arrow = ARROWS[k];
  if (!arrow || (!shift && ((taken === 'horizontal' && arrow[0] !== 0) || (taken === 'vertical' && arrow[1] !== 0)))) return undefined;
  return { type: 'crosshair', dx: arrow[0], dy: arrow[1], big: shift };
}

/**
 * The viewer's key in the game screen, or undefined for a key it leaves to the rest of the key map. + and - zoom
 * while a case image is shown (volume stays on them elsewhere and in the menu); X marks only while reading.
 */
export function viewerKey(key: string, phase: Phase | 'title', shift: boolean): ImageKeyIntent | undefined {
  if (!IMAGE_PHASES.has(phase)) return undefined;
  return imageViewerKey(key, shift, phase === 'roundReview' ? 'horizontal' : 'none', phase === 'reading');
}

/** The atlas's live example: the same keys as a case's image, but Up and Down choose entries and nothing is marked. */
export function atlasViewerKey(key: string, shift: boolean): ImageKeyIntent | undefined {
  return imageViewerKey(key, shift, 'vertical', false);
}

/** Intents a held key repeats, as a drag would go on (the keyboard listener drops repeats of every other key). */
export const repeats = (intent: { readonly type: string }): boolean => intent.type === 'crosshair' || intent.type === 'window';
