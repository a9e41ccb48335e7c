import { html, nothing, type TemplateResult } from 'lit-html';
import { casesInRound, countOf, type SessionState } from '../domain/index.js';
import { briefingLines, modeTitle } from '../presenters/index.js';
import { button, type Dispatch } from './widgets.js';

/** Before each round: what is about to happen and how to answer (the words come from the mode's hooks). */
export function briefingPage(s: SessionState, dispatch: Dispatch): TemplateResult {
  const lines = briefingLines(s);
  return html`<div class="page page-briefing">
    <h1 id="page-heading" tabindex="-1">${s.config.mode.drill ? modeTitle(s.config.mode) : `${s.config.mode.name}${s.config.rounds.length > 1 ? `: round ${s.round + 1} of ${s.config.rounds.length}` : ''}`}</h1>
    ${s.config.mode.drill ? nothing : html`<p class="lead">${countOf(casesInRound(s), 'radiograph')}, ${s.config.mode.secondsPerCase} seconds each.</p>`}
    ${lines.map((l) => html`<p>${l}</p>`)}
    <div class="actions">${button(s.config.mode.drill ? 'Start the worklist' : 'Start round', () => dispatch({ type: 'confirm' }), { key: 'Enter', primary: true, id: 'btn-start-round' })}</div>
    ${s.config.mode.allowPause ? html`<p class="note">Esc opens the menu and pauses the clock.</p>` : nothing}
  </div>`;
}
