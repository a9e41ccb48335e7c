import { html, nothing, type TemplateResult } from 'lit-html';
import { summarise, tellsOfTruth, type CaseRecord, type SessionState } from '../domain/index.js';
import { CaseWord, onwardLabel, reviewHeading, reviewShowsPoints, reviewText, summaryLines } from '../presenters/index.js';
import { reviewedRecord, reviewRecords, type GameState } from '../store/index.js';
import { viewTools } from './viewer-tools.js';
import { button, type Dispatch } from './widgets.js';

/** The side panel of a review: one case after its answer, or the round's cases one at a time, with the truth. */
export function reviewPanel(st: GameState, dispatch: Dispatch): TemplateResult {
  const s = st.session as SessionState;
  const rec = reviewedRecord(st);
  const recs = reviewRecords(st);
  const round = s.phase === 'roundReview';
  const onward = button(onwardLabel(s, st.reviewOnly), () => dispatch({ type: 'confirm' }), { key: 'Enter', primary: true, id: 'btn-continue' });
  // The body scrolls on its own; the way through the round and on stays below it, in view, never over the text.
  const steps = round && rec ? html`<div class="tool-row review-steps">
      ${button('Previous', () => dispatch({ type: 'reviewStep', delta: -1 }), { key: '←', id: 'btn-prev' })}
      ${button('Figures', () => dispatch({ type: 'figures' }), { key: 'G', id: 'btn-figures' })}
      ${button('Next', () => dispatch({ type: 'reviewStep', delta: 1 }), { key: '→', id: 'btn-next' })}
    </div>` : nothing;
  return html`<aside class="side side-review" aria-labelledby="side-heading">
    <div class="side-body">
      <h2 id="side-heading">${round ? reviewHeading(s) : 'The truth about this case'}</h2>
      ${round ? html`<ul class="summary-lines">${summaryLines(summarise(recs), reviewShowsPoints(s)).slice(0, reviewShowsPoints(s) ? 4 : 3).map((l) => html`<li>${l}</li>`)}</ul>
        <nav class="case-strip" aria-label=${s.config.mode.drill ? 'Films of the worklist' : 'Cases of this round'}>${recs.map((r, k) => caseChip(r, k, st.screen.review.index, dispatch))}</nav>` : nothing}
      ${rec ? caseBody(rec, st, dispatch) : nothing}
    </div>
    <div class="side-foot">${steps}${onward}</div>
  </aside>`;
}

function caseChip(r: CaseRecord, k: number, selected: number, dispatch: Dispatch): TemplateResult {
  const label = `${k + 1} ${r.score.correct ? 'right' : r.timedOut ? 'time-out' : 'wrong'}`;
  return button(label, () => dispatch({ type: 'reviewGoto', index: k }), {
    pressed: k === selected, id: `btn-review-${k + 1}`, className: `chip ${r.score.correct ? 'chip-right' : 'chip-wrong'}`,
  });
}

function caseBody(rec: CaseRecord, st: GameState, dispatch: Dispatch): TemplateResult {
  const t = reviewText(rec, st.session ? reviewShowsPoints(st.session) : true);
  const forged = rec.truth.kind === 'forged';
  const hasTells = tellsOfTruth(rec.truth).length > 0;
  const r = st.screen.review;
  // The tools come before the explanation, which can be long: at 1280 x 720 they stay in view without scrolling.
  return html`<article class="case-review" aria-labelledby="review-verdict">
    <h3 id="review-verdict" class=${rec.score.correct ? 'good' : 'bad'}>${st.session ? CaseWord(st.session.config.mode) : 'Case'} ${rec.indexInRound + 1}: ${t.verdict}</h3>
    ${t.level ? html`<p class="level">${t.level}</p>` : nothing}
    <p>${t.answer}</p>
    ${t.points === null ? nothing : html`<p>${t.points}</p>`}
    <div class="tool-row">
      ${button(`Tells ${r.tellsVisible ? 'shown' : 'hidden'}`, () => dispatch({ type: 'tells' }), { key: 'T', pressed: r.tellsVisible, disabled: !hasTells, id: 'btn-tells' })}
      ${button(r.compare === 'original' ? 'Showing original' : 'Compare with original', () => dispatch({ type: 'compare' }), { key: 'C', pressed: r.compare === 'original', disabled: !forged, id: 'btn-compare' })}
      ${button('Flicker', () => dispatch({ type: 'flicker' }), { key: 'F', pressed: r.flicker, disabled: !forged, id: 'btn-flicker' })}
    </div>
    <div class="tool-row">${viewTools(st, dispatch)}</div>
    <div class="review-body" id="review-body" tabindex="0" aria-label="Explanation">${t.body.split('\n\n').map((para) => html`<p>${para}</p>`)}</div>
  </article>`;
}
