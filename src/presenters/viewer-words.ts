import type { Point } from '../domain/index.js';
import type { ViewerKeyEvent } from '../viewer/index.js';

/**
 * What the status line says about the viewer's keys. Few words, and only when they change: where the crosshair is by
 * ninths of the image (not every step), which edge stopped it, the zoom after each press of + or -, the window
 * after each window/level key.
 */
export function crosshairZone(p: Point, size: { readonly width: number; readonly height: number }): string {
  const third = (v: number, n: number): 0 | 1 | 2 => (v < n / 3 ? 0 : v < (2 * n) / 3 ? 1 : 2);
  const row = (['upper', 'middle', 'lower'] as const)[third(p.y, size.height)];
  const col = (['left', 'centre', 'right'] as const)[third(p.x, size.width)];
  return row === 'middle' && col === 'centre' ? 'centre' : row === 'middle' ? `middle ${col}` : `${row} ${col}`;
}

const WINDOW_LIMIT_WORDS = { narrower: 'narrowest', wider: 'widest', lower: 'lowest', higher: 'highest' } as const;

/**
 * Where the crosshair is, for its first words: the arrows it takes and whether X marks differ (input/viewer-keys.ts):
 * X marks only while reading; a round's review steps cases with Left and Right and the atlas chooses entries with Up
 * and Down, so there those arrows move it with Shift only.
 */
export type CrosshairPlace = 'reading' | 'caseReview' | 'roundReview' | 'atlas';

const CROSSHAIR_HELP: Readonly<Record<CrosshairPlace, string>> = {
  reading: 'Arrow keys move it (Shift: bigger steps), X marks or unmarks there, + and - zoom.',
  caseReview: 'Arrow keys move it (Shift: bigger steps); + and - zoom.',
  roundReview: 'Up and Down move it, Shift+Left and Shift+Right too (Shift: bigger steps); + and - zoom.',
  atlas: 'Left and Right move it, Shift+Up and Shift+Down too (Shift: bigger steps); + and - zoom.',
};

/** The place of the game's state, for the crosshair's words. */
export function crosshairPlace(screen: string, phase: string | null): CrosshairPlace {
  if (screen === 'atlas') return 'atlas';
  return phase === 'caseReview' || phase === 'roundReview' ? phase : 'reading';
}

/**
 * The words for one event (`say`, null when nothing new is worth saying) and what to compare the next move with
 * (`last`): a move within the same ninth, or against the same edge again, says nothing.
 */
export function viewerKeyWords(e: ViewerKeyEvent, last: string | null, place: CrosshairPlace = 'reading'): { readonly say: string | null; readonly last: string | null } {
  if (e.kind === 'window') {
    const limit = e.atLimit ? `, the ${WINDOW_LIMIT_WORDS[e.step]} it goes` : '';
    return { say: `Window width ${Math.round(e.voi.windowWidth)}, centre ${Math.round(e.voi.windowCenter)}${limit}.`, last };
  }
  if (e.kind === 'zoom') {
    const pct = Math.round((e.scale / e.fitScale) * 100);
    return { say: `Zoom ${pct}% of the fitted view${e.atLimit ? `, the ${e.direction > 0 ? 'most' : 'least'} it goes` : ''}.`, last };
  }
  const zone = crosshairZone(e.point, e.image);
  const where = `Crosshair: ${zone}.`;
  switch (e.change) {
    case 'hidden':
      return { say: null, last: null };
    case 'shown': {
      const at = zone === 'centre' ? 'in the centre' : `at the ${zone}`;
      return { say: `Crosshair on, ${at} of the image${e.loupe ? ', with the loupe' : ''}. ${CROSSHAIR_HELP[place]}`, last: where };
    }
    case 'moved': {
      const words = e.edge ? `Crosshair at the ${e.edge.side} edge of the ${e.edge.of}.` : where;
      return { say: words === last ? null : words, last: words };
    }
  }
}
