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

export const CROSSHAIR_HELP = 'Arrow keys move it (Shift: bigger steps), X marks or unmarks there, + and - zoom.';
/** In the atlas Up and Down choose the entry and nothing is marked, so its crosshair says which arrows it takes. */
export const ATLAS_CROSSHAIR_HELP = 'Left and Right move it, Shift+Up and Shift+Down too (Shift: bigger steps); + and - zoom.';

/**
 * The words for one event (`say`, null when nothing new is worth saying) and what to compare the next move with
 * (`last`): a move within the same ninth, or against the same edge again, says nothing.
 */
export function viewerKeyWords(e: ViewerKeyEvent, last: string | null, inAtlas = false): { readonly say: string | null; readonly last: string | null } {
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
      return { say: `Crosshair on, ${at} of the image${e.loupe ? ', with the loupe' : ''}. ${inAtlas ? ATLAS_CROSSHAIR_HELP : CROSSHAIR_HELP}`, last: where };
    }
    case 'moved': {
      const words = e.edge ? `Crosshair at the ${e.edge.side} edge of the ${e.edge.of}.` : where;
      return { say: words === last ? null : words, last: words };
    }
  }
}
