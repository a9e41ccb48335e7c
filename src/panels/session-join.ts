import { html, nothing, type TemplateResult } from 'lit-html';
import type { TrainingIntent } from '../input/index.js';
import type { GameState, JoinView } from '../store/index.js';
import { textField } from './form.js';
import { button, dialog, type Dispatch } from './widgets.js';

/**
 * A resident's join page (a link with #session=..., or a dropped bundle): who issued the session and its key
 * fingerprint (to compare with the one the instructor shows), the fixed settings, any refusal with its reason,
 * and the display name the reader chooses.
 */
export function sessionJoinDialog(st: GameState, dispatch: Dispatch): TemplateResult {
  const t = (action: TrainingIntent) => dispatch({ type: 'training', action });
  const j = st.training.join as JoinView;
  if (j.status === 'refused') {
    return dialog('session-join', 'This session cannot be joined', html`
      <p id="join-refusal" class="problem">${j.refusal}</p>
      <p class="note">The game checked the session's signature and dates; nothing was started.</p>
      <div class="actions">${button('Close', () => t({ kind: 'close' }), { key: 'Esc', primary: true, id: 'btn-close-join' })}</div>`);
  }
  const ready = j.status === 'ready';
  return dialog('session-join', `Join: ${j.title}`, html`
    <p class="lead">Issued by <strong id="join-instructor">${j.instructor}</strong></p>
    <p class="join-fingerprint">Key fingerprint <code class="fingerprint" id="join-fingerprint">${j.fingerprint}</code></p>
    <p class="note">Compare it with the fingerprint your instructor shows: the same means this session is theirs and unaltered.</p>
    <dl class="numbers" id="join-details">${j.details.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
    <p class="note">These settings are fixed by the instructor for every reader.</p>
    ${j.warnings.map((w) => html`<p class="warning">${w}</p>`)}
    ${j.status === 'needs-bundle'
      ? html`<p class="problem" id="join-needs-bundle">This session plays a case pack that is not in this browser. Drop the session bundle (.zip) your instructor shared anywhere on this page, or choose it.</p>
        <div class="actions">${button('Choose the bundle', () => t({ kind: 'pickBundle' }), { key: 'O', primary: true, id: 'btn-pick-bundle' })}</div>`
      : nothing}
    ${j.status === 'done' || j.status === 'stopped'
      ? html`<p id="join-done">${j.status === 'done'
        ? 'You have finished this session. Save your result file again if you need to hand it in.'
        : 'You stopped this session before its end, so it cannot be restarted. Save your result file: it holds the cases you answered and says the session was not finished.'}</p>
        <div class="actions">${button('Save my result file', () => t({ kind: 'saveResult' }), { key: 'J', primary: true, id: 'btn-join-save' })}</div>`
      : nothing}
    ${ready
      ? html`<form class="join-form" @submit=${(e: Event) => { e.preventDefault(); t({ kind: 'join' }); }}>
          ${textField('join-name', 'Your display name or pseudonym', j.displayName, (v) => t({ kind: 'joinName', value: v }), {
            hint: 'Kept in this browser and written only into the result file you hand in; never sent anywhere else.', autocomplete: 'nickname',
          })}
          ${j.problem ? html`<p class="problem" role="alert">${j.problem}</p>` : nothing}
          <div class="actions">${button(j.joinedBefore ? 'Continue the session' : 'Join and start', () => t({ kind: 'join' }), { key: 'Enter', primary: true, id: 'btn-join' })}</div>
        </form>`
      : nothing}
    <div class="actions">${button('Not now', () => t({ kind: 'close' }), { key: 'Esc', id: 'btn-close-join' })}</div>`);
}
