import { html, type TemplateResult } from 'lit-html';
import { MAX_MARKS, RATING_LABELS, RATINGS, type SessionState } from '../domain/index.js';
import type { GameState } from '../store/index.js';
import { readingTools } from './viewer-tools.js';
import { button, type Dispatch } from './widgets.js';

/** The side panel while reading: the six-point scale, the answer, marks, and the viewer's tools. */
export function readingPanel(st: GameState, dispatch: Dispatch): TemplateResult {
  const s = st.session as SessionState;
  const loading = s.phase === 'loading';
  const chosen = s.phase === 'reading' ? s.rating : null;
  let status: string;
  if (loading) status = 'Preparing the case...';
  else if (s.phase === 'timedOut') status = "Time's up: no answer was given, so this case counts as a time-out. Moving on...";
  else if (chosen) status = `Your rating: ${chosen} (${RATING_LABELS[chosen]}). Press Enter to give it, or choose another.`;
  else status = 'Choose a rating from 1 to 6.';
  return html`<aside class="side" aria-labelledby="side-heading">
    <h2 id="side-heading">${loading ? 'Next case' : 'Real or fake?'}</h2>
    <div class="ratings" role="group" aria-label="Your rating">
      ${RATINGS.map((r) => button(`${r} ${RATING_LABELS[r]}`, () => dispatch({ type: 'rate', rating: r }), {
        pressed: chosen === r, disabled: s.phase !== 'reading', id: `btn-rate-${r}`, className: `rating rating-${r}`,
      }))}
    </div>
    ${button('Give this answer', () => dispatch({ type: 'confirm' }), { key: 'Enter', primary: true, disabled: chosen === null, id: 'btn-confirm' })}
    <p class="status" id="reading-status" aria-live="off">${status}</p>
    <p class="marks">Marks ${s.marks.length}/${MAX_MARKS}: click the image where you see the tell, or move the crosshair there with the arrow keys and press X (on a mark: remove it).</p>
    ${readingTools(st, dispatch)}
  </aside>`;
}
