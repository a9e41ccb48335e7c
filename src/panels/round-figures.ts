import { html, type TemplateResult } from 'lit-html';
import { roundRecords } from '../domain/index.js';
import { figuresTitle, roundLearning } from '../presenters/index.js';
import type { GameState } from '../store/index.js';
import { figuresSection } from './figures.js';
import { button, dialog, type Dispatch } from './widgets.js';

/** The reviewed round's reader-study figures (G); the learning curve runs over this session's rounds so far. */
export function roundFiguresDialog(st: GameState, dispatch: Dispatch): TemplateResult {
  const s = st.session;
  if (!s) return html``;
  const learning = roundLearning(s);
  return dialog('figures', figuresTitle(s), html`${figuresSection(s.config.mode.drill ? 'What the worklist says about your reading' : `What round ${s.round + 1} says about your reading`, roundRecords(s), learning, 'figures-heading')}
    <div class="actions">${button('Back to the review', () => dispatch({ type: 'figures' }), { key: 'G / Esc', primary: true, id: 'btn-close-figures' })}</div>`, { full: true });
}
