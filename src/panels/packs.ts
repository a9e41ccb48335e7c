import { html, nothing, type TemplateResult } from 'lit-html';
import type { GameState, PackListEntry, PendingDrop } from '../store/index.js';
import { button, dialog, selectionList, type Dispatch } from './widgets.js';
import { countOf } from '../domain/index.js';

/** One line per deck: what it is, how many cases, and whether flagged images were reviewed. */
export function packLine(p: PackListEntry): string {
  const review = p.flaggedCases > 0 && !p.reviewed ? `; ${countOf(p.flaggedCases, 'flagged image')} NOT REVIEWED` : '';
  return `${p.title} (${p.id}): ${countOf(p.cases, 'case')}, ${p.fakes} fake; ${p.author}; ${p.licence}${review}`;
}

/**
 * When the drop form goes, or a build button is disabled while it builds, the focus goes back to the pack chosen in the
 * list (and with the selection on to the pack just built).
 */
const SELECTED_PACK = '#pack-list [aria-pressed="true"]';

/**
 * Before a build from dropped folders: what the images in each unlabelled folder are, and the title (a folder's name
 * is offered, never used unasked). A plain form; its values go to the app on submit, which checks them.
 */
function dropForm(d: PendingDrop, dispatch: Dispatch): TemplateResult {
  const submit = (e: Event): void => {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const labels = Object.fromEntries(d.roots.map((r, i) => [r.name, String(data.get(`label-${i}`) ?? '')]));
    dispatch({ type: 'answerDrop', title: String(data.get('title') ?? ''), labels });
  };
  const asked = d.roots.map((r, i) => ({ r, i })).filter(({ r }) => r.unlabelled > 0 || r.isZip);
  return html`<form class="drop-form" id="drop-form" @submit=${submit} aria-labelledby="drop-form-heading">
    <h3 id="drop-form-heading">Before the build</h3>
    ${asked.map(({ r, i }) => html`<div class="field">
      <label for=${`drop-label-${i}`}>${r.isZip ? `Images in ${r.name}.zip` : `Images in the folder "${r.name}"`} (${countOf(r.files, 'file')}${r.unlabelled > 0 && !r.isZip ? `, ${r.unlabelled} without a real/ or synthetic/ folder` : ''})</label>
      <select id=${`drop-label-${i}`} name=${`label-${i}`}>
        <option value="">${r.isZip || d.hasLabelsCsv ? 'as its folders or labels.csv say' : 'choose...'}</option>
        <option value="real">real films (authentic)</option>
        <option value="synthetic">AI-generated or tampered</option>
      </select></div>`)}
    <div class="field field-wide">
      <label for="drop-title">Pack title</label>
      <input id="drop-title" name="title" type="text" maxlength="120" autocomplete="off" spellcheck="false"
        placeholder="e.g. Chest week 3" aria-describedby="drop-title-hint" />
      ${d.titleSuggestion ? button(`Use the folder's name, "${d.titleSuggestion}"`, () => {
        const input = document.getElementById('drop-title') as HTMLInputElement | null;
        if (input) input.value = d.titleSuggestion ?? '';
      }, { id: 'btn-drop-folder-title' }) : nothing}
      <span class="hint" id="drop-title-hint">${d.titleWarning ?? 'Empty: the pack.json title, else a default title.'}</span>
    </div>
    ${d.problem ? html`<p class="problem" id="drop-problem" role="alert">${d.problem}</p>` : nothing}
    <div class="actions actions-row">
      <button type="submit" class="btn btn-primary" id="btn-drop-build" data-focus-return=${SELECTED_PACK}>Build the pack</button>
      ${button('Cancel', () => dispatch({ type: 'cancelDrop' }), { id: 'btn-drop-cancel', focusReturn: SELECTED_PACK })}
    </div>
  </form>`;
}

/** Case packs: the decks that can be played, building or importing one from files, export and delete. */
export function packsDialog(st: GameState, dispatch: Dispatch): TemplateResult {
  const p = st.packs;
  const rows = ['Demo deck (built in): simulated chest radiographs generated in your browser', ...p.list.map(packLine)];
  const selected = p.index > 0;
  return dialog('packs', 'Case packs', html`
    <p class="note">Build a pack from your department's de-identified images: drop a folder (with real/ and synthetic/
      sub-folders) or a zip anywhere on this page, or use the buttons. Packs stay in this browser; nothing is sent anywhere.</p>
    ${selectionList('pack-list', rows.map((text, i) => ({ label: text, id: `pack-row-${i}`, onClick: () => dispatch({ type: 'playPack', index: i }) })), p.index)}
    ${p.pendingDrop ? dropForm(p.pendingDrop, dispatch) : nothing}
    ${p.busy ? html`<div class="progress" id="pack-progress">
      <label for="pack-progress-bar">${p.busy.phase}: ${p.busy.done} of ${p.busy.total}</label>
      <progress id="pack-progress-bar" max=${p.busy.total || 1} value=${p.busy.done}></progress></div>` : nothing}
    ${p.pendingLeaks ? button(`Build again, accepting the ${countOf(p.pendingLeaks.length, 'leak')} named below knowingly`, () => dispatch({ type: 'acceptLeaks' }), { key: 'A', danger: true, id: 'btn-accept-leaks' }) : nothing}
    ${p.report ? html`<h3>Build report</h3><pre class="report" id="pack-report" tabindex="0" aria-label="Build report">${p.report.join('\n')}</pre>
      ${button('Save report', () => dispatch({ type: 'savePackReport' }), { key: 'W', id: 'btn-save-report' })}` : nothing}
    <div class="actions actions-row">
      ${button('Play', () => dispatch({ type: 'playPack' }), { key: 'Enter', primary: true, id: 'btn-play-pack' })}
      ${button('Build from files', () => dispatch({ type: 'packFiles' }), { key: 'O', disabled: p.busy !== null, id: 'btn-pack-files', focusReturn: SELECTED_PACK })}
      ${button('Build from folder', () => dispatch({ type: 'packFolder' }), { key: 'F', disabled: p.busy !== null, id: 'btn-pack-folder', focusReturn: SELECTED_PACK })}
      ${button('Export zip', () => dispatch({ type: 'exportPack' }), { key: 'X', disabled: !selected, id: 'btn-export-pack' })}
      ${button(p.confirmDelete ? 'Press D again to delete' : 'Delete', () => dispatch({ type: 'deletePack' }), { key: 'D', danger: true, disabled: !selected, id: 'btn-delete-pack' })}
    </div>
    <div class="actions">${button('Close', () => dispatch({ type: 'packs' }), { key: 'K / Esc', id: 'btn-close-packs' })}</div>`, { wide: true });
}
