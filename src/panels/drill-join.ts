import { html, nothing, type TemplateResult } from 'lit-html';
import type { GameState } from '../store/index.js';
import { button, type Dispatch } from './widgets.js';

/**
 * The page a signed drill link opens: who set it, the key fingerprint to compare with the one the lead announced,
 * the days it is open, a name for the result file, and Start. The name is the reader's own data (delivery/README.md).
 * Once the reader's run ended (finished, or stopped early) the page offers only its result file: no second attempt.
 */
export function drillJoinPage(st: GameState, dispatch: Dispatch, setName: (name: string) => void): TemplateResult {
  const j = st.drill.join;
  if (!j) return html``;
  const days = j.opens || j.closes ? `Open ${j.opens ? `from ${j.opens}` : ''}${j.closes ? ` to ${j.closes} (inclusive)` : ''}.` : '';
  if (j.ended) return endedPage(st, dispatch);
  const closedWhy = j.availability === 'not-yet-open' ? `This exercise opens on ${j.opens}.` : j.availability === 'closed' ? `This exercise closed on ${j.closes}.` : null;
  return html`<div class="page page-drill-join">
    <h1 id="page-heading" tabindex="-1">${j.title}</h1>
    <p class="lead">Set by ${j.instructor}: ${j.cases} films${j.prompted ? ', each rated for authenticity' : ', each read as on a routine list'}. ${days}</p>
    <p>Check that this key fingerprint is the one your lead gave you: <strong class="fingerprint" id="drill-fingerprint">${j.fingerprint}</strong></p>
    <label class="field" for="drill-reader-name">Your name or initials, as the lead asked (only in the file you send back)</label>
    <input id="drill-reader-name" class="text-input" type="text" maxlength="80" autocomplete="off" .value=${j.readerName}
      @input=${(e: Event) => setName((e.target as HTMLInputElement).value)}
      @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') { e.preventDefault(); dispatch({ type: 'confirm' }); } }} />
    ${closedWhy ? html`<p class="bad" role="alert">${closedWhy}</p>` : nothing}
    ${j.message ? html`<p class="bad" role="alert" id="drill-join-message">${j.message}</p>` : nothing}
    <div class="actions">${button('Start', () => dispatch({ type: 'confirm' }), { key: 'Enter', primary: true, disabled: closedWhy !== null || j.readerName.trim() === '', id: 'btn-drill-start' })}</div>
  </div>`;
}

function endedPage(st: GameState, dispatch: Dispatch): TemplateResult {
  const j = st.drill.join;
  if (!j) return html``;
  const said = j.ended === 'complete'
    ? 'You have finished this exercise in this browser; it is done once, so it cannot be started again.'
    : 'You stopped this exercise before its end in this browser; it cannot be restarted. Your result file holds the films you answered and says it was stopped.';
  return html`<div class="page page-drill-join">
    <h1 id="page-heading" tabindex="-1">${j.title}</h1>
    <p class="lead">Set by ${j.instructor}. Key fingerprint <strong class="fingerprint" id="drill-fingerprint">${j.fingerprint}</strong></p>
    <p id="drill-ended">${said}</p>
    ${j.message ? html`<p class="bad" role="alert" id="drill-join-message">${j.message}</p>` : nothing}
    <div class="actions">${button('Save my result file', () => dispatch({ type: 'saveResultFile' }), { key: 'J', primary: true, id: 'btn-drill-save' })}</div>
  </div>`;
}
