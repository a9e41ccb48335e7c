import { html, nothing, type TemplateResult } from 'lit-html';
import { countOf, tellsOfTruth } from '../domain/index.js';
import type { TrainingIntent } from '../input/index.js';
import {
  BENCHMARK_SOURCE, BENCHMARKS, caseCells, meanAccuracy, missRateCells, prePostSentences, refusalLabel, tellLabel,
} from '../presenters/index.js';
import type { DashboardState } from '../store/index.js';
import { dataTable, textField } from './form.js';
import { button, pct } from './widgets.js';

type T = (a: TrainingIntent) => void;

/** The group's mean accuracy beside the published figures (Radiology 2026). */
export function benchmarksBlock(d: DashboardState): TemplateResult {
  const rows: string[][] = [['This group (mean reader accuracy)', pct(meanAccuracy(d.readers))], ...BENCHMARKS.map((b) => [b.label, b.value])];
  return html`${dataTable('dash-benchmarks', 'Beside the published benchmarks', ['Readers', 'Figure'], rows, { compact: true })}
    <p class="note">${BENCHMARK_SOURCE}</p>`;
}

export function prePostBlock(d: DashboardState): TemplateResult | typeof nothing {
  if (!d.prePost) return nothing;
  return html`<section class="dash-prepost" aria-labelledby="dash-prepost-title">
    <h3 id="dash-prepost-title">Before and after: the change with the Obuchowski–Rockette test</h3>
    <ul id="dash-prepost">${prePostSentences(d.prePost).map((l) => html`<li>${l}</li>`)}</ul>
  </section>`;
}

/** Every case by the share of readers it fooled; the most-missed can be opened in the viewer with their tells. */
export function casesBlock(d: DashboardState, t: T): TemplateResult {
  return html`<section aria-labelledby="dash-cases-caption">
    <div class="table-wrap">
      <table class="data" id="dash-cases">
        <caption id="dash-cases-caption">Cases by the share of readers they fooled</caption>
        <thead><tr>${['Case', 'Truth', 'Tells', 'Fooled', 'Share'].map((h) => html`<th scope="col">${h}</th>`)}<th scope="col" class="no-print">Image</th></tr></thead>
        <tbody>${d.cases.map((c, i) => {
          const cells = caseCells(c);
          return html`<tr class=${d.shown?.caseId === c.caseId ? 'row-shown' : ''}>
            <th scope="row">${cells[0]}</th>${cells.slice(1).map((x) => html`<td>${x}</td>`)}
            <td class="no-print">${button(d.shown?.caseId === c.caseId ? 'Hide' : 'Show', () => t({ kind: 'dashShow', caseId: c.caseId }), {
              pressed: d.shown?.caseId === c.caseId, id: `btn-dash-case-${i}`, className: 'btn-small', title: `Show case ${c.caseId} with its tells`,
            })}</td></tr>`;
        })}</tbody>
      </table>
    </div>
  </section>`;
}

export function missRatesBlock(d: DashboardState): TemplateResult | typeof nothing {
  const m = d.missRates;
  if (!m || m.byArtifact.length === 0) return nothing;
  const head = ['', 'Fake cases', 'Missed', 'Miss rate'];
  return html`<section class="dash-miss" aria-label="Miss rates">
    ${dataTable('dash-miss-tell', 'Missed fakes by tell (time-outs count as misses)', ['Tell', ...head.slice(1)], m.byArtifact.map((g) => missRateCells(g, 'artifact')))}
    ${dataTable('dash-miss-category', 'Missed fakes by category', ['Category', ...head.slice(1)], m.byCategory.map((g) => missRateCells(g, 'category')))}
  </section>`;
}

/** Refused files with the reason, superseded duplicates, and notes. */
export function intakeBlock(d: DashboardState): TemplateResult | typeof nothing {
  if (d.refused.length === 0 && d.superseded.length === 0 && d.notes.length === 0) return nothing;
  return html`<section class="dash-intake" aria-labelledby="dash-files-title">
    <h3 id="dash-files-title">Files</h3>
    ${d.refused.length > 0 ? html`<h4>Refused</h4><ul id="dash-refused">${d.refused.map((r) => html`<li><strong>${r.name}</strong> (${refusalLabel(r.reason)}): ${r.message}</li>`)}</ul>` : nothing}
    ${d.superseded.length > 0 ? html`<h4>Superseded (a later file of the same reader was kept)</h4><ul id="dash-superseded">${d.superseded.map((s) => html`<li>${s.name}: kept ${s.keptName}</li>`)}</ul>` : nothing}
    ${d.notes.length > 0 ? html`<ul id="dash-notes">${d.notes.map((n) => html`<li>${n}</li>`)}</ul>` : nothing}
  </section>`;
}

/** Reads the session's statements with the instructor's own read credentials: typed here, used once, never kept. */
export function lrsBlock(d: DashboardState, endpoint: string, t: T): TemplateResult {
  const read = (): void => {
    const cred = document.getElementById('dash-lrs-cred') as HTMLInputElement | null;
    const url = document.getElementById('dash-lrs-endpoint') as HTMLInputElement | null;
    t({ kind: 'dashLrs', endpoint: url?.value ?? endpoint, credentials: cred?.value ?? '' });
    if (cred) cred.value = '';
  };
  return html`<section class="dash-lrs no-print" aria-labelledby="dash-lrs-title">
    <h3 id="dash-lrs-title">Answers from the Learning Record Store</h3>
    <p class="hint">With your own read credentials (not the session's write token). They are used for this one request and not kept.</p>
    <div class="field-row">
      ${textField('dash-lrs-endpoint', 'xAPI endpoint', endpoint, () => undefined, { type: 'url', wide: true })}
      ${textField('dash-lrs-cred', 'Authorization (Basic … or Bearer …)', '', () => undefined, { type: 'password', autocomplete: 'off' })}
    </div>
    ${button(d.lrsBusy ? 'Reading…' : 'Read statements', read, { busy: d.lrsBusy, id: 'btn-dash-lrs' })}
    ${d.lrsMessage ? html`<p id="dash-lrs-message">${d.lrsMessage}</p>` : nothing}
  </section>`;
}

/** The case opened from the table, in the viewer with its tells drawn, and what each tell is. */
export function shownCaseBlock(d: DashboardState, t: T): TemplateResult {
  const shown = d.shown;
  const at = shown ? d.cases.findIndex((c) => c.caseId === shown.caseId) : -1;
  const row = d.cases[at];
  return html`<aside class="dash-case no-print" aria-labelledby="dash-case-title">
    <div class="dash-case-head">
      <h3 id="dash-case-title">${shown ? `Case ${shown.caseId}` : 'A case with its tells'}</h3>
      ${shown ? button('Hide', () => t({ kind: 'dashShow', caseId: null }), {
        id: 'btn-dash-hide-case', className: 'btn-small', title: 'Hide the case', focusReturn: `#btn-dash-case-${at}`,
      }) : nothing}
    </div>
    ${shown
      ? html`<div class="viewer-slot" data-viewer-slot="dashboard"></div>
        <p>${row ? `Fooled ${row.fooled} of ${countOf(row.answered, 'reader')} (${pct(row.fooledShare)}).` : ''}${shown.truth.kind === 'authentic' ? ' A real image.' : ''}</p>
        <ul class="dash-tells" tabindex="0" aria-label="The tells of this case">${tellsOfTruth(shown.truth).map((x) => html`<li><strong>${tellLabel(x.artifactId)}</strong><span class="tell-explanation">: ${x.explanation}</span></li>`)}</ul>`
      : html`<p class="note">Choose Show on a case to open it here with its tells drawn.</p>`}
  </aside>`;
}
