import { html, nothing, type TemplateResult } from 'lit-html';
import type { TrainingIntent } from '../input/index.js';
import { D_PRIME_NOTE, DASH_TOGGLES, groupSentence, intakeLine, READER_CALL_COLUMNS, READER_SCALE_COLUMNS, readerCallCells, readerScaleCells } from '../presenters/index.js';
import type { GameState } from '../store/index.js';
import { benchmarksBlock, casesBlock, intakeBlock, lrsBlock, missRatesBlock, prePostBlock, shownCaseBlock } from './dashboard-parts.js';
import { dataTable } from './form.js';
import { button, dialog, type Dispatch } from './widgets.js';

/**
 * The instructor's debrief dashboard (B on the title screen): drop the residents' result files; per reader and for
 * the group the reader-study figures; the cases that fooled most readers, opened with their tells drawn; miss rates
 * by tell and category beside the published benchmarks; the pre/post change; exports; a projector mode with large
 * type and a printable page.
 */
export function dashboardDialog(st: GameState, dispatch: Dispatch): TemplateResult {
  const t = (action: TrainingIntent) => dispatch({ type: 'training', action });
  const d = st.training.dashboard;
  const s = d.session;
  const has = d.readers.length > 0;
  return dialog('dashboard', s ? `Debrief: ${s.title}` : 'Debrief dashboard', html`<div class=${d.projector ? 'dash projector' : 'dash'}>
    <div class="dash-head">
      ${s ? html`<p id="dash-session">${s.instructor}, key <code class="fingerprint">${s.fingerprint}</code>. ${s.settings}${s.pairing ? `; ${s.pairing}` : ''}.</p>` : nothing}
      <p id="dash-intake">${intakeLine(d)}${d.busy ? html` <span class="busy" id="dash-busy">${d.busy}</span>` : nothing}</p>
    </div>
    <div class="actions actions-row no-print dash-toolbar" role="toolbar" aria-label="Dashboard">
      ${button('Add files', () => t({ kind: 'dashFiles' }), { key: 'O', id: 'btn-dash-files' })}
      ${button('Add a folder', () => t({ kind: 'dashFolder' }), { key: 'F', id: 'btn-dash-folder' })}
      ${button(DASH_TOGGLES.names, () => t({ kind: 'dashNames' }), { key: 'N', pressed: d.anonymise, id: 'btn-dash-names' })}
      ${button(DASH_TOGGLES.projector, () => t({ kind: 'dashProjector' }), { key: 'P', pressed: d.projector, id: 'btn-dash-projector' })}
      ${button('Print', () => t({ kind: 'dashPrint' }), { disabled: !has, id: 'btn-dash-print' })}
      ${button('CSV: answers', () => t({ kind: 'dashExport', format: 'answers-csv' }), { key: 'V', disabled: !has, id: 'btn-dash-csv' })}
      ${button('CSV: readers', () => t({ kind: 'dashExport', format: 'readers-csv' }), { disabled: !has, id: 'btn-dash-readers-csv' })}
      ${button('.lrc (RJafroc)', () => t({ kind: 'dashExport', format: 'lrc' }), { disabled: !has, id: 'btn-dash-lrc' })}
      ${button('iMRMC', () => t({ kind: 'dashExport', format: 'imrmc' }), { disabled: !has, id: 'btn-dash-imrmc' })}
      ${button('Clear', () => t({ kind: 'dashClear' }), { id: 'btn-dash-clear' })}
      ${button('Close', () => t({ kind: 'close' }), { key: 'Esc', id: 'btn-close-dashboard' })}
    </div>
    <div class="dash-body">
      <div class="dash-main">
        ${has
          ? html`
            <section aria-label="Readers">
              ${dataTable('dash-readers', 'Readers: their calls (of the cases answered; time-outs counted apart)', READER_CALL_COLUMNS, d.readers.map((r, i) => readerCallCells(i, r, d)))}
              ${dataTable('dash-readers-scale', 'Readers: their ratings as a scale (time-outs left out)', READER_SCALE_COLUMNS, d.readers.map((r, i) => readerScaleCells(i, r, d)))}
              <p class="note" id="dash-dprime-note">${D_PRIME_NOTE}</p>
            </section>
            <section class="dash-group" aria-labelledby="dash-group-title">
              <h3 id="dash-group-title">The group</h3>
              <p id="dash-group">${groupSentence(d.group)}</p>
              ${benchmarksBlock(d)}
            </section>
            ${prePostBlock(d)}
            ${casesBlock(d, t)}
            ${missRatesBlock(d)}`
          : html`<p class="drop-hint" id="dash-empty">Drop the result files here: loose files, a folder, or zips of them. Add session.json to collect one session only, and the session bundle for a case-pack session.</p>`}
        ${intakeBlock(d)}
        ${s?.hasLrs ? lrsBlock(d, s.lrsEndpoint ?? '', t) : nothing}
      </div>
      ${has ? shownCaseBlock(d, t) : nothing}
    </div></div>`, { full: true });
}
