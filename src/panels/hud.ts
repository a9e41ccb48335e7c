import { html, nothing, type TemplateResult } from 'lit-html';
import { whereLine } from '../presenters/index.js';
import { headerScore, reviewedRecord, type GameState } from '../store/index.js';
import { button, type Dispatch } from './widgets.js';

/**
 * The top bar: where the reader is, the score the mode lets them see, the countdown and sound and menu. On a case,
 * which has no page heading, the where-line is the screen's h1 (`heading`). The seconds
 * are written into #hud-time by the clock director between renders (lit never writes inside it); Phaser draws the countdown bar into the slot.
 */
export function hud(st: GameState, dispatch: Dispatch, o: { readonly heading?: boolean } = {}): TemplateResult {
  const s = st.session;
  const sound = st.settings.muted ? 'Sound off' : `Sound ${Math.round(st.settings.volume * 100)}%`;
  const score = headerScore(st);
  // A drill link's join page names the exercise, not the trainer (an unprompted drill presents a reading exercise).
  let where = st.cme.module ? st.cme.module.info.title : st.drill.join && !s ? st.drill.join.title : 'Real or Fake?';
  if (s) where = whereLine(s, s.phase === 'roundReview' || s.phase === 'caseReview' ? reviewedRecord(st) : null);
  const timed = s?.phase === 'reading' || s?.phase === 'loading';
  return html`<header class="hud" aria-label="Game status">
    ${o.heading
      ? html`<h1 class="hud-where" id="hud-where">${where}${st.reviewOnly ? ' (past session, review only)' : nothing}</h1>`
      : html`<div class="hud-where" id="hud-where">${where}${st.reviewOnly ? ' (past session, review only)' : nothing}</div>`}
    <div class="hud-score" id="hud-score">${score ? html`Points ${score.points}${s?.config.mode.feedback === 'after-case' ? html` <span>Streak ${score.streak}</span>` : nothing}` : nothing}</div>
    <div class="hud-clock" ?hidden=${!timed}>
      <div class="countdown-slot" data-fx-slot="countdown" aria-hidden="true"><div class="countdown-fill" id="hud-bar"></div></div>
      <div class="hud-time" id="hud-time" role="timer" aria-label="Time left"></div>
    </div>
    <div class="hud-buttons">
      ${button(sound, () => dispatch({ type: 'mute' }), { key: 'S', id: 'btn-mute' })}
      ${s || st.cme.module ? button('Menu', () => dispatch({ type: 'menu' }), { key: 'Esc', id: 'btn-menu' }) : nothing}
    </div>
  </header>`;
}
