import { html, nothing, type TemplateResult } from 'lit-html';
import { hidesPurpose, signedDrillRunOf } from '../domain/index.js';
import { helpRows, historyLine } from '../presenters/index.js';
import { atlasOpenNow, type GameState } from '../store/index.js';
import { button, dialog, selectionList, type Dispatch } from './widgets.js';

/** The Esc menu (paused while a case is read, when the mode allows a pause), controls, and error messages. */
export function menuDialog(st: GameState, dispatch: Dispatch): TemplateResult {
  const reading = st.session?.phase === 'reading';
  const paused = reading && st.session?.pausedAt !== null;
  const title = reading ? (paused ? 'Paused' : 'Menu (this mode does not pause the clock)') : 'Menu';
  const hidden = st.session !== null && hidesPurpose(st.session);
  const vol = `Volume ${Math.round(st.settings.volume * 100)}%${st.settings.muted ? ' (muted)' : ''}`;
  return dialog('menu', title, html`
    <p>${vol}</p>
    <div class="actions actions-row">
      ${button('Volume down', () => dispatch({ type: 'volume', delta: -0.1 }), { key: '-', id: 'btn-vol-down' })}
      ${button('Volume up', () => dispatch({ type: 'volume', delta: 0.1 }), { key: '+', id: 'btn-vol-up' })}
      ${button(st.settings.muted ? 'Unmute' : 'Mute', () => dispatch({ type: 'mute' }), { key: 'S', id: 'btn-menu-mute' })}
    </div>
    <div class="actions actions-col">
      ${button('Resume', () => dispatch({ type: 'menu' }), { key: 'Esc', primary: true, id: 'btn-resume' })}
      ${button('Controls', () => dispatch({ type: 'help' }), { key: 'H', id: 'btn-menu-help' })}
      ${st.cme.module || hidden ? nothing : button('Results and history', () => dispatch({ type: 'history' }), { key: 'R', id: 'btn-menu-history' })}
      ${hidden || !atlasOpenNow(st) ? nothing : button('Artifact atlas', () => dispatch({ type: 'atlas' }), { key: 'A', id: 'btn-menu-atlas' })}
      ${st.cme.module
        ? button('Continue later (your progress is kept)', () => dispatch({ type: 'quit' }), { key: 'Q', id: 'btn-quit', disabled: st.cme.module.finished })
        : st.session ? button('Quit to the title screen', () => dispatch({ type: 'quit' }), { key: 'Q', id: 'btn-quit' }) : nothing}
    </div>`);
}

export function helpDialog(st: GameState, dispatch: Dispatch): TemplateResult {
  const join = st.drill.join;
  const rows = helpRows({ session: st.session, module: st.cme.module !== null, atlas: atlasOpenNow(st), drillJoin: join && !join.ended ? { prompted: join.prompted } : null });
  return dialog('help', 'Controls', html`
    <table class="controls">
      <thead><tr><th scope="col">Key</th><th scope="col">What it does</th></tr></thead>
      <tbody>${rows.map(([keys, action]) => html`<tr><th scope="row"><kbd>${keys}</kbd></th><td>${action}</td></tr>`)}</tbody>
    </table>
    <p class="note">Every key has a button too, and Tab reaches every button.</p>
    <div class="actions">${button('Close', () => dispatch({ type: 'help' }), { key: 'H / Esc', primary: true, id: 'btn-close-help' })}</div>`, { wide: true });
}

export function errorDialog(message: string, dispatch: Dispatch): TemplateResult {
  const [title, ...rest] = message.includes('\n') ? message.split('\n') : ['Something needs your attention', message];
  return dialog('error', title ?? '', html`
    <p id="error-text">${rest.join(' ')}</p>
    <div class="actions">${button('Dismiss', () => dispatch({ type: 'dismissError' }), { key: 'Enter', primary: true, id: 'btn-dismiss' })}</div>`);
}

export function historyDialog(st: GameState, dispatch: Dispatch): TemplateResult {
  const past = st.history.past;
  // J saves a training session's or a signed drill's result file when its row is chosen (intents.ts); otherwise it exports all.
  const chosen = past[st.history.index];
  const isTraining = chosen?.mode.hooks === 'training';
  const isDrill = !!chosen && signedDrillRunOf(chosen.id) !== null;
  return dialog('history', 'Results and history', html`
    <p class="note">Kept in this browser on this computer only. Nothing is sent anywhere; exports are files you save.</p>
    ${past.length === 0 ? html`<p>No sessions stored yet.</p>` : html`
      <p class="note">Up/Down and Enter (or a click) open a session for review.</p>
      ${selectionList('history-list', past.map((p, i) => ({ label: historyLine(p), id: `history-row-${i}`, onClick: () => dispatch({ type: 'openPast', index: i }) })), st.history.index)}`}
    <div class="actions actions-row">
      ${isTraining ? button('Save the result file of this training session', () => dispatch({ type: 'training', action: { kind: 'saveResult', index: st.history.index } }), { key: 'J', primary: true, id: 'btn-history-result' }) : nothing}
      ${isDrill ? button('Save the signed result file of this drill', () => dispatch({ type: 'exportJson' }), { key: 'J', primary: true, id: 'btn-history-result' }) : nothing}
      ${button(isTraining || isDrill ? 'Export all as JSON' : 'Export JSON', () => dispatch({ type: 'exportJson', everything: true }), { ...(isTraining || isDrill ? {} : { key: 'J' }), id: 'btn-export-json' })}
      ${button('Export CSV', () => dispatch({ type: 'exportCsv' }), { key: 'V', id: 'btn-export-csv' })}
      ${button('Import JSON', () => dispatch({ type: 'importResults' }), { key: 'O', id: 'btn-import' })}
      ${button(st.history.confirmDelete ? 'Press D again to delete everything' : 'Delete my data', () => dispatch({ type: 'deleteData' }), { key: 'D', danger: true, id: 'btn-delete' })}
    </div>
    <div class="actions">${button('Close', () => dispatch({ type: 'history' }), { key: 'R / Esc', primary: true, id: 'btn-close-history' })}</div>`, { wide: true });
}
