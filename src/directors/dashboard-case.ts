import { caseImageId, caseId } from '../domain/index.js';
import type { GameStore } from '../store/index.js';
import type { ViewerPort } from '../viewer/index.js';

/**
 * Shows the case the debrief dashboard opened (its tells come from the overlay, bind-viewer.ts overlayFor). The
 * image loader makes the case again from the deck through the case library, as for a review.
 */
export function startDashboardCase(store: GameStore, viewer: ViewerPort): () => void {
  return store.subscribe(
    (st) => (st.screen.name === 'dashboard' ? st.training.dashboard.shown?.caseId ?? null : null),
    (id) => {
      if (!id) return;
      viewer.show(caseImageId(caseId(id), false, null)).catch((err: unknown) => store.getState().patchDashboard({ lrsMessage: null, busy: `The case could not be shown: ${(err as Error).message}` }));
    },
  );
}
