import type { Phase } from '../domain/index.js';
import type { GameState, GameStore } from '../store/index.js';
import type { ViewerPort } from '../viewer/index.js';

/** The one owner of the viewer's visibility: shown while a case is on screen and no menu, help or error covers it. */
export function viewerShouldShow(st: GameState, atlasHasExample: (index: number) => boolean = () => false): boolean {
  if (st.ui.atlasOpen) return atlasHasExample(st.ui.atlasIndex) && !st.ui.menuOpen && !st.ui.helpOpen && st.ui.error === null;
  const phase: Phase | undefined = st.session?.phase;
  const casePhase = phase === 'reading' || phase === 'answered' || phase === 'timedOut' || phase === 'roundReview';
  return casePhase && !st.ui.menuOpen && !st.ui.helpOpen && !st.ui.historyOpen && !st.ui.figuresOpen && st.ui.error === null;
}

export function bindViewerVisibility(store: GameStore, viewer: ViewerPort, atlasHasExample?: (index: number) => boolean): () => void {
  return store.subscribe((st) => viewerShouldShow(st, atlasHasExample), (v) => viewer.setVisible(v), { fireImmediately: true });
}
