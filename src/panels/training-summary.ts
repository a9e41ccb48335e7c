import { html, nothing, type TemplateResult } from 'lit-html';
import type { TrainingIntent } from '../input/index.js';
import { outboxWords } from '../presenters/index.js';
import type { GameState } from '../store/index.js';
import { button, type Dispatch } from './widgets.js';

/**
 * On the summary of a training session: whose session it was, the result file (J saves it, signed) and, when the
 * session has an LRS, what became of the answers sent there.
 */
export function trainingSummaryBlock(st: GameState, dispatch: Dispatch): TemplateResult | typeof nothing {
  const a = st.training.active;
  if (!a || st.meta?.id !== a.storedSessionId) return nothing;
  const t = (action: TrainingIntent) => dispatch({ type: 'training', action });
  const o = a.outbox;
  const stuck = o !== null && (o.phase === 'blocked' || o.phase === 'waiting');
  return html`<section class="training-result" aria-labelledby="training-result-title">
    <h2 id="training-result-title">Training session: ${a.title}</h2>
    <p>Set by ${a.instructor} (key <code class="fingerprint">${a.fingerprint}</code>). You took part as <strong>${a.displayName}</strong>.</p>
    <p id="training-saved">${a.savedAs ? `Your result file is saved (${a.savedAs}). Hand it to ${a.instructor}.` : `Save your result file and hand it to ${a.instructor}: it holds your answers, signed so that any change shows.`}</p>
    <div class="actions actions-row">
      ${button(a.savedAs ? 'Save the result file again' : 'Save my result file', () => t({ kind: 'saveResult' }), { key: 'J', primary: true, id: 'btn-save-result' })}
      ${stuck ? button('Try sending again', () => t({ kind: 'retryLrs' }), { id: 'btn-retry-lrs' }) : nothing}
    </div>
    ${o ? html`<p id="training-lrs" class=${o.phase === 'blocked' || o.rejected > 0 ? 'warning' : ''}>${outboxWords(o)}</p>` : nothing}
  </section>`;
}
