import { crosshairPlace, viewerKeyWords } from '../presenters/index.js';
import type { ViewerPort } from '../viewer/index.js';

/** Where the viewer is shown: the screen's name and the session's phase (null without a session). */
export type ViewerWhere = () => { readonly screen: string; readonly phase: string | null };

/** Says what the viewer's keys did on the status line (words: presenters/viewer-words.ts), without a word per step. */
export function startViewerWords(viewer: ViewerPort, say: (text: string) => void, where: ViewerWhere): () => void {
  let last: string | null = null;
  return viewer.onKeyView((e) => {
    const at = where();
    const w = viewerKeyWords(e, last, crosshairPlace(at.screen, at.phase));
    last = w.last;
    if (w.say) say(w.say);
  });
}
