import { html, type TemplateResult } from 'lit-html';
import { roundRecords, summarise } from '../domain/index.js';
import { figuresFor } from '../presenters/index.js';
import type { GameState } from '../store/index.js';
import { figuresSection } from './figures.js';
import { button, dialog, type Dispatch } from './widgets.js';

/** The reviewed round's reader-study figures (G); the learning curve runs over this session's rounds so far. */
export function roundFiguresDialog(st: GameState, dispatch: Dispatch): TemplateResult {
  const s = st.session;
  if (!s) return html``;
  const rounds = Array.from({ length: s.round + 1 }, (_, r) => roundRecords(s, r));
  const learning = rounds.map((recs) => ({ accuracy: summarise(recs).accuracy, auc: figuresFor(recs).report.roc.auc?.auc ?? null }));
  return dialog('figures', `Round ${s.round + 1} figures`, html`${figuresSection(`What round ${s.round + 1} says about your reading`, roundRecords(s), learning, 'figures-heading')}
    <div class="actions">${button('Back to the review', () => dispatch({ type: 'figures' }), { key: 'G / Esc', primary: true, id: 'btn-close-figures' })}</div>`, { full: true });
}
