import { html, nothing, type TemplateResult } from 'lit-html';
import {
  ARTIFACT_CATEGORIES, currentCaseId, draftCallsFake, RATING_LABELS, RATINGS, SIGN_KEYS, type SessionState,
} from '../domain/index.js';
import { CATEGORY_LABELS, draftWords, HINT_WORDS } from '../presenters/index.js';
import type { GameState } from '../store/index.js';
import { readingTools } from './viewer-tools.js';
import { button, type Dispatch } from './widgets.js';

/**
 * The side panel while a drill's film is read. Unprompted: the read (normal, abnormal) and a flag; prompted: the
 * six-point rating. Once the film is called fake the reader may name the kind of sign. Nothing here depends on the
 * film's truth: the same words, buttons and colours for every film (issue 16: nothing before the end may tell the
 * outcome). The AI badge, when the case has one, shows its call in the same neutral style for both calls.
 */
export function drillReadingPanel(st: GameState, dispatch: Dispatch): TemplateResult {
  const s = st.session as SessionState;
  const mode = s.config.mode;
  const unprompted = mode.answer === 'read-and-flag';
  const loading = s.phase === 'loading';
  const reading = s.phase === 'reading';
  const id = currentCaseId(s);
  const hint = reading && id ? s.config.hints?.[id] : undefined;
  let status: string;
  if (loading) status = 'Preparing the next film...';
  else if (s.phase === 'timedOut') status = "Time's up: no answer was given for this film. Moving on...";
  else status = unprompted ? `${draftWords(s)}.` : s.rating ? `Your rating: ${s.rating} (${RATING_LABELS[s.rating]}). Press Enter to give it, or choose another.` : 'Choose a rating from 1 to 6.';
  const ready = unprompted ? s.read !== null : s.rating !== null;
  return html`<aside class="side" aria-labelledby="side-heading">
    <h2 id="side-heading">${loading ? 'Next film' : unprompted ? 'Your read' : 'Real or fake?'}</h2>
    ${hint ? html`<p class="ai-badge" id="ai-badge" role="note">${HINT_WORDS[hint]}</p>` : nothing}
    ${unprompted ? readButtons(s, reading, dispatch) : ratingButtons(s, reading, dispatch)}
    ${reading && draftCallsFake(s) ? tellButtons(s, dispatch) : nothing}
    ${button('Give this answer', () => dispatch({ type: 'confirm' }), { key: 'Enter', primary: true, disabled: !ready || !reading, id: 'btn-confirm' })}
    <p class="status" id="reading-status" aria-live="off">${status}</p>
    ${readingTools(st, dispatch)}
  </aside>`;
}

function readButtons(s: SessionState, reading: boolean, dispatch: Dispatch): TemplateResult {
  return html`<div class="reads" role="group" aria-label="Your read">
      ${button('Normal', () => dispatch({ type: 'read', read: 'normal' }), { key: '1', pressed: reading && s.read === 'normal', disabled: !reading, id: 'btn-read-normal' })}
      ${button('Abnormal', () => dispatch({ type: 'read', read: 'abnormal' }), { key: '2', pressed: reading && s.read === 'abnormal', disabled: !reading, id: 'btn-read-abnormal' })}
    </div>
    ${button('Flag: suspected manipulated or synthetic', () => dispatch({ type: 'flag' }), { key: 'F', pressed: reading && s.flagged, disabled: !reading, id: 'btn-flag', className: 'flag' })}`;
}

function ratingButtons(s: SessionState, reading: boolean, dispatch: Dispatch): TemplateResult {
  return html`<div class="ratings" role="group" aria-label="Your rating">
    ${RATINGS.map((r) => button(`${r} ${RATING_LABELS[r]}`, () => dispatch({ type: 'rate', rating: r }), {
      pressed: reading && s.rating === r, disabled: !reading, id: `btn-rate-${r}`, className: `rating rating-${r}`,
    }))}
  </div>`;
}

function tellButtons(s: SessionState, dispatch: Dispatch): TemplateResult {
  return html`<div class="tells" role="group" aria-labelledby="tells-heading">
    <h3 id="tells-heading">Which kind of sign? (optional: press its letter, or click)</h3>
    ${ARTIFACT_CATEGORIES.map((c) => button(CATEGORY_LABELS[c], () => dispatch({ type: 'nameTell', category: c }), { key: SIGN_KEYS[c], pressed: s.tellNamed === c, id: `btn-tell-${c}` }))}
    <p class="hint">Click the image to mark where you saw it, or press X at the crosshair the arrow keys move (optional).</p>
  </div>`;
}
