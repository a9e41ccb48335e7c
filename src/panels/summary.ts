import { html, type TemplateResult } from 'lit-html';
import { keepsPoints, summarise, type SessionState } from '../domain/index.js';
import { summaryLearning } from '../presenters/index.js';
import type { GameState } from '../store/index.js';
import { figuresSection } from './figures.js';
import { trainingSummaryBlock } from './training-summary.js';
import { button, type Dispatch } from './widgets.js';

/** After the last round (or its last review): the session's figures, plots and learning curve. */
export function summaryPage(st: GameState, dispatch: Dispatch): TemplateResult {
  const s = st.session as SessionState;
  const id = st.meta?.id;
  const sum = summarise(s.records);
  const learning = summaryLearning(s, st.history.past.filter((p) => p.id !== id));
  // The heading comes first: the focus lands on it, and the next Tab reaches a training session's result file.
  return html`<div class="page page-summary">
    <h1 id="page-heading" tabindex="-1">Session complete${keepsPoints(s.config.mode) ? `: ${sum.points} points` : ''}</h1>
    ${trainingSummaryBlock(st, dispatch)}
    ${figuresSection('Your reading in figures', s.records, learning)}
    <div class="actions actions-row">
      ${button('Back to the title screen', () => dispatch({ type: 'confirm' }), { key: 'Enter', primary: true, id: 'btn-title' })}
      ${button('Results and history', () => dispatch({ type: 'history' }), { key: 'R', id: 'btn-history' })}
    </div>
  </div>`;
}
