import { html, nothing, type TemplateResult } from 'lit-html';
import { DIFFICULTY_LEVELS, FEEDBACK_TIMINGS, LENS_IDS, VIEW_TOOLS } from '../domain/index.js';
import type { TrainingIntent } from '../input/index.js';
import { FEEDBACK_LABELS, LENS_LABELS, LEVEL_LABELS, TOOL_LABELS } from '../presenters/index.js';
import type { GameState, SetupDraft, SetupOutput } from '../store/index.js';
import { checkField, checkGroup, selectField, textField } from './form.js';
import { button, dialog, type Dispatch } from './widgets.js';

/**
 * The instructor's setup (N on the title screen): the session's title, deck and rules, order, pairing and LRS; the
 * key it is signed with; then the join link, its QR code and the files to hand out.
 */
export function sessionSetupDialog(st: GameState, dispatch: Dispatch): TemplateResult {
  const t = (action: TrainingIntent) => dispatch({ type: 'training', action });
  const s = st.training.setup;
  const d = s.draft;
  const field = (name: keyof SetupDraft) => (value: string | boolean) => t({ kind: 'setupField', field: name, value });
  const toggle = (name: 'tools' | 'lenses' | 'levels') => (value: string) => t({ kind: 'setupToggle', field: name, value });
  const decks: [string, string][] = [['demo', 'Demo deck (simulated radiographs)'], ...st.packs.list.map((p): [string, string] => [p.id, `Case pack: ${p.title} (${p.cases} cases)`])];
  return dialog('session-setup', 'Training session for a class', html`
    <p class="note">One signed session for the whole class: every resident reads the same cases under the same rules, and hands back a
      signed result file. Your key stays in this browser; nothing is sent anywhere.</p>
    <div class=${s.bigCode && s.output ? 'setup-grid setup-big' : 'setup-grid'}>
      <form class="setup-form" @submit=${(e: Event) => { e.preventDefault(); t({ kind: 'sign' }); }}>
        <fieldset><legend>Session</legend>
          ${textField('setup-title', 'Title', d.title, field('title'), { placeholder: 'Tuesday deepfake reading' })}
          ${textField('setup-instructor', 'Your name (the residents see it)', d.instructor, field('instructor'))}
          ${textField('setup-address', 'Game address (where residents open the game)', d.address, field('address'), { type: 'url', wide: true })}
        </fieldset>
        <fieldset><legend>Deck</legend>
          ${selectField('setup-deck', 'Deck', d.deck, decks, field('deck'), 'Case packs are those stored in this browser (K on the title screen).')}
          ${textField('setup-seed', 'Seed (fixes every image and the order)', d.seed, field('seed'), { type: 'number', min: 0 })}
        </fieldset>
        <fieldset><legend>Rules</legend>
          <div class="field-row">
            ${textField('setup-rounds', 'Rounds', d.rounds, field('rounds'), { type: 'number', min: 1, max: 20 })}
            ${textField('setup-cases', 'Cases per round', d.casesPerRound, field('casesPerRound'), { type: 'number', min: 1, max: 200 })}
            ${textField('setup-seconds', 'Seconds per case', d.secondsPerCase, field('secondsPerCase'), { type: 'number', min: 5, max: 600 })}
            ${textField('setup-fakes', 'Fakes (%)', d.fakePercent, field('fakePercent'), { type: 'number', min: 0, max: 100 })}
          </div>
          ${selectField('setup-feedback', 'Feedback', d.feedback, FEEDBACK_TIMINGS.map((f): [string, string] => [f, `The truth ${FEEDBACK_LABELS[f]}`]), field('feedback'))}
          ${checkField('setup-pause', 'Esc pauses the clock', d.allowPause, field('allowPause'))}
          ${checkField('setup-score', 'Show the running score', d.showScore, field('showScore'))}
          ${checkGroup('setup-tools', 'Viewer tools allowed', VIEW_TOOLS.map((x): [string, string] => [x, TOOL_LABELS[x] ?? x]), d.tools, toggle('tools'))}
          ${checkGroup('setup-lenses', 'Forensic lenses allowed', LENS_IDS.map((x): [string, string] => [x, LENS_LABELS[x] ?? x]), d.lenses, toggle('lenses'))}
          ${checkGroup('setup-levels', 'Difficulty of the fakes', DIFFICULTY_LEVELS.map((x): [string, string] => [x, LEVEL_LABELS[x] ?? x]), d.levels, toggle('levels'))}
        </fieldset>
        <fieldset><legend>Order and pairing</legend>
          ${selectField('setup-order', 'Case order', d.order, [['same', 'The same for every reader'], ['counterbalanced', 'Counterbalanced per reader (Williams design)']], field('order'))}
          <div class="field-row">
            ${textField('setup-pair-id', 'Pre/post pairing id (optional)', d.pairingId, field('pairingId'), { placeholder: 'ct-2026' })}
            ${selectField('setup-pair-role', 'This session is', d.pairingRole, [['', 'not paired'], ['pre', 'the pre-test'], ['post', 'the post-test']], field('pairingRole'))}
          </div>
          ${textField('setup-expires', 'Closes at (optional)', d.expires, field('expires'), { type: 'datetime-local' })}
        </fieldset>
        <fieldset><legend>Learning Record Store (optional)</legend>
          <p class="hint">Only a credential made in the LRS for this session (write-only, expiring within 31 days): it travels in the link.</p>
          ${textField('setup-lrs-endpoint', 'xAPI endpoint', d.lrsEndpoint, field('lrsEndpoint'), { type: 'url', placeholder: 'https://lrs.example.org/xapi/', wide: true })}
          ${textField('setup-lrs-token', 'Authorization (Basic … or Bearer …)', d.lrsToken, field('lrsToken'), { wide: true })}
          ${textField('setup-lrs-expires', 'Token expires at', d.lrsTokenExpires, field('lrsTokenExpires'), { type: 'datetime-local' })}
          ${textField('setup-lrs-base', 'Activity base IRI (default: the game address)', d.lrsActivityBase, field('lrsActivityBase'), { type: 'url', wide: true })}
        </fieldset>
        ${s.problem ? html`<p class="problem" role="alert" id="setup-problem">${s.problem}</p>` : nothing}
        <div class="actions">${button(s.busy ? 'Signing…' : 'Sign and make the link', () => t({ kind: 'sign' }), { primary: true, busy: s.busy, id: 'btn-sign' })}</div>
      </form>
      <section class="setup-output" aria-labelledby="setup-output-title">
        <h3 id="setup-output-title">The join link and your key</h3>
        ${s.output ? outputBlock(s.output, s.bigCode, t) : html`<p class="note">Sign the session to get its link and QR code.</p>`}
        ${keyBlock(st, t)}
      </section>
    </div>
    <div class="actions actions-row">
      ${button('Debrief dashboard', () => t({ kind: 'openDashboard' }), { key: 'B', id: 'btn-setup-dashboard' })}
      ${button('Close', () => t({ kind: 'close' }), { key: 'Esc', id: 'btn-close-setup' })}
    </div>`, { wide: true });
}

function keyBlock(st: GameState, t: (a: TrainingIntent) => void): TemplateResult {
  const s = st.training.setup;
  return html`<p id="setup-key">${s.key
    ? html`Signing as <strong>${s.key.name}</strong>, key fingerprint <code class="fingerprint">${s.key.fingerprint}</code>.`
    : 'No key yet: one is made when you sign, and kept in this browser.'}</p>
    <div class="actions actions-row">
      ${button('Save key file', () => t({ kind: 'saveKey' }), { disabled: !s.key, id: 'btn-save-key' })}
      ${button('Load key file', () => t({ kind: 'loadKey' }), { id: 'btn-load-key' })}
      ${s.key ? button(s.confirmNewKey ? 'Press again to replace the key' : 'New key', () => t({ kind: 'newKey' }), { danger: s.confirmNewKey, id: 'btn-new-key' }) : nothing}
    </div>`;
}

function outputBlock(o: SetupOutput, big: boolean, t: (a: TrainingIntent) => void): TemplateResult {
  return html`<div class=${big ? 'join-code join-code-big' : 'join-code'} id="setup-output">
    <p class="join-fingerprint">Fingerprint <code class="fingerprint" id="setup-fingerprint">${o.fingerprint}</code></p>
    ${o.qrSvg
      ? html`<img class="qr" id="setup-qr" src=${`data:image/svg+xml;charset=utf-8,${encodeURIComponent(o.qrSvg)}`} alt="QR code of the join link" />`
      : html`<p class="problem">${o.qrProblem}</p>`}
    <p><label for="setup-link">Join link</label></p>
    <textarea id="setup-link" class="link-text" readonly rows="4" .value=${o.joinAddress}></textarea>
    ${o.warnings.map((w) => html`<p class="warning">${w}</p>`)}
    <div class="actions actions-row">
      ${button('Copy link', () => t({ kind: 'copyLink' }), { primary: true, id: 'btn-copy-link' })}
      ${button(big ? 'Smaller' : 'Show large for the projector', () => t({ kind: 'bigCode' }), { pressed: big, id: 'btn-big-code' })}
      ${button('Save session.json', () => t({ kind: 'saveSession' }), { id: 'btn-save-session' })}
      ${o.isPack ? button('Save bundle (pack + session)', () => t({ kind: 'saveBundle' }), { id: 'btn-save-bundle' }) : nothing}
      ${o.qrSvg ? button('Save QR code (SVG)', () => t({ kind: 'saveQr' }), { id: 'btn-save-qr' }) : nothing}
    </div>
  </div>`;
}
