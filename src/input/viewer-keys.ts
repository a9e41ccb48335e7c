import type { Phase } from '../domain/index.js';

/**
 * The viewer by keyboard (WCAG 2.2 2.1.1): a crosshair the arrow keys move over the image, X marks or unmarks there
 * as a click does, + and - zoom about it, and the loupe follows it. The viewer adapter carries these out
 * (ViewerKeyActions; the maths is viewer/viewport-math.ts); this file says which key does what in which phase.
 */
export type ViewerKeyIntent =
  /** dx = dy = 0 only shows the crosshair where it is (at the view's centre the first time). */
  | { readonly type: 'crosshair'; readonly dx: -1 | 0 | 1; readonly dy: -1 | 0 | 1; readonly big: boolean }
  | { readonly type: 'markAtCrosshair' }
  | { readonly type: 'zoom'; readonly direction: 1 | -1 };

/** What the viewer does for those intents (the ViewerPort implements it; input/ does not import viewer/). */
export interface ViewerKeyActions {
  moveCrosshair(dx: -1 | 0 | 1, dy: -1 | 0 | 1, big: boolean): void;
  /** Marks or unmarks at the crosshair through the click's own path; only shows the crosshair if it was hidden. */
  markAtCrosshair(): void;
  /** Zooms about the crosshair when it is shown, else about the view's centre. */
  zoom(direction: 1 | -1): void;
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
 * The viewer's key in the game screen, or undefined for a key it leaves to the rest of the key map. + and - zoom
 * while a case image is shown (volume stays on them elsewhere and in the menu). In a round's review plain Left and
 * Right still step through the cases, so there the crosshair moves sideways with Shift only.
 */
export function viewerKey(key: string, phase: Phase | 'title', shift: boolean): ViewerKeyIntent | { readonly type: 'magnifier'; readonly atCrosshair: true } | undefined {
  if (!IMAGE_PHASES.has(phase)) return undefined;
  const k = key.toLowerCase();
  if (k === '+' || k === '=') return { type: 'zoom', direction: 1 };
  if (k === '-') return { type: 'zoom', direction: -1 };
  // The loupe by key also shows the crosshair, so a keyboard reader sees the loupe at once and the arrows move it.
  if (k === 'm') return { type: 'magnifier', atCrosshair: true };
  if (k === 'x') return phase === 'reading' ? { type: 'markAtCrosshair' } : undefined;
  const arrow = ARROWS[k];
  if (!arrow) return undefined;
  if (phase === 'roundReview' && arrow[0] !== 0 && !shift) return undefined;
  return { type: 'crosshair', dx: arrow[0], dy: arrow[1], big: shift };
}

/** The atlas's live example zooms too (about the view's centre: its arrows choose entries). */
export function atlasViewerKey(key: string): ViewerKeyIntent | undefined {
  if (key === '+' || key === '=') return { type: 'zoom', direction: 1 };
  if (key === '-') return { type: 'zoom', direction: -1 };
  return undefined;
}

/** Intents a held key repeats (the keyboard listener drops repeats of every other key). */
export const repeats = (intent: { readonly type: string }): boolean => intent.type === 'crosshair';
