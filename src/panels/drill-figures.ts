import { html, nothing, svg, type TemplateResult } from 'lit-html';
import {
  correctedNote, criterionWords, figureRows, funnel, hintRows, num, prevalenceLine, publishedComparisons, readerDPrime, type DrillRunReport, type Row,
  type TrendPoint,
} from '../domain/index.js';

/**
 * The drill report's parts as HTML: tables of rows (label, value, note), the funnel as labelled bars, the published
 * figures beside the department's, the readers' table and the trend. The words come from domain/readiness/
 * report-words.ts, so the dashboard, the printout, the reader's debrief and the command line say the same.
 */
export function rowsTable(caption: string, rows: readonly Row[], id?: string): TemplateResult {
  return html`<table class="drill-table" id=${id ?? nothing}>
    <caption>${caption}</caption>
    <tbody>${rows.map((r) => html`<tr><th scope="row">${r.label}</th><td>${r.value}${r.note ? html`<br /><span class="note">${r.note}</span>` : nothing}</td></tr>`)}</tbody>
  </table>`;
}

/** Shown, flagged, correct tell named: bars with their counts written beside them (readable without colour). */
export function funnelFigure(r: DrillRunReport['department'], id?: string): TemplateResult {
  const steps = funnel(r);
  const top = Math.max(1, steps[0]?.n ?? 1);
  const row = 34;
  return html`<figure class="plot drill-funnel" id=${id ?? nothing}>
    <figcaption>Funnel over the fakes</figcaption>
    <svg viewBox=${`0 0 420 ${row * steps.length + 6}`} role="img" aria-label=${steps.map((s) => `${s.label}: ${s.n}`).join(', ')}>
      ${steps.map((s, i) => svg`
        <rect x="190" y=${i * row + 6} width=${Math.max(2, (180 * s.n) / top)} height="22" fill="#58a6ff"></rect>
        <text class="plot-label" x="184" y=${i * row + 22} text-anchor="end">${s.label}</text>
        <text class="plot-label" x=${196 + (180 * s.n) / top} y=${i * row + 22}>${s.n}</text>`)}
    </svg>
  </figure>`;
}

export function comparisonsTable(r: DrillRunReport): TemplateResult {
  return html`<table class="drill-table drill-published">
    <caption>Beside the published figures</caption>
    <thead><tr><th scope="col">Published</th><th scope="col">Here</th></tr></thead>
    <tbody>${publishedComparisons(r).map((c) => html`<tr>
      <td>${c.published}<br /><span class="note">${c.source}. ${c.caveat}</span></td>
      <td>${c.yours}</td>
    </tr>`)}</tbody>
  </table>`;
}

export function readersTable(r: DrillRunReport): TemplateResult {
  const pct = (x: number | null): string => (x === null ? 'n/a' : `${Math.round(x * 100)}%`);
  const hinted = r.run.hintAccuracy !== null;
  return html`<table class="drill-table drill-readers">
    <caption>Per reader</caption>
    <thead><tr>
      <th scope="col">Reader</th><th scope="col">Fakes noticed</th><th scope="col">False flags</th><th scope="col">Time to flag</th>
      <th scope="col">d'</th><th scope="col">c</th><th scope="col">Tell named</th>
      ${hinted ? html`<th scope="col">Badge right / wrong / none</th>` : nothing}
    </tr></thead>
    <tbody>${r.readers.map((x) => html`<tr>
      <th scope="row">${x.readerId}</th>
      <td>${x.fakesFlagged} of ${x.fakesShown}</td>
      <td>${x.falseFlags} of ${x.authenticShown}</td>
      <td>${x.medianSecondsToFlag === null ? 'n/a' : `${x.medianSecondsToFlag.toFixed(1)} s`}</td>
      <td>${readerDPrime(x.sdt)}</td>
      <td>${x.sdt ? x.sdt.criterion.toFixed(2) : 'n/a'}</td>
      <td>${x.tellNamedRight} of ${x.fakesFlagged}</td>
      ${hinted ? html`<td>${pct(x.byHint.right.accuracy)} / ${pct(x.byHint.wrong.accuracy)} / ${pct(x.byHint.none.accuracy)}</td>` : nothing}
    </tr>`)}</tbody>
  </table>`;
}

/** One drill: prevalence stated, the department's figures, funnel, hint arm, readers, published figures. */
export function drillRunSection(r: DrillRunReport, o: { headingLevel?: 'h2' | 'h3'; own?: boolean } = {}): TemplateResult {
  const headingLevel = o.headingLevel ?? 'h3';
  const title = o.own ? r.run.title : `${r.run.title} (${r.run.date.slice(0, 10)}, ${r.readers.length} reader${r.readers.length === 1 ? '' : 's'})`;
  // One reader's own debrief: their figures, without the department's means of one.
  const deptRows: Row[] = o.own ? figureRows(r.department) : [
    ...figureRows(r.department),
    { label: "Mean of the readers' d'", value: num(r.meanDPrime), ...(correctedNote(r.readers) ? { note: correctedNote(r.readers) as string } : {}) },
    { label: "Mean of the readers' criterion c", value: criterionWords(r.meanCriterion) },
  ];
  return html`<section class="drill-run" aria-label=${title}>
    ${headingLevel === 'h2' ? html`<h2>${title}</h2>` : html`<h3>${title}</h3>`}
    <p class="drill-prevalence">${prevalenceLine(r.run)}</p>
    <div class="drill-grid">
      ${rowsTable(o.own ? 'Your figures' : 'The department (all readers pooled)', deptRows)}
      <div>
        ${funnelFigure(r.department)}
        ${r.run.hintAccuracy !== null ? rowsTable('Accuracy by AI-hint condition', hintRows(r.department)) : nothing}
      </div>
    </div>
    ${o.own ? nothing : readersTable(r)}
    ${comparisonsTable(r)}
  </section>`;
}

/** The department across drills: fakes noticed and false flags per drill, as a table and a small line plot. */
export function trendSection(trend: readonly TrendPoint[]): TemplateResult {
  const pct = (x: number | null): string => (x === null ? 'n/a' : `${Math.round(x * 100)}%`);
  const w = 420;
  const h = 150;
  const x = (i: number): number => (trend.length === 1 ? w / 2 : 40 + (i * (w - 80)) / (trend.length - 1));
  const y = (v: number): number => 20 + (1 - v) * (h - 50);
  const line = (pick: (t: TrendPoint) => number | null): string =>
    trend.flatMap((t, i) => { const v = pick(t); return v === null ? [] : [`${x(i)},${y(v)}`]; }).join(' ');
  return html`<section class="drill-trend" aria-label="Trend across drills">
    <h3>Trend across drills</h3>
    <table class="drill-table">
      <thead><tr><th scope="col">Drill</th><th scope="col">Prevalence</th><th scope="col">Readers noticing a fake</th><th scope="col">Fakes noticed</th><th scope="col">False flags</th><th scope="col">Mean d'</th></tr></thead>
      <tbody>${trend.map((t) => html`<tr><th scope="row">${t.date.slice(0, 10)} ${t.title}${t.prompted ? ' (prompted)' : ''}</th><td>${pct(t.prevalence)}</td>
        <td>${t.readersWhoNoticed} of ${t.readersShownAFake}</td><td>${pct(t.noticedRate)}</td><td>${pct(t.falseFlagRate)}</td><td>${t.meanDPrime === null ? 'n/a' : t.meanDPrime.toFixed(2)}</td></tr>`)}</tbody>
    </table>
    ${trend.length > 1 ? html`<figure class="plot">
      <figcaption>Fakes noticed (solid) and false flags (dashed), by drill</figcaption>
      <svg viewBox=${`0 0 ${w} ${h}`} role="img" aria-label="Fakes noticed and false flags across drills; the table above gives the values">
        <line x1="30" x2=${w - 20} y1=${y(0)} y2=${y(0)} stroke="#6e7681"></line>
        <text class="plot-label" x="4" y=${y(1) + 4}>100%</text><text class="plot-label" x="14" y=${y(0) + 4}>0%</text>
        <polyline points=${line((t) => t.noticedRate)} fill="none" stroke="#58a6ff" stroke-width="3"></polyline>
        <polyline points=${line((t) => t.falseFlagRate)} fill="none" stroke="#ffa657" stroke-width="3" stroke-dasharray="6 4"></polyline>
        ${trend.map((t, i) => svg`<text class="plot-label" x=${x(i)} y=${h - 6} text-anchor="middle">${t.date.slice(5, 10)}</text>`)}
      </svg>
    </figure>` : nothing}
  </section>`;
}
