import { viewerKeyWords } from '../presenters/index.js';
import type { ViewerPort } from '../viewer/index.js';

/** Says what the viewer's keys did on the status line (words: presenters/viewer-words.ts), without a word per step. */
export function startViewerWords(viewer: ViewerPort, say: (text: string) => void, inAtlas: () => boolean = () => false): () => void {
  let last: string | null = null;
  return viewer.onKeyView((e) => {
    const w = viewerKeyWords(e, last, inAtlas());
    last = w.last;
    if (w.say) say(w.say);
  });
}
